package dev.hako.remote.cluster;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.ClusterMember;
import dev.hako.lxd.api.Network;
import dev.hako.lxd.api.StoragePool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each cluster member has of the cluster's storage pools and managed networks: its
 * status there and its own config ({@code ?target=<member>}: a pool's source and size, a
 * network's parent), and the join tokens handed out and not used yet. Blocking; read off
 * the UI thread. A cluster-wide GET leaves the member-specific keys out, so they are the keys
 * a member's GET has that the cluster-wide one has not (or has otherwise).
 */
public final class ClusterLocations {

    public enum Kind { STORAGE_POOL, NETWORK }

    /** One pool or network on one member. {@code memberConfig} is sorted by key. */
    public record Location(String member, Kind kind, String name, String driver, String status,
                           Map<String, String> memberConfig) {
        public Location {
            memberConfig = java.util.Collections.unmodifiableMap(new TreeMap<>(memberConfig));
        }
    }

    public record Snapshot(List<Location> locations, List<JoinToken> pendingTokens) {
        public Snapshot {
            locations = List.copyOf(locations);
            pendingTokens = List.copyOf(pendingTokens);
        }

        public List<Location> of(String member) {
            return locations.stream().filter(l -> l.member().equals(member)).toList();
        }
    }

    private ClusterLocations() {
    }

    public static Snapshot read(LxdClient client) {
        List<String> members = client.cluster().members().stream().map(ClusterMember::serverName).toList();
        List<Location> out = new ArrayList<>();
        List<StoragePool> pools = client.storage().pools();
        List<Network> networks = client.networks().list().stream().filter(Network::managed).toList();
        for (String member : members) {
            for (StoragePool pool : pools) {
                StoragePool there = client.storage().pool(pool.name(), member);
                out.add(new Location(member, Kind.STORAGE_POOL, pool.name(), pool.driver(), there.status(),
                        ownConfig(pool.config(), there.config())));
            }
            for (Network network : networks) {
                Network there = client.networks().get(network.name(), member);
                out.add(new Location(member, Kind.NETWORK, network.name(), network.type(), there.status(),
                        ownConfig(network.config(), there.config())));
            }
        }
        return new Snapshot(out, JoinToken.pending(client));
    }

    /** The keys a member has of its own: absent from the cluster-wide config, or set otherwise. */
    static Map<String, String> ownConfig(Map<String, String> cluster, Map<String, String> member) {
        Map<String, String> own = new TreeMap<>();
        Map<String, String> shared = cluster == null ? Map.of() : cluster;
        if (member != null) {
            member.forEach((k, v) -> {
                if (!v.equals(shared.get(k))) {
                    own.put(k, v);
                }
            });
        }
        return own;
    }
}
