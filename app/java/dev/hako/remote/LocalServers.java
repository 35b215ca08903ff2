package dev.hako.remote;

import dev.hako.lxd.ServerKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the local daemons' unix sockets in the order the CLIs use: for LXD
 * {@code LXD_SOCKET}, {@code $LXD_DIR/unix.socket}, {@code /var/lib/lxd}, the snap
 * path; for Incus {@code INCUS_SOCKET}, {@code $INCUS_DIR/unix.socket},
 * {@code /var/lib/incus}. The first existing socket of each wins.
 */
public final class LocalServers {

    private LocalServers() {
    }

    /** A local daemon's socket, and which daemon it is expected to be. */
    public record LocalServer(String name, ServerKind expectedKind, Path socket) {
    }

    public static List<LocalServer> discover(Map<String, String> env) {
        List<LocalServer> found = new ArrayList<>();
        firstExisting(candidates(env, "LXD_SOCKET", "LXD_DIR", "/var/lib/lxd/unix.socket",
                "/var/snap/lxd/common/lxd/unix.socket"))
                .ifPresent(socket -> found.add(new LocalServer("local", ServerKind.LXD, socket)));
        firstExisting(candidates(env, "INCUS_SOCKET", "INCUS_DIR", "/var/lib/incus/unix.socket", null))
                .ifPresent(socket -> found.add(new LocalServer(found.isEmpty() ? "local" : "local-incus",
                        ServerKind.INCUS, socket)));
        return found;
    }

    static List<Path> candidates(Map<String, String> env, String socketVariable, String dirVariable,
                                 String systemPath, String snapPath) {
        List<Path> paths = new ArrayList<>();
        String socket = env.get(socketVariable);
        if (socket != null && !socket.isBlank()) {
            paths.add(Path.of(socket));
        }
        String dir = env.get(dirVariable);
        if (dir != null && !dir.isBlank()) {
            paths.add(Path.of(dir, "unix.socket"));
        }
        paths.add(Path.of(systemPath));
        if (snapPath != null) {
            paths.add(Path.of(snapPath));
        }
        return paths;
    }

    private static java.util.Optional<Path> firstExisting(List<Path> paths) {
        return paths.stream().filter(Files::exists).findFirst();
    }
}
