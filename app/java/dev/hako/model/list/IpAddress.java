package dev.hako.model.list;

import java.util.Arrays;

/**
 * An IPv4 or IPv6 address or network read from text without any name lookup, by the
 * rules of Go's {@code net.ParseIP} and {@code net.ParseCIDR} that {@code lxc} uses:
 * dotted decimal without leading zeros, or colon-hexadecimal with at most one
 * {@code ::} that stands for at least one group and an optional dotted IPv4 tail; no zone.
 */
final class IpAddress {

    private final byte[] bytes;
    private final int prefix;

    private IpAddress(byte[] bytes, int prefix) {
        this.bytes = bytes;
        this.prefix = prefix;
    }

    /** The address, or null when the text is not one. */
    static IpAddress parse(String text) {
        byte[] bytes = text.indexOf(':') >= 0 ? parse6(text) : parse4(text);
        return bytes == null ? null : new IpAddress(bytes, bytes.length * 8);
    }

    /** An address with a prefix length ({@code 10.0.0.0/8}; host bits may be set), or null. */
    static IpAddress parseNetwork(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return null;
        }
        IpAddress address = parse(text.substring(0, slash));
        String length = text.substring(slash + 1);
        if (address == null || length.isEmpty() || length.length() > 3 || !length.chars().allMatch(IpAddress::digit)) {
            return null;
        }
        int bits = Integer.parseInt(length);
        return bits > address.bytes.length * 8 ? null : new IpAddress(address.bytes, bits);
    }

    boolean ipv4() {
        return bytes.length == 4;
    }

    /** Whether {@code other} is this address, or lies in this network. */
    boolean contains(IpAddress other) {
        if (other.bytes.length != bytes.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (bytes[i] != other.bytes[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (bytes[whole] & mask) == (other.bytes[whole] & mask);
    }

    /** Numeric order; IPv4 before IPv6. */
    static int compare(IpAddress a, IpAddress b) {
        int byFamily = Integer.compare(a.bytes.length, b.bytes.length);
        return byFamily != 0 ? byFamily : Arrays.compareUnsigned(a.bytes, b.bytes);
    }

    private static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean hex(char c) {
        return digit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static byte[] parse4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(IpAddress::digit)
                    || part.length() > 1 && part.charAt(0) == '0') {
                return null;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            out[i] = (byte) value;
        }
        return out;
    }

    private static byte[] parse6(String text) {
        byte[] out = new byte[16];
        int ellipsis = -1;
        int filled = 0;
        String rest = text;
        if (rest.startsWith("::")) {
            ellipsis = 0;
            rest = rest.substring(2);
            if (rest.isEmpty()) {
                return out;
            }
        }
        while (filled < 16) {
            int colon = rest.indexOf(':');
            String group = colon < 0 ? rest : rest.substring(0, colon);
            if (colon < 0 && group.indexOf('.') >= 0) {
                byte[] tail = parse4(group);
                if (tail == null || filled > 12) {
                    return null;
                }
                System.arraycopy(tail, 0, out, filled, 4);
                filled += 4;
                rest = "";
                break;
            }
            if (group.isEmpty() || group.length() > 4 || !group.chars().allMatch(c -> hex((char) c))) {
                return null;
            }
            int value = Integer.parseInt(group, 16);
            out[filled++] = (byte) (value >> 8);
            out[filled++] = (byte) value;
            if (colon < 0) {
                rest = "";
                break;
            }
            rest = rest.substring(colon + 1);
            if (rest.startsWith(":")) {
                if (ellipsis >= 0) {
                    return null;
                }
                ellipsis = filled;
                rest = rest.substring(1);
                if (rest.isEmpty()) {
                    break;
                }
            } else if (rest.isEmpty()) {
                return null;
            }
        }
        if (!rest.isEmpty()) {
            return null;
        }
        if (filled < 16) {
            if (ellipsis < 0) {
                return null;
            }
            int moved = filled - ellipsis;
            System.arraycopy(out, ellipsis, out, 16 - moved, moved);
            Arrays.fill(out, ellipsis, 16 - moved, (byte) 0);
        } else if (ellipsis >= 0) {
            return null;
        }
        return out;
    }
}
