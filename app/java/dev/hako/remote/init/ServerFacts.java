package dev.hako.remote.init;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.Server;
import dev.hako.lxd.api.ServerEnvironment;
import dev.hako.lxd.api.StorageDriverInfo;
import java.util.List;
import java.util.TreeSet;

/**
 * What initialising a server starts from, besides the objects it already has: its kind, the
 * storage drivers it supports, its name, whether it is clustered and where it listens now.
 *
 * @param serverName   the server's own name ("" when it has none yet)
 * @param httpsAddress {@code core.https_address} now ("" when it does not listen on the network)
 */
public record ServerFacts(ServerKind kind, List<String> drivers, String serverName, boolean clustered,
                          String httpsAddress) {

    public ServerFacts {
        drivers = List.copyOf(drivers);
        serverName = serverName == null || "none".equals(serverName) ? "" : serverName;
        httpsAddress = httpsAddress == null ? "" : httpsAddress;
    }

    public boolean incus() {
        return kind == ServerKind.INCUS;
    }

    /** Reads {@code GET /1.0} afresh (its config may have changed since the remote connected). Blocking. */
    public static ServerFacts read(LxdClient client) {
        Server server = client.refreshServer();
        ServerEnvironment env = server.environment();
        List<String> drivers = env == null || env.storageSupportedDrivers() == null ? List.of()
                : List.copyOf(new TreeSet<>(env.storageSupportedDrivers().stream().map(StorageDriverInfo::name)
                .toList()));
        Object https = server.config() == null ? null : server.config().get("core.https_address");
        return new ServerFacts(client.kind(), drivers, env == null ? "" : env.serverName(),
                env != null && env.serverClustered(), https == null ? "" : https.toString());
    }
}
