package dev.hako.remote.cluster;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.ClusterPut;
import dev.hako.lxd.api.ServerPut;
import java.time.Duration;
import java.util.Map;

/** Turns a standalone server into the first member of a new cluster. */
public final class ClusterBootstrap {

    public static final Duration TIMEOUT = Duration.ofMinutes(2);

    private ClusterBootstrap() {
    }

    /** The address other members will reach it on, or null when it has none (bootstrap needs one). */
    public static String address(LxdClient server) {
        return ClusterJoin.clusterAddressOf(server.refreshServer());
    }

    /** Sets {@code core.https_address} (a merge: other settings stay as they are). */
    public static void setHttpsAddress(LxdClient server, String address) {
        var current = server.server().get();
        server.server().patch(new ServerPut(Map.of("core.https_address", address)), current.etag());
    }

    /**
     * Sets the address first when {@code newAddress} is not null, then bootstraps; if the
     * bootstrap fails, the address is put back as it was, so a failure changes nothing.
     */
    public static void bootstrap(LxdClient server, String memberName, String newAddress) {
        if (newAddress == null) {
            bootstrap(server, memberName);
            return;
        }
        Object before = server.server().get().value().config().get("core.https_address");
        setHttpsAddress(server, newAddress);
        try {
            bootstrap(server, memberName);
        } catch (RuntimeException failure) {
            try {
                setHttpsAddress(server, before instanceof String s ? s : "");
            } catch (RuntimeException ignored) {
                // the bootstrap failure is what the user needs to see
            }
            throw failure;
        }
    }

    /** Bootstraps; the server keeps all it has (instances, pools) as the new cluster's. */
    public static void bootstrap(LxdClient server, String memberName) {
        server.cluster().update(ClusterPut.bootstrap(memberName)).awaitSuccess(TIMEOUT);
        server.refreshServer();
    }
}
