package dev.hako.testbed;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.StoragePoolsPost;
import java.nio.file.Path;
import java.util.Map;

/**
 * A second server of the same kind as one of the test bed's, with a "default" dir pool,
 * for tests that copy or move instances to it: a spare LXD or a spare Incus.
 */
public final class MigrationTarget implements AutoCloseable {

    private final AutoCloseable daemon;
    private final Path socket;
    private final LxdClient client;

    private MigrationTarget(AutoCloseable daemon, Path socket) {
        this.daemon = daemon;
        this.socket = socket;
        this.client = LxdClient.connect(new Endpoint.UnixSocket(socket));
        client.storage().createPool(new StoragePoolsPost("default", "dir", "", Map.of()), null);
    }

    /** A spare LXD. */
    public static MigrationTarget start(String name) {
        return start(Daemon.LXD, name);
    }

    /** A spare daemon of {@code kind}. */
    public static MigrationTarget start(Daemon kind, String name) {
        if (kind == Daemon.INCUS) {
            ExtraIncus incus = ExtraIncus.start(name);
            return new MigrationTarget(incus, incus.socket());
        }
        ExtraLxd lxd = ExtraLxd.start(name);
        return new MigrationTarget(lxd, lxd.socket());
    }

    /** Its unix socket. */
    public Path socket() {
        return socket;
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
        try {
            daemon.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the spare daemon: " + e.getMessage(), e);
        }
    }
}
