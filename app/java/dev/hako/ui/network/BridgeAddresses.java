package dev.hako.ui.network;

import dev.hako.ui.common.FailureText;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A new bridge's {@code ipv4.address} and {@code ipv6.address}: {@code auto} (the server
 * looks for an unused private subnet), {@code none}, or an address with its prefix.
 */
public final class BridgeAddresses {

    public static final String AUTO = "auto";
    public static final String NONE = "none";
    public static final String IPV4 = "ipv4.address";
    public static final String IPV6 = "ipv6.address";

    private static final Pattern CIDR4 = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}/\\d{1,2}");

    private BridgeAddresses() {
    }

    public static boolean isAuto(String value) {
        return value != null && AUTO.equals(value.trim());
    }

    /** The request's config: both keys, as typed (trimmed). */
    public static Map<String, String> config(String ipv4, String ipv6) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(IPV4, ipv4.trim());
        config.put(IPV6, ipv6.trim());
        return config;
    }

    /**
     * The same config with no address of {@code family} ({@link #IPV4} or {@link #IPV6}), and
     * none of that family's NAT and DHCP settings, which need an address.
     */
    public static Map<String, String> without(Map<String, String> config, String family) {
        Map<String, String> changed = new LinkedHashMap<>(config);
        String prefix = family.substring(0, family.indexOf('.') + 1);
        changed.keySet().removeIf(key -> key.startsWith(prefix) && !key.equals(family));
        changed.put(family, NONE);
        return changed;
    }

    /**
     * The key whose {@code auto} the server could not satisfy ("Failed to automatically find
     * an unused IPv4 subnet", in LXD's and Incus's words), or null for any other failure.
     */
    public static String familyWithoutFreeSubnet(Throwable failure) {
        String said = FailureText.serverText(failure);
        if (said == null) {
            return null;
        }
        String lower = said.toLowerCase(Locale.ROOT);
        if (lower.contains("unused ipv4 subnet")) {
            return IPV4;
        }
        if (lower.contains("unused ipv6 subnet")) {
            return IPV6;
        }
        return null;
    }

    public static boolean valid(String value, boolean ipv4) {
        if (value.equals(AUTO) || value.equals(NONE)) {
            return true;
        }
        if (ipv4) {
            if (!CIDR4.matcher(value).matches()) {
                return false;
            }
            String[] parts = value.split("[./]");
            for (int i = 0; i < 4; i++) {
                if (Integer.parseInt(parts[i]) > 255) {
                    return false;
                }
            }
            return Integer.parseInt(parts[4]) <= 32;
        }
        int slash = value.indexOf('/');
        if (slash < 0 || !value.contains(":")) {
            return false;
        }
        try {
            int prefix = Integer.parseInt(value.substring(slash + 1));
            return prefix >= 0 && prefix <= 128 && value.substring(0, slash).matches("[0-9A-Fa-f:]+");
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
