package dev.hako.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.NetworkLease;
import dev.hako.lxd.api.NetworkState;
import dev.hako.lxd.api.Server;
import dev.hako.lxd.api.StoragePoolResources;
import dev.hako.lxd.api.StorageVolume;
import java.util.List;

/**
 * What the detail view of an object shows beyond the remote's model: the server's
 * configuration and hardware, a pool's usage and volumes, a network's state and leases.
 * Each read is blocking and plain: values in, values out; callers run it in the background.
 */
public final class ObjectDetails {

    /** A storage pool's space and its volumes. */
    public record PoolReport(StoragePoolResources resources, List<StorageVolume> volumes) {
    }

    /** A managed network's live state and its DHCP leases. */
    public record NetworkReport(NetworkState state, List<NetworkLease> leases) {
    }

    /** The host's hardware in a few figures, as the server's {@code /1.0/resources} reports it. */
    public record HostResources(String cpus, String cpuModel, long memoryUsed, long memoryTotal, int disks,
                                int nics) {

        /** Reads the figures of a {@code /1.0/resources} answer; absent parts count as empty. */
        public static HostResources of(JsonNode json) {
            return new HostResources(json.path("cpu").path("total").asText(),
                    json.path("cpu").path("sockets").path(0).path("name").asText(null),
                    json.path("memory").path("used").asLong(), json.path("memory").path("total").asLong(),
                    json.path("storage").path("disks").size(), json.path("network").path("cards").size());
        }
    }

    private final LxdClient client;

    public ObjectDetails(LxdClient client) {
        this.client = client;
    }

    /** The server's description and configuration ({@code GET /1.0}). */
    public Server server() {
        return client.server().get().value();
    }

    public HostResources resources() {
        return HostResources.of(client.server().resources());
    }

    /**
     * Whether the server has no storage pool, i.e. has not been initialised. The remote's
     * pool collection knows once it has loaded; only before that is the server asked.
     */
    public static boolean hasNoPool(RemoteModel remote, LxdClient client) {
        if (remote.storagePools().isLoaded()) {
            return remote.storagePools().snapshot().isEmpty();
        }
        return client.storage().pools().isEmpty();
    }

    public PoolReport pool(String name) {
        return new PoolReport(client.storage().poolResources(name), client.storage().volumes(name));
    }

    public NetworkReport network(String name) {
        return new NetworkReport(client.networks().state(name), client.networks().leases(name));
    }
}
