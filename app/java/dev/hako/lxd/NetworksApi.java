package dev.hako.lxd;

import dev.hako.lxd.api.Network;
import dev.hako.lxd.api.NetworkLease;
import dev.hako.lxd.api.NetworkPut;
import dev.hako.lxd.api.NetworkState;
import dev.hako.lxd.api.NetworksPost;
import dev.hako.lxd.api.Tagged;
import java.util.List;
import java.util.Map;

/** {@code /1.0/networks}: bridges and other networks, their leases and state. */
public final class NetworksApi extends ResourceApi {

    NetworksApi(LxdClient client) {
        super(client);
    }

    private static String path(String name) {
        return "/1.0/networks/" + seg(name);
    }

    public List<Network> list() {
        return list("/1.0/networks", Network.class);
    }

    public Tagged<Network> get(String name) {
        return getTagged(path(name), Network.class);
    }

    /** The network as one cluster member has it: its member-specific config and its status there. */
    public Network get(String name, String target) {
        return getTagged(path(name), Network.class, "target", target).value();
    }

    public void create(NetworksPost request) {
        sync("POST", "/1.0/networks", request, null);
    }

    public void update(String name, NetworkPut put, String etag) {
        sync("PUT", path(name), put, etag);
    }

    public void rename(String name, String newName) {
        sync("POST", path(name), Map.of("name", newName), null);
    }

    public void delete(String name) {
        sync("DELETE", path(name), null, null);
    }

    public List<NetworkLease> leases(String name) {
        List<NetworkLease> leases = transport.get(url(path(name) + "/leases")).metadataAs(
                Json.listOf(NetworkLease.class));
        return leases == null ? List.of() : leases;
    }

    public NetworkState state(String name) {
        return get(path(name) + "/state", NetworkState.class);
    }
}
