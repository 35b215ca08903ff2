package dev.hako.model.network;

import java.math.BigInteger;
import java.util.Optional;

/**
 * The rule for {@code ipv4.dhcp.ranges} and {@code ipv6.dhcp.ranges}: comma-separated
 * ranges, each {@code first-last}, both addresses of the network's family, inside its
 * subnet (when the subnet is known, not {@code auto} or {@code none}), and first ≤ last.
 * LXD 5.0 and Incus 6 accept an inverted range without a word; the notes' mistyped
 * {@code 10.154.195.10.20} is refused here before anything is sent.
 */
public final class DhcpRanges {

    /** Which part of the rule a range breaks; each has a message key in the network bundle. */
    public enum Rule {
        /** Not {@code first-last}: no dash, several dashes, or an empty item. */
        SHAPE("network.dhcp.problem.shape"),
        /** One end is not an address of the network's family ({@code 10.154.195.10.20}). */
        ADDRESS("network.dhcp.problem.address"),
        /** First comes after last. */
        ORDER("network.dhcp.problem.order"),
        /** An end lies outside the network's subnet. */
        OUTSIDE("network.dhcp.problem.outside");

        private final String messageKey;

        Rule(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /**
     * A broken rule: the offending range as typed and the subnet (empty when unknown). The
     * message's arguments are {0} the key, {1} the range, {2} the subnet.
     */
    public record Violation(Rule rule, String range, String subnet) {

        public Object[] arguments(String key) {
            return new Object[] {key, range, subnet};
        }
    }

    private DhcpRanges() {
    }

    /** The key whose subnet {@code rangesKey} must lie in ({@code ipv4.address} for {@code ipv4.dhcp.ranges}). */
    public static String addressKeyOf(String rangesKey) {
        return rangesKey.startsWith("ipv6.") ? "ipv6.address" : "ipv4.address";
    }

    /** Whether {@code key} is one of the two keys this rule covers. */
    public static boolean covers(String key) {
        return "ipv4.dhcp.ranges".equals(key) || "ipv6.dhcp.ranges".equals(key);
    }

    /**
     * The first range of {@code ranges} that breaks the rule, or empty; an empty value is
     * fine (the server picks). {@code networkAddress} is the network's own address with its
     * prefix, or {@code auto}/{@code none}/null when the subnet is not known here.
     */
    public static Optional<Violation> check(String ranges, String networkAddress, boolean ipv6) {
        if (ranges == null || ranges.isBlank()) {
            return Optional.empty();
        }
        IpSubnet subnet = IpSubnet.parse(networkAddress).filter(s -> s.ipv6() == ipv6).orElse(null);
        String subnetText = subnet == null ? "" : subnet.network();
        for (String item : ranges.split(",", -1)) {
            String range = item.trim();
            String[] ends = range.split("-", -1);
            if (range.isEmpty() || ends.length != 2) {
                return Optional.of(new Violation(Rule.SHAPE, range, subnetText));
            }
            Optional<BigInteger> first = ipv6 ? IpSubnet.ipv6(ends[0]) : IpSubnet.ipv4(ends[0]);
            Optional<BigInteger> last = ipv6 ? IpSubnet.ipv6(ends[1]) : IpSubnet.ipv4(ends[1]);
            if (first.isEmpty() || last.isEmpty()) {
                return Optional.of(new Violation(Rule.ADDRESS, range, subnetText));
            }
            if (first.get().compareTo(last.get()) > 0) {
                return Optional.of(new Violation(Rule.ORDER, range, subnetText));
            }
            if (subnet != null && !(subnet.contains(first.get()) && subnet.contains(last.get()))) {
                return Optional.of(new Violation(Rule.OUTSIDE, range, subnetText));
            }
        }
        return Optional.empty();
    }
}
