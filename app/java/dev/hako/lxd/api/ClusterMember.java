package dev.hako.lxd.api;

import java.util.List;
import java.util.Map;

/** {@code GET /1.0/cluster/members/<name>}. */
public record ClusterMember(
        String serverName,
        String url,
        boolean database,
        String status,
        String message,
        String architecture,
        String failureDomain,
        String description,
        Map<String, String> config,
        List<String> roles,
        List<String> groups) {
}
