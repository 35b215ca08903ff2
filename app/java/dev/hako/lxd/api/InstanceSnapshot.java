package dev.hako.lxd.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** {@code GET /1.0/instances/<n>/snapshots/<s>}. */
public record InstanceSnapshot(
        String name,
        String description,
        String architecture,
        Map<String, String> config,
        Map<String, Map<String, String>> devices,
        boolean ephemeral,
        List<String> profiles,
        boolean stateful,
        Map<String, String> expandedConfig,
        Map<String, Map<String, String>> expandedDevices,
        OffsetDateTime createdAt,
        OffsetDateTime expiresAt,
        OffsetDateTime lastUsedAt,
        long size) {
}
