package dev.hako.lxd.api;

import java.util.Map;

/** The editable part of a storage pool. */
public record StoragePoolPut(Map<String, String> config, String description) {
}
