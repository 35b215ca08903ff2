package dev.hako.lxd.api;

import java.util.List;
import java.util.Map;

/** {@code GET /1.0/networks/<name>}. */
public record Network(
        String name,
        String description,
        String type,
        boolean managed,
        String status,
        Map<String, String> config,
        List<String> usedBy,
        List<String> locations) {

    public NetworkPut toPut() {
        return new NetworkPut(config, description);
    }
}
