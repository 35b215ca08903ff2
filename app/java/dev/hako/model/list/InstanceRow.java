package dev.hako.model.list;

import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstanceState;
import dev.hako.lxd.api.InstanceStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the instance table: an instance of one remote, its live state when it has
 * been fetched (only running instances on screen are asked for it) and its number of
 * snapshots when known.
 *
 * @param remote    the name of the remote the instance lives on
 * @param instance  the instance as {@code GET /1.0/instances?recursion=1} gave it
 * @param state     its state, or null when not fetched
 * @param snapshots how many snapshots it has, or null when not known
 */
public record InstanceRow(String remote, Instance instance, InstanceState state, Integer snapshots) {

    private static final String INET = "inet";
    private static final String INET6 = "inet6";

    public InstanceRow {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(instance, "instance");
    }

    /**
     * Whether the instance counts as up for the live columns, as {@code lxc} judges it
     * ({@code api.Instance.IsActive}): anything but stopped or in error, so a frozen
     * instance still shows its addresses.
     */
    public boolean active() {
        int code = instance.statusCode();
        return code != InstanceStatus.STOPPED && code != InstanceStatus.ERROR;
    }

    /** The IPv4 addresses as {@code lxc list} prints them: {@code "10.0.3.7 (eth0)"}. */
    public List<String> ipv4() {
        return addresses(INET);
    }

    /** The IPv6 addresses as {@code lxc list} prints them: {@code "fd42::7 (eth0)"}. */
    public List<String> ipv6() {
        return addresses(INET6);
    }

    /**
     * {@code lxc list}'s rule ({@code ipv4ColumnData} in {@code lxc/list.go}): nothing unless
     * the instance is active and its network state is known; loopback interfaces and
     * link- or host-local addresses left out; each as "address (interface)"; the whole
     * list in reverse text order, which is the order the command prints.
     */
    private List<String> addresses(String family) {
        if (!active() || state == null || state.network() == null) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, InstanceState.Network> nic : state.network().entrySet()) {
            InstanceState.Network network = nic.getValue();
            if (network == null || network.addresses() == null || loopback(nic.getKey(), network)) {
                continue;
            }
            for (InstanceState.Address address : network.addresses()) {
                if (address != null && family.equals(address.family()) && !"link".equals(address.scope())
                        && !"local".equals(address.scope())) {
                    found.add(address.address() + " (" + nic.getKey() + ")");
                }
            }
        }
        found.sort(Comparator.reverseOrder());
        return List.copyOf(found);
    }

    private static boolean loopback(String name, InstanceState.Network network) {
        // lxc goes by the type; an older server that leaves the type out still names it lo.
        return "loopback".equals(network.type()) || network.type() == null && "lo".equals(name);
    }
}
