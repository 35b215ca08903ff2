package dev.hako.model.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One side of a proxy device, as its {@code listen} or {@code connect} key holds it:
 * {@code <tcp|udp|unix>:<addr>:<port>[-<port>][,<port>]}, an IPv6 address in brackets.
 */
public record ProxyAddress(String protocol, String address, String ports) {

    /** The wildcard listen addresses: they take the port on every address of the host. */
    private static final List<String> WILDCARDS = List.of("0.0.0.0", "::", "");

    /** Parses a {@code listen} or {@code connect} value; empty for a unix socket or anything malformed. */
    public static Optional<ProxyAddress> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int colon = value.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String protocol = value.substring(0, colon).trim();
        String rest = value.substring(colon + 1).trim();
        if (!protocol.equals("tcp") && !protocol.equals("udp")) {
            return Optional.empty();
        }
        String address;
        String ports;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0 || close + 1 >= rest.length() || rest.charAt(close + 1) != ':') {
                return Optional.empty();
            }
            address = rest.substring(1, close);
            ports = rest.substring(close + 2);
        } else {
            int last = rest.lastIndexOf(':');
            if (last < 0) {
                return Optional.empty();
            }
            address = rest.substring(0, last);
            ports = rest.substring(last + 1);
        }
        return Optional.of(new ProxyAddress(protocol, address, ports));
    }

    /** The form the device takes: {@code tcp:127.0.0.1:8080}, {@code tcp:[::1]:8080}. */
    public static String format(String protocol, String address, int port) {
        String host = address.contains(":") ? "[" + address + "]" : address;
        return protocol + ":" + host + ":" + port;
    }

    /** Every port this side names ({@code 80-82,90} is 80, 81, 82 and 90); empty when unreadable. */
    public List<Integer> portList() {
        List<Integer> out = new ArrayList<>();
        for (String item : ports.split(",")) {
            String[] ends = item.trim().split("-");
            try {
                int first = Integer.parseInt(ends[0].trim());
                int last = ends.length > 1 ? Integer.parseInt(ends[1].trim()) : first;
                for (int p = first; p <= last && p <= 65535; p++) {
                    out.add(p);
                }
            } catch (NumberFormatException e) {
                return List.of();
            }
        }
        return out;
    }

    /** Whether a listener here and one on {@code other} would want the same socket. */
    public boolean clashesWith(ProxyAddress other) {
        if (!protocol.equals(other.protocol)) {
            return false;
        }
        boolean sameAddress = address.equals(other.address) || WILDCARDS.contains(address)
                || WILDCARDS.contains(other.address);
        return sameAddress && other.portList().stream().anyMatch(portList()::contains);
    }
}
