package dev.hako.model.list;

import dev.hako.lxd.api.Network;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A column of the network table, with the text {@code lxc network list} prints in it
 * ({@code cmdNetworkList} in {@code lxc/network.go}).
 */
public enum NetworkColumn implements ListColumn<Network> {

    NAME("name"),
    TYPE("type"),
    MANAGED("managed"),
    IPV4("ipv4"),
    IPV6("ipv6"),
    DESCRIPTION("description"),
    USED_BY("usedBy"),
    STATE("state");

    /** The command's columns, all of them. */
    public static final List<NetworkColumn> DEFAULT = List.of(values());

    private final String headerKey;

    NetworkColumn(String name) {
        this.headerKey = "lists.column." + name;
    }

    @Override
    public String headerKey() {
        return headerKey;
    }

    @Override
    public String text(Network network, Locale locale) {
        return switch (this) {
            case NAME -> Cells.orEmpty(network.name());
            case TYPE -> Cells.orEmpty(network.type());
            case MANAGED -> network.managed() ? "YES" : "NO";
            // As set, "none" included, as lxc prints it.
            case IPV4 -> Cells.configValue(network.config(), "ipv4.address");
            case IPV6 -> Cells.configValue(network.config(), "ipv6.address");
            case DESCRIPTION -> Cells.orEmpty(network.description());
            case USED_BY -> Integer.toString(network.usedBy() == null ? 0 : network.usedBy().size());
            case STATE -> Cells.orEmpty(network.status()).toUpperCase(Locale.ROOT);
        };
    }

    @Override
    public Comparator<Network> comparator(boolean descending) {
        Comparator<Network> byCell = this == USED_BY
                ? Cells.known(n -> n.usedBy() == null ? 0 : n.usedBy().size(), Comparator.<Integer>naturalOrder(),
                        descending)
                : Cells.byText(this, descending);
        return this == NAME ? byCell : byCell.thenComparing(NAME.comparator(false));
    }
}
