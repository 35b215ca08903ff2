package dev.hako.remote.cluster;

import dev.hako.lxd.CertificateFingerprint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.api.Cluster;
import dev.hako.lxd.api.ClusterMember;
import dev.hako.lxd.api.ClusterMemberConfigKey;
import dev.hako.lxd.api.ClusterPut;
import dev.hako.lxd.api.CertificatesPost;
import dev.hako.lxd.api.Network;
import dev.hako.lxd.api.Server;
import dev.hako.remote.ExplainedArgumentException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Joins a standalone server to an existing cluster, the way {@code lxd init} does
 * with a token, but driven from the outside: checks both servers first, gets a
 * token on the cluster for the new member, then {@code PUT /1.0/cluster} on the
 * joining server. If the join fails, the token is revoked (and a member entry the
 * cluster made for the name is removed again), so nothing half-made stays behind.
 */
public final class ClusterJoin {

    /** The join can take tens of seconds (database replication, storage set-up). */
    public static final Duration JOIN_TIMEOUT = Duration.ofMinutes(5);

    /** Something that stops the join; {@code detail} is a name or list to show with it. */
    public record Problem(Kind kind, String detail) {
    }

    public enum Kind {
        SAME_SERVER, KIND_MISMATCH, JOINING_CLUSTERED, JOINING_NO_ADDRESS, JOINING_HAS_INSTANCES,
        JOINING_HAS_POOLS, JOINING_HAS_NETWORKS, JOINING_HAS_PROJECTS, CLUSTER_NOT_CLUSTERED, CLUSTER_NO_ADDRESS,
        NAME_TAKEN
    }

    /**
     * What the checks found: what stops the join, and what the join needs (addresses,
     * the cluster certificate, the per-member settings the cluster asks for).
     */
    public record Preflight(List<Problem> problems, String joiningServerName, String serverAddress,
                            String clusterAddress, String clusterCertificate,
                            List<ClusterMemberConfigKey> memberConfig, List<String> memberNames) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * The join as asked: the new member's name and the values of the cluster's per-member
     * settings. {@code keepTrusted}: client certificates that reach the joining server over
     * HTTPS now; the member takes over the cluster's trust store, so they are added to it
     * (if missing) or those clients would be locked out. May be empty.
     */
    public record Request(String serverName, String serverAddress, String clusterAddress, String clusterCertificate,
                          List<ClusterMemberConfigKey> memberConfig, List<X509Certificate> keepTrusted) {
        public Request {
            keepTrusted = keepTrusted == null ? List.of() : List.copyOf(keepTrusted);
        }

        public Request(String serverName, String serverAddress, String clusterAddress, String clusterCertificate,
                       List<ClusterMemberConfigKey> memberConfig) {
            this(serverName, serverAddress, clusterAddress, clusterCertificate, memberConfig, List.of());
        }
    }

    /** Where the join is; for progress text. */
    public enum Step { TOKEN, JOINING, CHECKING, REVERTING }

    private ClusterJoin() {
    }

    /** The HTTPS address a server listens on for other members, or null when it has none. */
    public static String clusterAddressOf(Server server) {
        Map<String, Object> config = server.config() == null ? Map.of() : server.config();
        Object cluster = config.get("cluster.https_address");
        if (cluster instanceof String s && !s.isBlank()) {
            return s;
        }
        Object core = config.get("core.https_address");
        return core instanceof String s && usableAddress(s) ? s : null;
    }

    /** A wildcard address ({@code [::]:8443}, {@code :8443}) is no address another member can dial. */
    static boolean usableAddress(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        String host = address.startsWith("[") ? address.substring(1, Math.max(1, address.indexOf(']')))
                : address.contains(":") ? address.substring(0, address.lastIndexOf(':')) : address;
        return !host.isEmpty() && !"::".equals(host) && !"0.0.0.0".equals(host);
    }

    /** Reads both servers and says what would stop the join. Blocking; call off the UI thread. */
    public static Preflight check(LxdClient joining, LxdClient cluster, String newMemberName) {
        List<Problem> problems = new ArrayList<>();
        Server joiningServer = joining.refreshServer();
        Server clusterServer = cluster.refreshServer();
        var je = joiningServer.environment();
        var ce = clusterServer.environment();
        if (je != null && ce != null && je.certificateFingerprint() != null
                && je.certificateFingerprint().equals(ce.certificateFingerprint())
                && je.serverName() != null && je.serverName().equals(ce.serverName())) {
            problems.add(new Problem(Kind.SAME_SERVER, null));
        }
        if (joining.kind() != cluster.kind()) {
            problems.add(new Problem(Kind.KIND_MISMATCH, cluster.kind().displayName()));
        }
        if (je != null && je.serverClustered()) {
            problems.add(new Problem(Kind.JOINING_CLUSTERED, je.serverName()));
        }
        String serverAddress = clusterAddressOf(joiningServer);
        if (serverAddress == null) {
            problems.add(new Problem(Kind.JOINING_NO_ADDRESS, null));
        }
        List<String> instances = joining.instances().names().stream()
                .map(n -> n.substring(n.lastIndexOf('/') + 1)).toList();
        if (!instances.isEmpty()) {
            problems.add(new Problem(Kind.JOINING_HAS_INSTANCES, String.join(", ", instances)));
        }
        List<String> pools = joining.storage().pools().stream().map(p -> p.name()).toList();
        if (!pools.isEmpty()) {
            problems.add(new Problem(Kind.JOINING_HAS_POOLS, String.join(", ", pools)));
        }
        List<String> networks = joining.networks().list().stream().filter(Network::managed).map(Network::name)
                .toList();
        if (!networks.isEmpty()) {
            problems.add(new Problem(Kind.JOINING_HAS_NETWORKS, String.join(", ", networks)));
        }
        List<String> projects = joining.projects().list().stream().map(p -> p.name())
                .filter(p -> !"default".equals(p)).toList();
        if (!projects.isEmpty()) {
            problems.add(new Problem(Kind.JOINING_HAS_PROJECTS, String.join(", ", projects)));
        }
        List<ClusterMemberConfigKey> memberConfig = List.of();
        List<String> memberNames = List.of();
        if (ce == null || !ce.serverClustered()) {
            problems.add(new Problem(Kind.CLUSTER_NOT_CLUSTERED, ce == null ? null : ce.serverName()));
        } else {
            Cluster info = cluster.cluster().get().value();
            memberConfig = info.memberConfig() == null ? List.of() : info.memberConfig();
            memberNames = cluster.cluster().members().stream().map(ClusterMember::serverName).toList();
            if (newMemberName != null && memberNames.contains(newMemberName)) {
                problems.add(new Problem(Kind.NAME_TAKEN, newMemberName));
            }
        }
        String clusterAddress = clusterAddressOf(clusterServer);
        if (clusterAddress == null) {
            problems.add(new Problem(Kind.CLUSTER_NO_ADDRESS, null));
        }
        return new Preflight(problems, je == null ? null : je.serverName(), serverAddress, clusterAddress,
                ce == null ? null : ce.certificate(), memberConfig, memberNames);
    }

    /**
     * Joins; returns the new member as the cluster lists it. On failure the token is
     * revoked and the failure is rethrown with the server's words.
     */
    public static ClusterMember join(LxdClient joining, LxdClient cluster, Request request, Consumer<Step> progress) {
        progress.accept(Step.TOKEN);
        List<String> trustedHere = trustClients(cluster, request);
        JoinToken token;
        try {
            token = JoinToken.create(cluster, request.serverName());
        } catch (RuntimeException failure) {
            untrust(cluster, trustedHere);
            throw failure;
        }
        try {
            progress.accept(Step.JOINING);
            ClusterPut put = new ClusterPut(request.serverName(), true, request.memberConfig(),
                    request.clusterAddress(), request.clusterCertificate(), request.serverAddress(), null,
                    token.token());
            joining.cluster().update(put).awaitSuccess(JOIN_TIMEOUT);
            progress.accept(Step.CHECKING);
            return cluster.cluster().member(request.serverName()).value();
        } catch (RuntimeException failure) {
            progress.accept(Step.REVERTING);
            revert(joining, cluster, token);
            untrust(cluster, trustedHere);
            throw failure;
        }
    }

    /** Adds the clients to keep to the cluster's trust store; returns the fingerprints it added. */
    private static List<String> trustClients(LxdClient cluster, Request request) {
        List<String> added = new ArrayList<>();
        if (request.keepTrusted().isEmpty()) {
            return added;
        }
        java.util.Set<String> known = new java.util.HashSet<>();
        cluster.certificates().list().forEach(c -> known.add(c.fingerprint()));
        try {
            for (X509Certificate certificate : request.keepTrusted()) {
                String fingerprint = CertificateFingerprint.sha256(certificate);
                if (known.contains(fingerprint)) {
                    continue;
                }
                cluster.certificates().add(CertificatesPost.addCertificate(
                        "hako-" + request.serverName(), Base64.getEncoder().encodeToString(certificate.getEncoded())));
                added.add(fingerprint);
                known.add(fingerprint);
            }
        } catch (java.security.cert.CertificateEncodingException e) {
            untrust(cluster, added);
            throw new ExplainedArgumentException("cannot encode a client certificate", e,
                    "remotes.problem.encodeCertificate");
        } catch (RuntimeException failure) {
            untrust(cluster, added);
            throw failure;
        }
        return added;
    }

    private static void untrust(LxdClient cluster, List<String> fingerprints) {
        for (String fingerprint : fingerprints) {
            try {
                cluster.certificates().delete(fingerprint);
            } catch (LxdException ignored) {
                // the join failure is what the user needs to see
            }
        }
    }

    private static void revert(LxdClient joining, LxdClient cluster, JoinToken token) {
        try {
            token.revoke(cluster);
        } catch (LxdException ignored) {
            // the join failure is what the user needs to see
        }
        try {
            boolean joined = joining.refreshServer().environment() != null
                    && joining.refreshServer().environment().serverClustered();
            boolean listed = cluster.cluster().members().stream()
                    .anyMatch(m -> m.serverName().equals(token.serverName()));
            if (listed && !joined) {
                cluster.cluster().removeMember(token.serverName(), false);
            }
        } catch (LxdException ignored) {
            // as above
        }
    }
}
