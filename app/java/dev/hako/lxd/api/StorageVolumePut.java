package dev.hako.lxd.api;

import java.util.Map;

/** The editable part of a storage volume. */
public record StorageVolumePut(Map<String, String> config, String description) {
}
