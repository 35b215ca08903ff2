package dev.hako.model.network;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstancePut;
import dev.hako.lxd.api.Tagged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Port forwards of an instance: the proxy devices it has (its own, which can be removed,
 * and its profiles'), the rules a new one must meet on its host, and the writes, each a
 * PUT of the instance read just before with its ETag, so nobody's change is overwritten.
 */
public final class PortForwarding {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** A proxy device as listed: {@code own} is false for one that comes from a profile. */
    public record Existing(String device, String listen, String connect, boolean nat, boolean own) {
    }

    /** Another proxy device that already takes a listen address and port on the same host. */
    public record Clash(String instance, String device, String listen) {
    }

    private PortForwarding() {
    }

    /** The instance's proxy devices, its own first, by name. */
    public static List<Existing> existing(Instance instance) {
        List<Existing> out = new ArrayList<>();
        Map<String, Map<String, String>> expanded = instance.expandedDevices() == null ? Map.of()
                : instance.expandedDevices();
        Map<String, Map<String, String>> own = instance.devices() == null ? Map.of() : instance.devices();
        expanded.entrySet().stream().filter(e -> "proxy".equals(e.getValue().get("type")))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.add(new Existing(e.getKey(), e.getValue().getOrDefault("listen", ""),
                        e.getValue().getOrDefault("connect", ""), "true".equals(e.getValue().get("nat")),
                        own.containsKey(e.getKey()))));
        out.sort((a, b) -> Boolean.compare(b.own(), a.own()));
        return out;
    }

    /**
     * The first proxy device of an instance on the same host (cluster member {@code location})
     * that listens where {@code listen} would; stopped instances count, they listen again
     * when started. Proxies bound inside their instance ({@code bind=instance}) do not.
     */
    public static Optional<Clash> clash(Collection<Instance> instances, String location, ProxyAddress listen) {
        for (Instance other : instances) {
            if (!sameHost(location, other.location()) || other.expandedDevices() == null) {
                continue;
            }
            for (var device : other.expandedDevices().entrySet()) {
                Map<String, String> config = device.getValue();
                if (!"proxy".equals(config.get("type")) || "instance".equals(config.get("bind"))) {
                    continue;
                }
                Optional<ProxyAddress> taken = ProxyAddress.parse(config.get("listen"));
                if (taken.isPresent() && taken.get().clashesWith(listen)) {
                    return Optional.of(new Clash(other.name(), device.getKey(), config.get("listen")));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean sameHost(String a, String b) {
        // A standalone server reports "none" or nothing.
        String left = a == null || a.isEmpty() || a.equals("none") ? "" : a;
        String right = b == null || b.isEmpty() || b.equals("none") ? "" : b;
        return left.equals(right);
    }

    /**
     * The instance's static IPv4 address on a managed bridge, which NAT mode forwards to, or
     * empty when it has none (NAT mode then cannot be used).
     */
    public static Optional<String> natAddress(Instance instance, Set<String> managedBridges) {
        if (instance.expandedDevices() == null) {
            return Optional.empty();
        }
        return instance.expandedDevices().values().stream()
                .filter(d -> "nic".equals(d.get("type")) && d.get("ipv4.address") != null
                        && !d.get("ipv4.address").isBlank() && managedBridges.contains(d.get("network")))
                .map(d -> d.get("ipv4.address").trim()).findFirst();
    }

    /** Adds the forward to the instance as read now; refused when its name is taken meanwhile. */
    public static void add(LxdClient client, String instance, PortForward forward) {
        change(client, instance, devices -> {
            if (devices.containsKey(forward.device())) {
                throw new IllegalStateException("device " + forward.device() + " already exists");
            }
            devices.put(forward.device(), forward.deviceConfig());
        });
    }

    /** Removes one of the instance's own proxy devices. */
    public static void remove(LxdClient client, String instance, String device) {
        change(client, instance, devices -> Objects.requireNonNull(devices.remove(device), device));
    }

    private static void change(LxdClient client, String instance,
                               java.util.function.Consumer<Map<String, Map<String, String>>> edit) {
        Tagged<Instance> fresh = client.instances().get(instance);
        InstancePut put = fresh.value().toPut();
        Map<String, Map<String, String>> devices = new LinkedHashMap<>(put.devices() == null ? Map.of() : put.devices());
        edit.accept(devices);
        client.instances().update(instance, new InstancePut(put.architecture(), put.config(), devices, put.ephemeral(),
                put.profiles(), put.stateful(), put.description()), fresh.etag()).awaitSuccess(TIMEOUT);
    }
}
