package dev.hako.model.migration;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.Server;
import dev.hako.lxd.api.ServerEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks a migration passes before anything is sent: both servers' kind and version,
 * whether the destination can reach the source's network address, the pool and profiles
 * on the destination, the instance's devices that point at things the destination lacks,
 * and whether a live move can work. Everything comes from what the servers said and what
 * the destination's collections hold; nothing here sends a request.
 */
public final class Preflight {

    /** Device types that pass host hardware through: the destination needs the same. */
    private static final Set<String> HOST_DEVICES = Set.of("gpu", "usb", "unix-char", "unix-block", "pci",
            "infiniband", "tpm");

    /**
     * Both ends of a migration as the servers describe themselves, where each is reached,
     * the instance (with its expanded devices and config), what the destination has, and the plan.
     */
    public record Ends(Server source, Endpoint sourceEndpoint, Server target, Endpoint targetEndpoint,
                       Instance instance, Destination destination, MigrationPlan plan) {
    }

    private Preflight() {
    }

    public static List<PreflightCheck> check(Ends ends) {
        List<PreflightCheck> checks = new ArrayList<>();
        checks.add(servers(ends));
        if (!ends.plan().withinServer()) {
            checks.add(address(ends));
        }
        checks.addAll(storageAndProfiles(ends));
        checks.addAll(devices(ends));
        checks.add(mode(ends));
        return checks;
    }

    private static PreflightCheck servers(Ends ends) {
        String from = describe(ends.source());
        if (ends.plan().withinServer()) {
            return PreflightCheck.pass("migrate.check.sameServer", ends.plan().sourceRemote(), from);
        }
        String to = describe(ends.target());
        if (!kind(ends.source()).equals(kind(ends.target()))) {
            return PreflightCheck.block("migrate.check.kinds", from, to);
        }
        if (compareVersions(version(ends.target()), version(ends.source())) < 0) {
            return PreflightCheck.warn("migrate.check.olderTarget", from, to, ends.plan().targetRemote());
        }
        return PreflightCheck.pass("migrate.check.servers", from, to);
    }

    private static PreflightCheck address(Ends ends) {
        List<String> addresses = addresses(ends.source());
        String source = ends.plan().sourceRemote();
        String target = ends.plan().targetRemote();
        if (addresses.isEmpty()) {
            return PreflightCheck.block("migrate.check.noAddress", source, target);
        }
        boolean loopbackOnly = addresses.stream().allMatch(Preflight::loopback);
        if (loopbackOnly && !sameMachine(ends.sourceEndpoint(), ends.targetEndpoint())) {
            return PreflightCheck.block("migrate.check.loopbackOnly", source, String.join(", ", addresses), target);
        }
        return PreflightCheck.pass("migrate.check.address", target, String.join(", ", addresses));
    }

    private static List<PreflightCheck> storageAndProfiles(Ends ends) {
        List<PreflightCheck> checks = new ArrayList<>();
        Destination d = ends.destination();
        String pool = ends.plan().request().pool();
        String target = ends.plan().targetRemote();
        if (pool == null && ends.plan().withinServer()) {
            String own = Destination.poolOf(ends.instance());
            checks.add(PreflightCheck.pass("migrate.check.poolKept", own == null ? "" : own));
        } else if (pool == null || !d.pools().contains(pool)) {
            checks.add(PreflightCheck.block("migrate.check.noPool", target, pool == null ? "" : pool));
        } else {
            checks.add(PreflightCheck.pass("migrate.check.pool", pool, target));
        }
        List<String> wanted = ends.plan().request().profiles() == null ? List.of() : ends.plan().request().profiles();
        List<String> missing = d.missingProfiles(wanted);
        if (missing.isEmpty()) {
            checks.add(PreflightCheck.pass("migrate.check.profiles", target));
        } else if (ends.plan().profilesToCopy().containsAll(missing)) {
            checks.add(PreflightCheck.pass("migrate.check.profilesCopied", String.join(", ", missing), target));
        } else {
            checks.add(PreflightCheck.block("migrate.check.profilesMissing", String.join(", ", missing), target));
        }
        return checks;
    }

    private static List<PreflightCheck> devices(Ends ends) {
        List<PreflightCheck> checks = new ArrayList<>();
        Map<String, Map<String, String>> devices = ends.instance().expandedDevices() == null ? Map.of()
                : ends.instance().expandedDevices();
        Destination d = ends.destination();
        String target = ends.plan().targetRemote();
        boolean elsewhere = !ends.plan().withinServer();
        for (var entry : new java.util.TreeMap<>(devices).entrySet()) {
            String name = entry.getKey();
            Map<String, String> device = entry.getValue();
            String type = device.getOrDefault("type", "");
            if (type.equals("nic")) {
                String network = device.get("network");
                String parent = device.get("parent");
                if (network != null && !d.hasNetwork(network)) {
                    checks.add(PreflightCheck.block("migrate.check.nicNetwork", name, network, target));
                } else if (network == null && parent != null && !d.hasInterface(parent)) {
                    checks.add(PreflightCheck.block("migrate.check.nicParent", name, parent, target));
                }
            } else if (type.equals("disk") && !name.equals("root")) {
                String pool = device.get("pool");
                String source = device.get("source");
                if (pool != null && source != null && !d.hasVolume(pool, source)) {
                    checks.add(PreflightCheck.block("migrate.check.volume", name, source, pool, target));
                } else if (pool == null && source != null && elsewhere) {
                    checks.add(PreflightCheck.warn("migrate.check.hostPath", name, source, target));
                }
            } else if (HOST_DEVICES.contains(type) && elsewhere) {
                checks.add(PreflightCheck.warn("migrate.check.hostDevice", name, type, target));
            }
        }
        if (checks.isEmpty()) {
            checks.add(PreflightCheck.pass("migrate.check.devices", target));
        }
        return checks;
    }

    private static PreflightCheck mode(Ends ends) {
        Instance instance = ends.instance();
        boolean move = ends.plan().request().move();
        if (!instance.running()) {
            return PreflightCheck.pass("migrate.check.stopped");
        }
        if (!ends.plan().request().live()) {
            return move ? PreflightCheck.pass("migrate.check.cold", ends.plan().targetRemote())
                    : PreflightCheck.pass("migrate.check.copyRunning");
        }
        if ("virtual-machine".equals(instance.type())) {
            String stateful = instance.expandedConfig() == null ? null
                    : instance.expandedConfig().get("migration.stateful");
            return "true".equalsIgnoreCase(stateful) ? PreflightCheck.pass("migrate.check.liveVm")
                    : PreflightCheck.block("migrate.check.liveVmNotStateful", instance.name());
        }
        return PreflightCheck.warn("migrate.check.liveCriu");
    }

    private static String describe(Server server) {
        return kind(server) + " " + version(server);
    }

    private static String kind(Server server) {
        ServerEnvironment env = server.environment();
        String name = env == null || env.server() == null ? "lxd" : env.server();
        return name.equalsIgnoreCase("incus") ? "Incus" : "LXD";
    }

    private static String version(Server server) {
        ServerEnvironment env = server.environment();
        return env == null || env.serverVersion() == null ? "?" : env.serverVersion();
    }

    private static List<String> addresses(Server server) {
        ServerEnvironment env = server.environment();
        return env == null || env.addresses() == null ? List.of() : env.addresses();
    }

    /** Numeric comparison of dotted versions ("5.0.2" < "5.21.1"); parts that are not numbers count as 0. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(number(x, i), number(y, i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int number(String[] parts, int i) {
        if (i >= parts.length) {
            return 0;
        }
        try {
            return Integer.parseInt(parts[i].replaceAll("[^0-9].*$", ""));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    /** True for a listen address on 127.0.0.0/8 or ::1 ("127.0.0.1:8443", "[::1]:8443"). */
    static boolean loopback(String address) {
        String host = address.startsWith("[") ? address.substring(1, Math.max(1, address.indexOf(']')))
                : address.contains(":") ? address.substring(0, address.lastIndexOf(':')) : address;
        return host.startsWith("127.") || host.equals("::1") || host.equalsIgnoreCase("localhost");
    }

    /** Whether both servers run on one machine, as far as their endpoints tell. */
    static boolean sameMachine(Endpoint a, Endpoint b) {
        return local(a) && local(b) || a instanceof Endpoint.Https x && b instanceof Endpoint.Https y
                && x.host().equalsIgnoreCase(y.host());
    }

    private static boolean local(Endpoint endpoint) {
        return endpoint instanceof Endpoint.UnixSocket
                || endpoint instanceof Endpoint.Https https && loopback(https.host() + ":0");
    }
}
