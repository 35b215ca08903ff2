package dev.hako.lxd.api;

import java.util.Map;

/** The editable part of the server: its config. Values must be strings ({@code true} keeps a hidden key). */
public record ServerPut(Map<String, Object> config) {
}
