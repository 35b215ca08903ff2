package dev.hako.lxd.api;

import java.util.List;

/** {@code GET /1.0/cluster}. */
public record Cluster(String serverName, boolean enabled, List<ClusterMemberConfigKey> memberConfig) {
}
