package dev.hako.lxd.api;

import java.util.Map;

/** The editable part of a profile. */
public record ProfilePut(Map<String, String> config, String description, Map<String, Map<String, String>> devices) {
}
