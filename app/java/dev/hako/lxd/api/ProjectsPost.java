package dev.hako.lxd.api;

import java.util.Map;

/** {@code POST /1.0/projects}. */
public record ProjectsPost(String name, String description, Map<String, String> config) {
}
