package dev.hako.lxd.api;

import java.util.List;
import java.util.Map;

/** {@code GET /1.0/projects/<name>}. */
public record Project(String name, String description, Map<String, String> config, List<String> usedBy) {

    public ProjectPut toPut() {
        return new ProjectPut(config, description);
    }
}
