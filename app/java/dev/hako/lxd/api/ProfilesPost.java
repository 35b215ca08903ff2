package dev.hako.lxd.api;

import java.util.Map;

/** {@code POST /1.0/profiles}. */
public record ProfilesPost(String name, String description, Map<String, String> config,
                           Map<String, Map<String, String>> devices) {
}
