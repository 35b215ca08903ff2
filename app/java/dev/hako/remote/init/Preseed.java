package dev.hako.remote.init;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code lxd init --preseed} takes: server config, storage pools, networks, projects,
 * profiles and clustering. Config values are kept as strings (the server wants strings; a
 * preseed's {@code 15} is read as {@code "15"}, like lxd init's {@code %v}).
 *
 * <p>Secrets ({@code core.trust_password}, a cluster join token) may be held here in memory for
 * applying; {@link PreseedYaml#write(Preseed, boolean)} leaves them out of exported text.
 */
public record Preseed(
        Map<String, String> config,
        List<StoragePool> storagePools,
        List<Network> networks,
        List<Project> projects,
        List<Profile> profiles,
        Cluster cluster) {

    public static final String TRUST_PASSWORD = "core.trust_password";
    public static final String DEFAULT_PROJECT = "default";

    public Preseed {
        config = config == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
        storagePools = storagePools == null ? List.of() : List.copyOf(storagePools);
        networks = networks == null ? List.of() : List.copyOf(networks);
        projects = projects == null ? List.of() : List.copyOf(projects);
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
    }

    public static Preseed empty() {
        return new Preseed(Map.of(), List.of(), List.of(), List.of(), List.of(), null);
    }

    public record StoragePool(String name, String driver, String description, Map<String, String> config) {
        public StoragePool {
            config = config == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
            description = description == null ? "" : description;
        }
    }

    /** A network; {@code project} is {@code default} unless the preseed names another. */
    public record Network(String name, String type, String project, String description, Map<String, String> config) {
        public Network {
            config = config == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
            project = project == null || project.isBlank() ? DEFAULT_PROJECT : project;
            description = description == null ? "" : description;
        }
    }

    public record Project(String name, String description, Map<String, String> config) {
        public Project {
            config = config == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
            description = description == null ? "" : description;
        }
    }

    public record Profile(String name, String description, Map<String, String> config,
                          Map<String, Map<String, String>> devices) {
        public Profile {
            config = config == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
            Map<String, Map<String, String>> copy = new LinkedHashMap<>();
            if (devices != null) {
                devices.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
            }
            devices = java.util.Collections.unmodifiableMap(copy);
            description = description == null ? "" : description;
        }
    }

    /** A per-member value a joining server must give (e.g. a pool's {@code source}). */
    public record MemberConfig(String entity, String name, String key, String value, String description) {
    }

    /**
     * Clustering: {@code enabled} with only a server name bootstraps a new cluster; with a
     * cluster address, a server address and a join token it joins one. LXD 5.0 also joins with
     * the cluster's trust password ({@code cluster_password}) and the cluster's certificate
     * ({@code cluster_certificate}), as its own notes do; Incus has tokens only.
     */
    public record Cluster(String serverName, boolean enabled, String serverAddress, String clusterAddress,
                          String clusterCertificate, String clusterToken, List<MemberConfig> memberConfig,
                          String clusterPassword) {
        public Cluster {
            memberConfig = memberConfig == null ? List.of() : List.copyOf(memberConfig);
        }

        /** A cluster section that joins with a token (or none). */
        public Cluster(String serverName, boolean enabled, String serverAddress, String clusterAddress,
                       String clusterCertificate, String clusterToken, List<MemberConfig> memberConfig) {
            this(serverName, enabled, serverAddress, clusterAddress, clusterCertificate, clusterToken, memberConfig,
                    null);
        }

        public boolean joining() {
            return enabled && notBlank(clusterAddress) && notBlank(serverAddress);
        }

        /** Whether it joins with the cluster's trust password rather than a token. */
        public boolean joinsWithPassword() {
            return joining() && clusterToken == null && notBlank(clusterPassword);
        }

        public Cluster withToken(String token) {
            return new Cluster(serverName, enabled, serverAddress, clusterAddress, clusterCertificate, token,
                    memberConfig, null);
        }

        /** The same, joining with the cluster's trust password instead of a token. */
        public Cluster withPassword(String password) {
            return new Cluster(serverName, enabled, serverAddress, clusterAddress, clusterCertificate, null,
                    memberConfig, password);
        }

        /** Without the join token or password, which must never reach a log. */
        @Override
        public String toString() {
            return "Cluster[serverName=" + serverName + ", enabled=" + enabled + ", serverAddress=" + serverAddress
                    + ", clusterAddress=" + clusterAddress + ", clusterToken=" + (clusterToken == null ? null : HIDDEN)
                    + ", clusterPassword=" + (clusterPassword == null ? null : HIDDEN)
                    + ", memberConfig=" + memberConfig + "]";
        }
    }

    private static final String HIDDEN = "(hidden)";

    /** Without the trust password (or a join token), which must never reach a log. */
    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(config);
        shown.computeIfPresent(TRUST_PASSWORD, (key, secret) -> HIDDEN);
        return "Preseed[config=" + shown + ", storagePools=" + storagePools + ", networks=" + networks
                + ", projects=" + projects + ", profiles=" + profiles + ", cluster=" + cluster + "]";
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    public Preseed withConfig(Map<String, String> newConfig) {
        return new Preseed(newConfig, storagePools, networks, projects, profiles, cluster);
    }

    public Preseed withCluster(Cluster newCluster) {
        return new Preseed(config, storagePools, networks, projects, profiles, newCluster);
    }

    /** This preseed with one config key set (or removed when the value is null or empty). */
    public Preseed withConfigValue(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(config);
        if (value == null || value.isEmpty()) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return withConfig(copy);
    }

    /** True when there is nothing to apply. */
    public boolean isEmpty() {
        return config.isEmpty() && storagePools.isEmpty() && networks.isEmpty() && projects.isEmpty()
                && profiles.isEmpty() && (cluster == null || !cluster.enabled());
    }

    /**
     * What the preseed asks that this kind of server cannot take, as message keys with their
     * subject: Incus has no trust password; networks outside the default project are not applied here.
     */
    public List<String> problems(boolean incus) {
        List<String> problems = new ArrayList<>();
        if (incus && config.containsKey(TRUST_PASSWORD)) {
            problems.add("init.problem.incusTrustPassword");
        }
        for (Network n : networks) {
            if (!DEFAULT_PROJECT.equals(n.project())) {
                problems.add("init.problem.networkProject");
                break;
            }
        }
        for (StoragePool p : storagePools) {
            if (!notBlank(p.name()) || !notBlank(p.driver())) {
                problems.add("init.problem.poolIncomplete");
                break;
            }
        }
        for (Network n : networks) {
            if (!notBlank(n.name())) {
                problems.add("init.problem.networkIncomplete");
                break;
            }
        }
        for (Profile p : profiles) {
            if (!notBlank(p.name())) {
                problems.add("init.problem.profileIncomplete");
                break;
            }
        }
        if (cluster != null && cluster.enabled() && !notBlank(cluster.serverName()) && !cluster.joining()) {
            problems.add("init.problem.clusterName");
        }
        if (cluster != null && cluster.joinsWithPassword()) {
            // Incus refuses it; LXD needs the certificate to trust the member it asks.
            if (incus) {
                problems.add("init.problem.incusClusterPassword");
            } else if (!notBlank(cluster.clusterCertificate())) {
                problems.add("init.problem.clusterCertificateMissing");
            }
        }
        if (cluster != null && cluster.joining() && notBlank(cluster.clusterCertificate())
                && !certificateReadable(cluster.clusterCertificate())) {
            problems.add("init.problem.clusterCertificate");
        }
        return problems;
    }

    /** Whether a PEM text is an X.509 certificate (a notes' copy may have lost a line or a space). */
    static boolean certificateReadable(String pem) {
        try {
            dev.hako.remote.ServerCertificate.fromPem(pem.strip());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
