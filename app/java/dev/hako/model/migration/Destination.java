package dev.hako.model.migration;

import dev.hako.lxd.api.ClusterMember;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.Network;
import dev.hako.model.RemoteModel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a destination remote has that a migration depends on: its storage pools, profiles,
 * instance names, managed networks, the host's network interfaces, custom volumes
 * ({@code pool/name}), projects and cluster members. Read from the remote's live
 * collections, so it is current each time it is asked for.
 */
public record Destination(String remote, Set<String> pools, Set<String> profiles, Set<String> instances,
                          Set<String> networks, Set<String> interfaces, Set<String> volumes, List<String> projects,
                          List<String> members) {

    public Destination {
        pools = Set.copyOf(pools);
        profiles = Set.copyOf(profiles);
        instances = Set.copyOf(instances);
        networks = Set.copyOf(networks);
        interfaces = Set.copyOf(interfaces);
        volumes = Set.copyOf(volumes);
        projects = List.copyOf(projects);
        members = List.copyOf(members);
    }

    /** A standalone server with no networks, volumes or other projects. */
    public Destination(String remote, Set<String> pools, Set<String> profiles, Set<String> instances) {
        this(remote, pools, profiles, instances, Set.of(), Set.of(), Set.of(), List.of(), List.of());
    }

    /** What {@code remote} has now, or null while its collections have not loaded yet. */
    public static Destination of(RemoteModel remote) {
        if (!remote.storagePools().isLoaded() || !remote.profiles().isLoaded() || !remote.instances().isLoaded()
                || !remote.networks().isLoaded() || !remote.volumes().isLoaded() || !remote.projects().isLoaded()
                || !remote.clusterMembers().isLoaded()) {
            return null;
        }
        Set<String> volumes = remote.volumes().snapshot().values().stream()
                .filter(v -> "custom".equals(v.volume().type()))
                .map(v -> volumeKey(v.pool(), v.volume().name())).collect(Collectors.toSet());
        return new Destination(remote.name(), remote.storagePools().snapshot().keySet(),
                remote.profiles().snapshot().keySet(), remote.instances().snapshot().keySet(),
                remote.networks().snapshot().values().stream().filter(Network::managed).map(Network::name)
                        .collect(Collectors.toSet()), remote.networks().snapshot().keySet(), volumes,
                List.copyOf(new TreeSet<>(remote.projects().snapshot().keySet())),
                remote.clusterMembers().snapshot().values().stream().map(ClusterMember::serverName).sorted().toList());
    }

    static String volumeKey(String pool, String volume) {
        return pool + "/" + volume;
    }

    /** The pools in name order. */
    public List<String> sortedPools() {
        return List.copyOf(new TreeSet<>(pools));
    }

    /** Of {@code wanted}, the profiles this remote lacks, in the order given. */
    public List<String> missingProfiles(List<String> wanted) {
        return wanted.stream().filter(p -> !profiles.contains(p)).toList();
    }

    /** The pool an instance goes to by default: the one its root disk is on when present here, else the first. */
    public String defaultPool(Instance instance) {
        String own = poolOf(instance);
        if (own != null && pools.contains(own)) {
            return own;
        }
        List<String> sorted = sortedPools();
        return sorted.isEmpty() ? null : sorted.get(0);
    }

    /** The pool of an instance's root disk, or null when it has none. */
    public static String poolOf(Instance instance) {
        Map<String, String> root = instance.expandedDevices() == null ? null : instance.expandedDevices().get("root");
        return root == null ? null : root.get("pool");
    }

    public boolean hasInstance(String name) {
        return instances.contains(name);
    }

    /** A managed network of that name (what a nic's {@code network} names). */
    public boolean hasNetwork(String name) {
        return networks.contains(name);
    }

    /** A managed network or a host interface of that name (what a nic's {@code parent} names). */
    public boolean hasInterface(String name) {
        return networks.contains(name) || interfaces.contains(name);
    }

    public boolean hasVolume(String pool, String volume) {
        return volumes.contains(volumeKey(pool, volume));
    }

    public boolean clustered() {
        return !members.isEmpty();
    }
}
