package dev.hako.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A two-member LXD cluster (node1, node2) on loopback built the way the operator's notes
 * build one, with the CLI: {@code lxc cluster enable} on the first spare daemon, a join
 * token from {@code lxc cluster add}, and {@code lxd init --preseed} on the second. It has
 * a "local" dir pool on both members as the default profile's root disk, and the test
 * bed's busybox image.
 */
public final class LxdCluster implements AutoCloseable {

    private final ExtraLxd first;
    private final ExtraLxd second;

    private LxdCluster(ExtraLxd first, ExtraLxd second) {
        this.first = first;
        this.second = second;
    }

    public static LxdCluster start(String name) {
        ExtraLxd first = ExtraLxd.start(name + "a");
        ExtraLxd second = ExtraLxd.start(name + "b");
        LxdCluster cluster = new LxdCluster(first, second);
        try {
            cluster.lxc(first, "storage", "create", "local", "dir");
            cluster.lxc(first, "profile", "device", "add", "default", "root", "disk", "path=/", "pool=local");
            cluster.lxc(first, "cluster", "enable", "node1");
            String token = cluster.lxc(first, "cluster", "add", "node2", "--quiet").strip();
            String preseed = String.join("\n", "cluster:", "  enabled: true", "  server_name: node2",
                    "  server_address: " + second.host() + ":" + second.port(),
                    "  cluster_address: " + first.host() + ":" + first.port(),
                    "  cluster_token: " + token,
                    "  member_config:", "  - entity: storage-pool", "    name: local", "    key: source",
                    "    value: \"\"", "");
            cluster.run(second, preseed, "lxd", "init", "--preseed");
            cluster.lxc(first, "image", "import", TestBed.env("HAKO_TB_IMAGE_TARBALL"), "--alias",
                    TestBed.imageAlias());
            return cluster;
        } catch (RuntimeException failed) {
            cluster.close();
            throw failed;
        }
    }

    /** The first member's unix socket: the cluster as a remote. */
    public Path socket() {
        return first.socket();
    }

    /** Runs {@code lxc} against the first member. */
    public String lxc(String... args) {
        return lxc(first, args);
    }

    private String lxc(ExtraLxd member, String... args) {
        List<String> command = new ArrayList<>(List.of("lxc"));
        command.addAll(List.of(args));
        return run(member, null, command.toArray(String[]::new));
    }

    private String run(ExtraLxd member, String input, String... command) {
        Path dir = member.socket().getParent();
        try {
            Files.createDirectories(dir.resolveSibling("conf"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("LXD_DIR", dir.toString(), "LXD_CONF", dir.resolveSibling("conf")
                .toString()));
        return Commands.run(builder, input, 180);
    }

    /** Stops both members (the second first) and removes their directories. */
    @Override
    public void close() {
        for (ExtraLxd member : new ExtraLxd[] {second, first}) {
            member.stop();
            dev.hako.remote.cluster.ClusterIT.unmountLeftovers(member);
            member.close();
        }
    }
}
