package dev.hako.lxd.api;

import java.util.Map;

/** {@code POST /1.0/storage-pools}. */
public record StoragePoolsPost(String name, String driver, String description, Map<String, String> config) {
}
