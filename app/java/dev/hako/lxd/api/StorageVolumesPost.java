package dev.hako.lxd.api;

import java.util.Map;

/** {@code POST /1.0/storage-pools/<p>/volumes/custom}: sync unless it copies from a source. */
public record StorageVolumesPost(String name, String type, String contentType, String description,
                                 Map<String, String> config) {

    public static StorageVolumesPost custom(String name, String contentType, Map<String, String> config) {
        return new StorageVolumesPost(name, "custom", contentType, null, config);
    }
}
