package dev.hako.model.list;

import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstanceState;
import dev.hako.lxd.api.InstanceStatus;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Instances and states as the servers report them, for the table's tests. */
final class Rows {

    static final OffsetDateTime CREATED = OffsetDateTime.parse("2024-05-01T18:30:00+09:00");
    static final OffsetDateTime LXD_NEVER = OffsetDateTime.parse("1970-01-01T00:00:00Z");

    private Rows() {
    }

    /** A running container named {@code name} with nothing unusual about it. */
    static Builder instance(String name) {
        return new Builder(name);
    }

    static final class Builder {
        private String name;
        private String description = "";
        private String architecture = "x86_64";
        private String type = "container";
        private String status = "Running";
        private int statusCode = InstanceStatus.RUNNING;
        private final Map<String, String> config = new LinkedHashMap<>();
        private final Map<String, String> expandedConfig = new LinkedHashMap<>();
        private boolean ephemeral;
        private List<String> profiles = List.of("default");
        private OffsetDateTime createdAt = CREATED;
        private OffsetDateTime lastUsedAt = CREATED.plusHours(1);
        private String location = "none";

        private Builder(String name) {
            this.name = name;
        }

        Builder description(String value) {
            description = value;
            return this;
        }

        Builder architecture(String value) {
            architecture = value;
            return this;
        }

        Builder vm() {
            type = "virtual-machine";
            return this;
        }

        Builder ephemeral() {
            ephemeral = true;
            return this;
        }

        Builder stopped() {
            status = "Stopped";
            statusCode = InstanceStatus.STOPPED;
            return this;
        }

        Builder frozen() {
            status = "Frozen";
            statusCode = InstanceStatus.FROZEN;
            return this;
        }

        Builder error() {
            status = "Error";
            statusCode = InstanceStatus.ERROR;
            return this;
        }

        /** A key of the instance's own config, and so of the expanded one. */
        Builder config(String key, String value) {
            config.put(key, value);
            expandedConfig.put(key, value);
            return this;
        }

        /** A key that comes from a profile. */
        Builder profileConfig(String key, String value) {
            expandedConfig.put(key, value);
            return this;
        }

        Builder profiles(String... names) {
            profiles = List.of(names);
            return this;
        }

        Builder created(OffsetDateTime time) {
            createdAt = time;
            return this;
        }

        Builder lastUsed(OffsetDateTime time) {
            lastUsedAt = time;
            return this;
        }

        Builder location(String member) {
            location = member;
            return this;
        }

        Instance build() {
            return new Instance(name, description, architecture, type, status, statusCode, Map.copyOf(config),
                    Map.of(), ephemeral, profiles, false, Map.copyOf(expandedConfig), Map.of(), createdAt, lastUsedAt,
                    location, "default");
        }

        InstanceRow row() {
            return new InstanceRow("local", build(), null, null);
        }

        InstanceRow row(InstanceState state, Integer snapshots) {
            return new InstanceRow("local", build(), state, snapshots);
        }
    }

    static InstanceState.Address inet(String address, String scope) {
        return new InstanceState.Address("inet", address, "24", scope);
    }

    static InstanceState.Address inet6(String address, String scope) {
        return new InstanceState.Address("inet6", address, "64", scope);
    }

    static InstanceState.Network nic(String type, InstanceState.Address... addresses) {
        return new InstanceState.Network(List.of(addresses), null, "00:16:3e:00:00:01", "veth1", 1500, "up", type);
    }

    /** A state with these interfaces and figures. */
    static InstanceState state(Map<String, InstanceState.Network> network, long memoryBytes, long cpuNanos) {
        return new InstanceState("Running", InstanceStatus.RUNNING, Map.of(),
                new InstanceState.Memory(memoryBytes, 0, 0, 0), network, 4242, 17, new InstanceState.Cpu(cpuNanos));
    }

    /**
     * What a container with a Docker bridge inside reports: loopback, eth0 with a global and
     * a link-local address of each family, docker0, and a second NIC.
     */
    static InstanceState busyState() {
        Map<String, InstanceState.Network> network = new LinkedHashMap<>();
        network.put("lo", nic("loopback", inet("127.0.0.1", "local"), inet6("::1", "local")));
        network.put("eth0", nic("broadcast", inet("10.0.3.7", "global"), inet6("fd42:4242::7", "global"),
                inet6("fe80::216:3eff:fe00:1", "link")));
        network.put("docker0", nic("broadcast", inet("172.17.0.1", "global")));
        network.put("eth1", nic("broadcast", inet("10.0.3.20", "global"), inet("169.254.3.3", "link")));
        return state(network, 12_939_428L, 12_345_678_901L);
    }

    static InstanceState oneAddress(String ipv4) {
        return state(Map.of("eth0", nic("broadcast", inet(ipv4, "global"))), 1024, 1_000_000_000L);
    }
}
