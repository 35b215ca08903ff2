package dev.hako.lxd.api;

import java.util.Map;

/** The editable part of a project. */
public record ProjectPut(Map<String, String> config, String description) {
}
