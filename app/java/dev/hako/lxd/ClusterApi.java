package dev.hako.lxd;

import dev.hako.lxd.api.Cluster;
import dev.hako.lxd.api.ClusterMember;
import dev.hako.lxd.api.ClusterPut;
import dev.hako.lxd.api.Tagged;
import java.util.List;
import java.util.Map;

/** {@code /1.0/cluster}: bootstrap, join, members, join tokens, evacuation. */
public final class ClusterApi extends ResourceApi {

    ClusterApi(LxdClient client) {
        super(client);
    }

    private static String memberPath(String name) {
        return "/1.0/cluster/members/" + seg(name);
    }

    public Tagged<Cluster> get() {
        return getTagged("/1.0/cluster", Cluster.class);
    }

    /**
     * Bootstraps or joins. A join token goes in {@code clusterToken}: LXD 5.0 takes it in
     * {@code cluster_password}, Incus as {@code cluster_token}, and this puts it right. A trust
     * password goes in {@code clusterPassword} (LXD 5.0 only, with {@code clusterCertificate});
     * Incus has no trust password, so that is refused here and nothing is sent.
     */
    public RunningOperation update(ClusterPut put) {
        ClusterPut forServer = put;
        if (client.kind() == ServerKind.LXD && put.clusterToken() != null) {
            forServer = new ClusterPut(put.serverName(), put.enabled(), put.memberConfig(), put.clusterAddress(),
                    put.clusterCertificate(), put.serverAddress(), put.clusterToken(), null);
        } else if (client.kind() == ServerKind.INCUS && put.clusterPassword() != null) {
            throw new ExplainedException("Incus joins a cluster with a join token only, not a trust password",
                    "error.cluster.incusPassword");
        }
        return async("PUT", "/1.0/cluster", forServer, null);
    }

    public List<ClusterMember> members() {
        return list("/1.0/cluster/members", ClusterMember.class);
    }

    public Tagged<ClusterMember> member(String name) {
        return getTagged(memberPath(name), ClusterMember.class);
    }

    /** Issues a join token for a new member; the token operation's metadata holds it. */
    public RunningOperation requestJoinToken(String serverName) {
        return async("POST", "/1.0/cluster/members", Map.of("server_name", serverName), null);
    }

    public void removeMember(String name, boolean force) {
        transport.send("DELETE", url(memberPath(name), "force", force ? "1" : null), null, null);
    }

    /** {@code evacuate} or {@code restore}; progress comes as {@code evacuation_progress}. */
    public RunningOperation changeMemberState(String name, String action) {
        return async("POST", memberPath(name) + "/state", Map.of("action", action), null);
    }
}
