package dev.hako.lxd.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** {@code GET /1.0/storage-pools/<p>/volumes/<type>/<name>}. */
public record StorageVolume(
        String name,
        String type,
        String description,
        String contentType,
        Map<String, String> config,
        List<String> usedBy,
        String location,
        OffsetDateTime createdAt,
        String project) {

    public StorageVolumePut toPut() {
        return new StorageVolumePut(config, description);
    }
}
