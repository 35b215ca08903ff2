package dev.hako.ui.wizard.init;

import dev.hako.remote.init.Preseed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the wizard's pages hold, without controls: turned into a {@link Preseed} the way
 * lxd init's questions are, and checked field by field (each problem is a message key).
 * Secrets (trust password, join token) are not part of the preseed built here.
 */
final class InitForm {

    enum Clustering { NONE, BOOTSTRAP, JOIN }

    Clustering clustering = Clustering.NONE;
    String clusterServerName = "";
    String joinToken = "";
    String joinServerAddress = "";
    String joinClusterAddress = "";
    /** Lines of "entity name key=value" (e.g. "storage-pool local source=/dev/sdb"). */
    String joinMemberConfig = "";

    boolean pool = true;
    String poolName = "default";
    String poolDriver = "dir";
    String poolSize = "";
    String poolSource = "";

    boolean network = true;
    String networkName = "lxdbr0";
    String ipv4 = "auto";
    String ipv6 = "auto";
    boolean nat = true;

    boolean access;
    String accessAddress = "[::]";
    String accessPort = "8443";

    boolean autoUpdate = true;

    /** Drivers whose pools may be a loop file of a given size. */
    static final List<String> SIZED_DRIVERS = List.of("btrfs", "lvm", "zfs");

    private static final Pattern SIZE = Pattern.compile("\\d+(\\.\\d+)?\\s*(B|kB|MB|GB|TB|PB|KiB|MiB|GiB|TiB|PiB)?");
    private static final Pattern IPV4_CIDR = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)/(3[0-2]|[12]?\\d)");
    private static final Pattern IPV6_CIDR = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01]\\d|[1-9]?\\d)");
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,14}");

    boolean joining() {
        return clustering == Clustering.JOIN;
    }

    /** The address part of core.https_address: an IPv6 address goes in brackets. */
    String httpsAddress() {
        String host = accessAddress.trim();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return host + ":" + accessPort.trim();
    }

    Preseed toPreseed() {
        if (joining()) {
            return Preseed.empty().withCluster(new Preseed.Cluster(blankToNull(clusterServerName), true,
                    joinServerAddress.trim(), joinClusterAddress.trim().isEmpty() ? null : joinClusterAddress.trim(),
                    null, null, memberConfig()));
        }
        Map<String, String> config = new LinkedHashMap<>();
        if (access) {
            config.put("core.https_address", httpsAddress());
        }
        if (!autoUpdate) {
            config.put("images.auto_update_interval", "0");
        }
        List<Preseed.StoragePool> pools = new ArrayList<>();
        Map<String, Map<String, String>> devices = new LinkedHashMap<>();
        if (pool) {
            Map<String, String> poolConfig = new LinkedHashMap<>();
            if (!poolSource.isBlank()) {
                poolConfig.put("source", poolSource.trim());
            } else if (!poolSize.isBlank() && SIZED_DRIVERS.contains(poolDriver)) {
                poolConfig.put("size", poolSize.trim().replace(" ", ""));
            }
            pools.add(new Preseed.StoragePool(poolName.trim(), poolDriver, "", poolConfig));
            devices.put("root", Map.of("path", "/", "pool", poolName.trim(), "type", "disk"));
        }
        List<Preseed.Network> networks = new ArrayList<>();
        if (network) {
            Map<String, String> networkConfig = new LinkedHashMap<>();
            networkConfig.put("ipv4.address", ipv4.trim());
            networkConfig.put("ipv6.address", ipv6.trim());
            if (!"none".equals(ipv4.trim())) {
                networkConfig.put("ipv4.nat", Boolean.toString(nat));
            }
            if (!"none".equals(ipv6.trim())) {
                networkConfig.put("ipv6.nat", Boolean.toString(nat));
            }
            networks.add(new Preseed.Network(networkName.trim(), "bridge", null, "", networkConfig));
            devices.put("eth0", Map.of("name", "eth0", "network", networkName.trim(), "type", "nic"));
        }
        List<Preseed.Profile> profiles = devices.isEmpty() ? List.of()
                : List.of(new Preseed.Profile("default", "", Map.of(), devices));
        Preseed.Cluster cluster = clustering == Clustering.BOOTSTRAP
                ? new Preseed.Cluster(clusterServerName.trim(), true, null, null, null, null, List.of()) : null;
        return new Preseed(config, pools, networks, List.of(), profiles, cluster);
    }

    private List<Preseed.MemberConfig> memberConfig() {
        List<Preseed.MemberConfig> out = new ArrayList<>();
        for (String line : joinMemberConfig.split("\\R")) {
            String[] parts = line.trim().split("\\s+", 3);
            if (parts.length == 3 && parts[2].contains("=")) {
                String key = parts[2].substring(0, parts[2].indexOf('='));
                String value = parts[2].substring(parts[2].indexOf('=') + 1);
                out.add(new Preseed.MemberConfig(parts[0], parts[1], key, value, null));
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    String clusteringProblem() {
        switch (clustering) {
            case BOOTSTRAP -> {
                if (clusterServerName.isBlank()) {
                    return "init.problem.serverName";
                }
            }
            case JOIN -> {
                if (joinToken.isBlank()) {
                    return "init.problem.token";
                }
                try {
                    dev.hako.remote.init.ClusterJoin.decode(joinToken);
                } catch (IllegalArgumentException e) {
                    return "init.problem.tokenInvalid";
                }
                if (!hostPort(joinServerAddress)) {
                    return "init.problem.serverAddress";
                }
                if (!joinClusterAddress.isBlank() && !hostPort(joinClusterAddress)) {
                    return "init.problem.clusterAddress";
                }
                for (String line : joinMemberConfig.split("\\R")) {
                    String[] parts = line.trim().split("\\s+", 3);
                    if (!line.isBlank() && (parts.length != 3 || !parts[2].contains("="))) {
                        return "init.problem.memberConfig";
                    }
                }
            }
            default -> {
            }
        }
        return null;
    }

    private static boolean hostPort(String text) {
        String t = text.trim();
        int colon = t.lastIndexOf(':');
        if (colon <= 0) {
            return false;
        }
        return port(t.substring(colon + 1));
    }

    private static boolean port(String text) {
        try {
            int p = Integer.parseInt(text.trim());
            return p > 0 && p < 65536;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    String poolProblem(java.util.Set<String> existing) {
        if (!pool || joining()) {
            return null;
        }
        var rule = dev.hako.model.NameRules.check(poolName.trim());
        if (rule.isPresent()) {
            return rule.get().messageKey;
        }
        if (poolDriver == null || poolDriver.isBlank()) {
            return "init.problem.driver";
        }
        if (existing.contains(poolName.trim())) {
            return null; // updated in place, as lxd init does
        }
        if (!poolSize.isBlank() && !SIZE.matcher(poolSize.trim()).matches()) {
            return "init.problem.size";
        }
        if (!poolSource.isBlank() && "dir".equals(poolDriver) && !poolSource.trim().startsWith("/")) {
            return "init.problem.dirSource";
        }
        return null;
    }

    String networkProblem() {
        if (!network || joining()) {
            return null;
        }
        if (!INTERFACE.matcher(networkName.trim()).matches()) {
            return "init.problem.bridgeName";
        }
        if (!address(ipv4.trim(), IPV4_CIDR)) {
            return "init.problem.ipv4";
        }
        if (!address(ipv6.trim(), IPV6_CIDR)) {
            return "init.problem.ipv6";
        }
        return null;
    }

    private static boolean address(String value, Pattern cidr) {
        return "auto".equals(value) || "none".equals(value) || cidr.matcher(value).matches();
    }

    String accessProblem(String password, String confirm) {
        if (joining()) {
            return null;
        }
        if (clustering == Clustering.BOOTSTRAP && !access) {
            return "init.problem.clusterNeedsAccess";
        }
        if (!access) {
            return null;
        }
        if (accessAddress.isBlank()) {
            return "init.problem.accessAddress";
        }
        if (!port(accessPort)) {
            return "init.problem.port";
        }
        if (password != null && !password.equals(confirm)) {
            return "init.problem.passwordMismatch";
        }
        return null;
    }
}
