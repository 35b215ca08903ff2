package dev.hako.lxd.api;

import java.util.List;

/**
 * {@code PUT /1.0/cluster}: bootstrap or join. LXD 5.0 takes a join token in
 * {@code cluster_password}; Incus 6 has {@code cluster_token} instead.
 */
public record ClusterPut(
        String serverName,
        boolean enabled,
        List<ClusterMemberConfigKey> memberConfig,
        String clusterAddress,
        String clusterCertificate,
        String serverAddress,
        String clusterPassword,
        String clusterToken) {

    public static ClusterPut bootstrap(String serverName) {
        return new ClusterPut(serverName, true, null, null, null, null, null, null);
    }
}
