package dev.hako.lxd.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** An instance as {@code GET /1.0/instances?recursion=1} returns it (no state). */
public record Instance(
        String name,
        String description,
        String architecture,
        String type,
        String status,
        int statusCode,
        Map<String, String> config,
        Map<String, Map<String, String>> devices,
        boolean ephemeral,
        List<String> profiles,
        boolean stateful,
        Map<String, String> expandedConfig,
        Map<String, Map<String, String>> expandedDevices,
        OffsetDateTime createdAt,
        OffsetDateTime lastUsedAt,
        String location,
        String project) {

    public boolean running() {
        return statusCode == InstanceStatus.RUNNING;
    }

    /** The editable part, as PUT takes it back. */
    public InstancePut toPut() {
        return new InstancePut(architecture, config, devices, ephemeral, profiles, stateful, description);
    }
}
