package dev.hako.lxd.api;

import java.util.Map;

/** The editable part of a network. */
public record NetworkPut(Map<String, String> config, String description) {
}
