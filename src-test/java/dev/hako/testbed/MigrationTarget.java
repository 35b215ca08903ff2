package dev.hako.testbed;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.StoragePoolsPost;
import java.util.Map;

/** A second LXD server with a "default" dir pool, for tests that copy or move instances to it. */
public final class MigrationTarget implements AutoCloseable {

    private final ExtraLxd daemon;
    private final LxdClient client;

    private MigrationTarget(ExtraLxd daemon, LxdClient client) {
        this.daemon = daemon;
        this.client = client;
    }

    public static MigrationTarget start(String name) {
        ExtraLxd daemon = ExtraLxd.start(name);
        LxdClient client = LxdClient.connect(new Endpoint.UnixSocket(daemon.socket()));
        client.storage().createPool(new StoragePoolsPost("default", "dir", "", Map.of()), null);
        return new MigrationTarget(daemon, client);
    }

    public ExtraLxd daemon() {
        return daemon;
    }

    public LxdClient client() {
        return client;
    }

    /** Removes whatever instances the test left there, then the server. */
    @Override
    public void close() {
        for (String name : client.instances().names()) {
            Instances.remove(client, name.substring(name.lastIndexOf('/') + 1));
        }
        client.close();
        daemon.close();
    }
}
