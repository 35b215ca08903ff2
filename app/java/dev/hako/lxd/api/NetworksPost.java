package dev.hako.lxd.api;

import java.util.Map;

/** {@code POST /1.0/networks}. */
public record NetworksPost(String name, String type, String description, Map<String, String> config) {
}
