package dev.hako.model.migration;

import dev.hako.lxd.api.Instance;
import dev.hako.model.RemoteModel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a destination remote has that a migration depends on: its storage pools, its
 * profiles and the names its instances take. Read from the remote's live collections,
 * so it is current each time it is asked for.
 */
public record Destination(String remote, Set<String> pools, Set<String> profiles, Set<String> instances) {

    public Destination {
        pools = Set.copyOf(pools);
        profiles = Set.copyOf(profiles);
        instances = Set.copyOf(instances);
    }

    /** What {@code remote} has now, or null while its collections have not loaded yet. */
    public static Destination of(RemoteModel remote) {
        if (!remote.storagePools().isLoaded() || !remote.profiles().isLoaded() || !remote.instances().isLoaded()) {
            return null;
        }
        return new Destination(remote.name(), remote.storagePools().snapshot().keySet(),
                remote.profiles().snapshot().keySet(), remote.instances().snapshot().keySet());
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
        Map<String, String> root = instance.expandedDevices() == null ? null : instance.expandedDevices().get("root");
        String own = root == null ? null : root.get("pool");
        if (own != null && pools.contains(own)) {
            return own;
        }
        List<String> sorted = sortedPools();
        return sorted.isEmpty() ? null : sorted.get(0);
    }

    public boolean hasInstance(String name) {
        return instances.contains(name);
    }
}
