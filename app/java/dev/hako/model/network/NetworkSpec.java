package dev.hako.model.network;

import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.NetworksPost;
import dev.hako.model.CommandLine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network to create, as the dialog gathered it. A bridge has addresses ({@code auto},
 * {@code none} or an address with its prefix), NAT, DHCP with its ranges and a DNS domain;
 * a macvlan or physical network has only the host interface it sits on. Defaults the
 * servers already apply (NAT and DHCP on) are left out of the request.
 */
public record NetworkSpec(String name, String type, String parent, Family ipv4, Family ipv6, String dnsDomain) {

    public static final String BRIDGE = "bridge";
    public static final String MACVLAN = "macvlan";
    public static final String PHYSICAL = "physical";

    /** Network types the dialog can create, each offered only where the server has its extension. */
    public static final List<String> TYPES = List.of(BRIDGE, MACVLAN, PHYSICAL);

    /** One address family of a bridge: {@code ipv4.*} or {@code ipv6.*}. */
    public record Family(String address, boolean nat, boolean dhcp, String ranges) {
    }

    /** Whether a server with these API extensions can create networks of {@code type}. */
    public static boolean supported(String type, java.util.function.Predicate<String> hasExtension) {
        return switch (type) {
            case BRIDGE -> true;
            case MACVLAN -> hasExtension.test("network_type_macvlan");
            case PHYSICAL -> hasExtension.test("network_type_physical");
            default -> false;
        };
    }

    /** Whether this type sits on a host interface (and needs {@code parent}). */
    public static boolean needsParent(String type) {
        return MACVLAN.equals(type) || PHYSICAL.equals(type);
    }

    public Map<String, String> config() {
        Map<String, String> config = new LinkedHashMap<>();
        if (needsParent(type)) {
            config.put("parent", parent.trim());
            return config;
        }
        family(config, "ipv4", ipv4);
        family(config, "ipv6", ipv6);
        if (dnsDomain != null && !dnsDomain.isBlank()) {
            config.put("dns.domain", dnsDomain.trim());
        }
        return config;
    }

    private static void family(Map<String, String> config, String prefix, Family family) {
        String address = family.address().trim();
        config.put(prefix + ".address", address);
        if (address.equals("none")) {
            return;
        }
        // Said either way: the servers' default depends on whether the address was automatic.
        config.put(prefix + ".nat", Boolean.toString(family.nat()));
        if (!family.dhcp()) {
            config.put(prefix + ".dhcp", "false");
        } else if (family.ranges() != null && !family.ranges().isBlank()) {
            config.put(prefix + ".dhcp.ranges", family.ranges().replace(" ", ""));
        }
    }

    public NetworksPost request() {
        return new NetworksPost(name.trim(), type, "", config());
    }

    /** {@code lxc network create remote:br1 --type=bridge ipv4.address=auto …}. */
    public String command(ServerKind kind, String remote) {
        CommandLine line = CommandLine.of(kind).add("network", "create", remote + ":" + name.trim(), "--type=" + type);
        config().forEach((key, value) -> line.add(key + "=" + value));
        return line.toString();
    }

    /** {@code lxc network rename remote:old new}. */
    public static String renameCommand(ServerKind kind, String remote, String name, String newName) {
        return CommandLine.of(kind).add("network", "rename", remote + ":" + name, newName).toString();
    }
}
