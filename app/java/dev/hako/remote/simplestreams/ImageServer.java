package dev.hako.remote.simplestreams;

import dev.hako.lxd.ServerKind;
import dev.hako.remote.RemoteConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A simplestreams image server as the tree lists it: one the {@code lxc} / {@code incus} client
 * knows out of the box ({@code images:}, {@code ubuntu:}, {@code ubuntu-daily:}), or one the user
 * saved in the remotes file.
 *
 * @param name    the name the CLI (or the remotes file) gives it, as in {@code images:alpine/3.19}
 * @param address its HTTPS address, without a trailing slash
 * @param builtIn the CLIs that have it out of the box (empty for a saved one)
 * @param config  how to reach it: the saved remote, or a plain simplestreams remote for a built-in
 */
public record ImageServer(String name, String address, Set<ServerKind> builtIn, RemoteConfig config) {

    /** The protocol every image server here speaks. */
    public static final String PROTOCOL = "simplestreams";

    /**
     * The remotes {@code lxc} 5.0 adds to a new configuration ({@code lxc/config/default.go}:
     * {@code images}, {@code ubuntu}, {@code ubuntu-daily}, all simplestreams).
     */
    public static final Map<String, String> LXD_DEFAULTS = ordered(
            "images", "https://images.linuxcontainers.org",
            "ubuntu", "https://cloud-images.ubuntu.com/releases",
            "ubuntu-daily", "https://cloud-images.ubuntu.com/daily");

    /** The remote {@code incus} 6.0 adds to a new configuration ({@code shared/cliconfig/default.go}). */
    public static final Map<String, String> INCUS_DEFAULTS = ordered(
            "images", "https://images.linuxcontainers.org");

    public ImageServer {
        address = trim(address);
        builtIn = builtIn.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(builtIn));
    }

    /** The built-in servers of one CLI. */
    public static Map<String, String> defaultsOf(ServerKind kind) {
        return kind == ServerKind.INCUS ? INCUS_DEFAULTS : LXD_DEFAULTS;
    }

    /**
     * The image servers to list: the built-ins of the CLIs of {@code kinds} (the kinds of the user's
     * remotes), then the user's saved simplestreams remotes. One server per address: LXD's and
     * Incus's {@code images:} are one, and a saved remote with a built-in's address replaces it
     * (it carries the user's name and pinned certificate).
     */
    public static List<ImageServer> listed(Collection<ServerKind> kinds, List<RemoteConfig> saved) {
        Map<String, ImageServer> byAddress = new LinkedHashMap<>();
        for (ServerKind kind : ServerKind.values()) {
            if (!kinds.contains(kind)) {
                continue;
            }
            defaultsOf(kind).forEach((name, address) -> byAddress.merge(key(address),
                    new ImageServer(name, address, Set.of(kind), plain(name, address)),
                    (known, more) -> {
                        Set<ServerKind> both = EnumSet.copyOf(known.builtIn());
                        both.addAll(more.builtIn());
                        return new ImageServer(known.name(), known.address(), both, known.config());
                    }));
        }
        for (RemoteConfig remote : saved) {
            if (remote.imageOnly()) {
                byAddress.put(key(remote.address()), new ImageServer(remote.name(), remote.address(), Set.of(),
                        remote));
            }
        }
        return new ArrayList<>(byAddress.values());
    }

    /** True for a server the CLIs know out of the box. */
    public boolean isBuiltIn() {
        return !builtIn.isEmpty();
    }

    /** A stable key for the tree and the views: the address, as compared. */
    public String key() {
        return key(address);
    }

    /** A client that reads this server (pinned when the saved remote has a certificate). */
    public SimplestreamsClient client() {
        return SimplestreamsClient.of(config);
    }

    private static RemoteConfig plain(String name, String address) {
        return new RemoteConfig(name, address, RemoteConfig.Protocol.SIMPLESTREAMS, null, null, null, null);
    }

    private static String key(String address) {
        return trim(address).toLowerCase(Locale.ROOT);
    }

    private static String trim(String address) {
        return address == null ? "" : address.trim().replaceAll("/+$", "");
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
