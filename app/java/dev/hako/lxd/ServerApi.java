package dev.hako.lxd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hako.lxd.api.Server;
import dev.hako.lxd.api.ServerPut;
import dev.hako.lxd.api.Tagged;
import dev.hako.lxd.api.Warning;
import java.util.List;

/** {@code /1.0}: the server itself, its configuration and hardware resources. */
public final class ServerApi extends ResourceApi {

    ServerApi(LxdClient client) {
        super(client);
    }

    public Tagged<Server> get() {
        return getTagged("/1.0", Server.class);
    }

    /** Replaces the whole configuration; keys left out are unset. */
    public void put(ServerPut put, String etag) {
        sync("PUT", "/1.0", put, etag);
    }

    /** Merges the given keys into the configuration. */
    public void patch(ServerPut patch, String etag) {
        sync("PATCH", "/1.0", patch, etag);
    }

    /** {@code /1.0/resources}: CPU, memory, storage, network and system hardware as the server reports it. */
    public JsonNode resources() {
        return transport.get(url("/1.0/resources")).metadata();
    }

    /** Whether the server keeps warnings about itself (API extension {@code warnings}; LXD 5.0 and Incus do). */
    public boolean hasWarnings() {
        Server known = client.serverInfo();
        return known != null && known.hasExtension("warnings");
    }

    /**
     * {@code /1.0/warnings?recursion=1}: what the server noticed about itself, resolved ones
     * included. A server without the {@code warnings} extension answers 404.
     */
    public List<Warning> warnings() {
        return list("/1.0/warnings", Warning.class);
    }
}
