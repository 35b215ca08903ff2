package dev.hako.model.network;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An address with its prefix, as a network's {@code ipv4.address} or {@code ipv6.address}
 * holds it ({@code 192.0.2.1/24}): the gateway and the subnet around it. Parsed without
 * any name lookup: only literal addresses are accepted.
 */
public record IpSubnet(BigInteger address, int prefix, boolean ipv6) {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    /** {@code 192.0.2.1/24} or {@code 2001:db8::1/64}; empty for anything else (auto, none, a typo). */
    public static Optional<IpSubnet> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        int slash = value.indexOf('/');
        if (slash < 0 || !value.substring(slash + 1).matches("\\d{1,3}")) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(value.substring(slash + 1));
        boolean six = value.contains(":");
        Optional<BigInteger> address = six ? ipv6(value.substring(0, slash)) : ipv4(value.substring(0, slash));
        if (address.isEmpty() || prefix > (six ? 128 : 32)) {
            return Optional.empty();
        }
        return Optional.of(new IpSubnet(address.get(), prefix, six));
    }

    /** A dotted quad, each part 0–255; nothing shorter or longer. */
    public static Optional<BigInteger> ipv4(String text) {
        var m = IPV4.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long value = 0;
        for (int i = 1; i <= 4; i++) {
            int part = Integer.parseInt(m.group(i));
            if (part > 255) {
                return Optional.empty();
            }
            value = value << 8 | part;
        }
        return Optional.of(BigInteger.valueOf(value));
    }

    /** An IPv6 literal (no zone, no brackets). */
    public static Optional<BigInteger> ipv6(String text) {
        String value = text.trim();
        // The pattern keeps host names out: InetAddress would look them up.
        if (!value.contains(":") || !IPV6.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.getByName(value).getAddress();
            return bytes.length == 16 ? Optional.of(new BigInteger(1, bytes)) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address of this subnet's family, or empty. */
    public Optional<BigInteger> parseAddress(String text) {
        return ipv6 ? ipv6(text) : ipv4(text);
    }

    private BigInteger mask() {
        int bits = ipv6 ? 128 : 32;
        return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
    }

    /** Whether {@code other} (an address of the same family) lies in this subnet. */
    public boolean contains(BigInteger other) {
        return other.and(mask()).equals(address.and(mask()));
    }

    /** The subnet as the user reads it ({@code 192.0.2.0/24}). */
    public String network() {
        BigInteger net = address.and(mask());
        if (!ipv6) {
            long v = net.longValue();
            return (v >> 24 & 255) + "." + (v >> 16 & 255) + "." + (v >> 8 & 255) + "." + (v & 255) + "/" + prefix;
        }
        byte[] raw = net.toByteArray();
        byte[] bytes = new byte[16];
        System.arraycopy(raw, Math.max(0, raw.length - 16), bytes, Math.max(0, 16 - raw.length), Math.min(16, raw.length));
        try {
            String text = InetAddress.getByAddress(bytes).getHostAddress();
            return compress(text) + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Java writes 2001:db8:0:0:0:0:0:0; people write 2001:db8::. */
    private static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }
}
