package dev.hako.lxd.api;

import java.util.List;
import java.util.Map;

/** {@code GET /1.0/storage-pools/<name>}. */
public record StoragePool(
        String name,
        String driver,
        String description,
        Map<String, String> config,
        List<String> usedBy,
        String status,
        List<String> locations) {

    public StoragePoolPut toPut() {
        return new StoragePoolPut(config, description);
    }
}
