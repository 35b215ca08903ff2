package dev.hako.ui.wizard.init;

import dev.hako.model.NameRules;
import dev.hako.model.SizeRules;
import dev.hako.remote.init.Preseed;
import dev.hako.remote.init.PreseedYaml;
import dev.hako.remote.init.ServerFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the wizard's pages say, as plain values: turned into a {@link Preseed} the way lxd
 * init's questions are, read back from one, and checked page by page (each problem a message
 * key). Secrets (trust password, join token) are not among them: no preseed made here holds one.
 */
record InitAnswers(
        Clustering clustering, String serverName, String joinServerAddress, String joinClusterAddress,
        String joinMemberConfig,
        boolean pool, String poolName, String poolDriver, String poolSize, String poolSource,
        boolean network, String networkName, String ipv4, String ipv6, boolean nat,
        boolean access, String accessAddress, String accessPort,
        boolean autoUpdate) {

    enum Clustering { NONE, BOOTSTRAP, JOIN }

    /** Drivers whose pools may be a loop file of a given size. */
    static final List<String> SIZED_DRIVERS = List.of("btrfs", "lvm", "zfs");
    static final String HTTPS_ADDRESS = "core.https_address";
    static final String AUTO_UPDATE = "images.auto_update_interval";
    private static final String DEFAULT_PORT = "8443";
    /** Host interface names (a bridge is one) are at most 15 characters. */
    private static final int MAX_INTERFACE = 15;

    private static final Pattern IPV4_CIDR = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)/(3[0-2]|[12]?\\d)");
    private static final Pattern IPV6_CIDR = Pattern.compile(
            "[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01]\\d|[1-9]?\\d)");

    InitAnswers {
        clustering = clustering == null ? Clustering.NONE : clustering;
        serverName = text(serverName);
        joinServerAddress = text(joinServerAddress);
        joinClusterAddress = text(joinClusterAddress);
        joinMemberConfig = text(joinMemberConfig);
        poolName = text(poolName);
        poolDriver = text(poolDriver);
        poolSize = text(poolSize);
        poolSource = text(poolSource);
        networkName = text(networkName);
        ipv4 = text(ipv4);
        ipv6 = text(ipv6);
        accessAddress = text(accessAddress);
        accessPort = text(accessPort);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /**
     * What lxd init would suggest on this server: a pool and a bridge only where there is none
     * yet (else the first one, left alone), network access as it is now, updates on.
     */
    static InitAnswers suggested(ServerFacts facts, Set<String> pools, Set<String> networks) {
        String driver = facts.drivers().contains("dir") || facts.drivers().isEmpty() ? "dir" : facts.drivers().get(0);
        String bridge = !networks.isEmpty() ? networks.iterator().next() : facts.incus() ? "incusbr0" : "lxdbr0";
        String[] listen = facts.httpsAddress().isBlank() ? new String[] {"[::]", DEFAULT_PORT}
                : hostAndPort(facts.httpsAddress());
        return new InitAnswers(Clustering.NONE, facts.serverName(), "", "", "",
                pools.isEmpty(), pools.isEmpty() ? "default" : pools.iterator().next(), driver, "", "",
                networks.isEmpty(), bridge, "auto", "auto", true,
                false, listen[0], listen[1], true);
    }

    boolean joining() {
        return clustering == Clustering.JOIN;
    }

    /** Whether the pool's size is used: a loop file is made only by some drivers, and only without a source. */
    boolean poolSizeUsed() {
        return SIZED_DRIVERS.contains(poolDriver) && poolSource.isBlank();
    }

    /** The address part of core.https_address: an IPv6 address goes in brackets. */
    String httpsAddress() {
        String host = accessAddress.trim();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return host + ":" + accessPort.trim();
    }

    /** "[::]:8443" → "[::]", "8443"; an address without a port gets lxd's default one. */
    static String[] hostAndPort(String address) {
        String a = address.trim();
        int colon = a.lastIndexOf(':');
        boolean bareIpv6 = colon > 0 && a.indexOf(':') != colon && !a.startsWith("[");
        if (colon <= 0 || a.endsWith("]") || bareIpv6) {
            return new String[] {a, DEFAULT_PORT};
        }
        return new String[] {a.substring(0, colon), a.substring(colon + 1)};
    }

    Preseed toPreseed() {
        if (joining()) {
            return Preseed.empty().withCluster(new Preseed.Cluster(blankToNull(serverName), true,
                    joinServerAddress.trim(), blankToNull(joinClusterAddress), null, null, memberConfig()));
        }
        Map<String, String> config = new LinkedHashMap<>();
        if (access) {
            config.put(HTTPS_ADDRESS, httpsAddress());
        }
        if (!autoUpdate) {
            config.put(AUTO_UPDATE, "0");
        }
        List<Preseed.StoragePool> pools = new ArrayList<>();
        Map<String, Map<String, String>> devices = new LinkedHashMap<>();
        if (pool) {
            Map<String, String> poolConfig = new LinkedHashMap<>();
            if (!poolSource.isBlank()) {
                poolConfig.put("source", poolSource.trim());
            } else if (!poolSize.isBlank() && poolSizeUsed()) {
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
                ? new Preseed.Cluster(serverName.trim(), true, null, null, null, null, List.of()) : null;
        return new Preseed(config, pools, networks, List.of(), profiles, cluster);
    }

    /**
     * These answers changed to say what {@code preseed} says, as far as pages can: its first
     * pool and network, network access, updates and clustering. Joining takes nothing else
     * (the cluster gives the rest), so the other pages keep their answers then. Whether the
     * pages say all of it shows in {@code expresses(preseed)}.
     */
    InitAnswers readFrom(Preseed preseed) {
        Preseed.Cluster cluster = preseed.cluster();
        if (cluster != null && cluster.joining()) {
            return new InitAnswers(Clustering.JOIN, text(cluster.serverName()), cluster.serverAddress(),
                    text(cluster.clusterAddress()), memberConfigLines(cluster.memberConfig()),
                    pool, poolName, poolDriver, poolSize, poolSource, network, networkName, ipv4, ipv6, nat,
                    access, accessAddress, accessPort, autoUpdate);
        }
        boolean bootstrap = cluster != null && cluster.enabled();
        String name = cluster != null && cluster.serverName() != null ? cluster.serverName() : serverName;
        String https = preseed.config().get(HTTPS_ADDRESS);
        String[] listen = https == null ? new String[] {accessAddress, accessPort} : hostAndPort(https);
        boolean updates = !"0".equals(preseed.config().get(AUTO_UPDATE));
        Preseed.StoragePool p = preseed.storagePools().isEmpty() ? null : preseed.storagePools().get(0);
        Preseed.Network n = preseed.networks().isEmpty() ? null : preseed.networks().get(0);
        return new InitAnswers(bootstrap ? Clustering.BOOTSTRAP : Clustering.NONE, name, joinServerAddress,
                joinClusterAddress, joinMemberConfig,
                p != null, p == null ? poolName : p.name(), p == null ? poolDriver : p.driver(),
                p == null ? poolSize : text(p.config().get("size")),
                p == null ? poolSource : text(p.config().get("source")),
                n != null, n == null ? networkName : n.name(),
                n == null ? ipv4 : n.config().getOrDefault("ipv4.address", "auto"),
                n == null ? ipv6 : n.config().getOrDefault("ipv6.address", "auto"),
                n == null ? nat : !"false".equals(n.config().getOrDefault("ipv4.nat",
                        n.config().getOrDefault("ipv6.nat", "true"))),
                https != null, listen[0], listen[1], updates);
    }

    /** Whether these answers make exactly {@code preseed} (secrets included, so a typed secret says no). */
    boolean expresses(Preseed preseed) {
        return PreseedYaml.write(toPreseed(), true).equals(PreseedYaml.write(preseed, true));
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

    private static String memberConfigLines(List<Preseed.MemberConfig> config) {
        List<String> lines = new ArrayList<>();
        for (Preseed.MemberConfig m : config) {
            lines.add(m.entity() + " " + m.name() + " " + m.key() + "=" + text(m.value()));
        }
        return String.join("\n", lines);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    // ---- checks, page by page: a message key, or null --------------------------------------

    /**
     * @param joinToken what the secret field holds: a join token, or (LXD only) the cluster's
     *                  trust password, which also needs the cluster's certificate in the preseed
     *                  (checked on the preseed page, where it is written)
     * @param incus     whether the server is Incus (tokens only)
     */
    String clusteringProblem(String joinToken, boolean incus) {
        switch (clustering) {
            case BOOTSTRAP -> {
                if (serverName.isBlank()) {
                    return "init.problem.serverName";
                }
            }
            case JOIN -> {
                return joinProblem(joinToken == null ? "" : joinToken, incus);
            }
            default -> {
            }
        }
        return null;
    }

    private String joinProblem(String joinToken, boolean incus) {
        if (joinToken.isBlank()) {
            return incus ? "init.problem.token" : "init.problem.tokenOrPassword";
        }
        if (!PreseedYaml.isJoinToken(joinToken)) {
            // Not a token: on LXD the cluster's trust password, which needs the member and its certificate.
            if (incus) {
                return "init.problem.incusClusterPassword";
            }
            if (joinClusterAddress.isBlank()) {
                return "init.problem.passwordNeedsClusterAddress";
            }
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
        return null;
    }

    private static boolean hostPort(String text) {
        String t = text.trim();
        int colon = t.lastIndexOf(':');
        return colon > 0 && port(t.substring(colon + 1));
    }

    private static boolean port(String text) {
        try {
            int p = Integer.parseInt(text.trim());
            return p > 0 && p < 65536;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    String poolProblem(Set<String> existing) {
        if (!pool || joining()) {
            return null;
        }
        var rule = NameRules.checkPool(poolName.trim());
        if (rule.isPresent()) {
            return rule.get().messageKey;
        }
        if (poolDriver.isBlank()) {
            return "init.problem.driver";
        }
        if (existing.contains(poolName.trim())) {
            return null; // updated in place, as lxd init does
        }
        if (poolSizeUsed() && !poolSize.isBlank()) {
            var size = SizeRules.check(poolSize);
            if (size.isPresent()) {
                return size.get();
            }
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
        var rule = NameRules.check(networkName.trim());
        if (rule.isPresent()) {
            return rule.get().messageKey;
        }
        if (networkName.trim().length() > MAX_INTERFACE) {
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

    /** {@code password} is null on a server without trust passwords (Incus). */
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
