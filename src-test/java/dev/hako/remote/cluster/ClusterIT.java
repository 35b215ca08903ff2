package dev.hako.remote.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hako.lxd.CertificateFingerprint;
import dev.hako.lxd.ClientIdentity;
import dev.hako.lxd.Endpoint;
import dev.hako.lxd.api.CertificatesPost;
import dev.hako.remote.ClientCertificates;
import dev.hako.remote.ServerCertificate;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.api.ClusterMember;
import dev.hako.lxd.api.ClusterMemberConfigKey;
import dev.hako.lxd.api.Operation;
import dev.hako.lxd.api.StoragePoolsPost;
import dev.hako.testbed.ExtraLxd;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A two-member cluster of two private LXD daemons on loopback (127.0.0.1, distinct
 * ports): bootstrap, checks before a join, a failed join that leaves no token behind,
 * join tokens, a real join, evacuate and restore, removal.
 */
public class ClusterIT {

    private static ExtraLxd first;
    private static ExtraLxd second;
    private static LxdClient a;
    private static LxdClient b;

    @BeforeAll
    static void twoServers() {
        first = ExtraLxd.start("clua");
        second = ExtraLxd.start("club");
        a = LxdClient.connect(new Endpoint.UnixSocket(first.socket()));
        b = LxdClient.connect(new Endpoint.UnixSocket(second.socket()));
    }

    @AfterAll
    static void stop() {
        for (LxdClient c : new LxdClient[] {a, b}) {
            if (c != null) {
                c.close();
            }
        }
        for (ExtraLxd d : new ExtraLxd[] {second, first}) {
            if (d != null) {
                d.stop();
                unmountLeftovers(d);
                d.close();
            }
        }
    }

    /**
     * A member removed from a cluster resets itself and its daemon exits without
     * unmounting its runtime mounts; they must go before its directory can.
     */
    public static void unmountLeftovers(ExtraLxd daemon) {
        java.nio.file.Path dir = daemon.socket().getParent();
        for (String mount : new String[] {"shmounts", "devlxd"}) {
            java.nio.file.Path path = dir.resolve(mount);
            try {
                boolean mounted = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/mounts")).stream()
                        .anyMatch(line -> line.split(" ")[1].equals(path.toString()));
                if (mounted) {
                    new ProcessBuilder("umount", "-l", path.toString()).inheritIO().start().waitFor();
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static List<ClusterJoin.Kind> kinds(ClusterJoin.Preflight preflight) {
        return preflight.problems().stream().map(ClusterJoin.Problem::kind).toList();
    }

    private static void await(int seconds, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in " + seconds + " s");
            }
            Thread.sleep(250);
        }
    }

    private static String status(LxdClient client, String member) {
        return client.cluster().member(member).value().status();
    }

    @Test
    void bootstrapJoinEvacuateRestoreRemove() throws Exception {
        // A pool made before clustering becomes the cluster's; a joining member must say its source.
        a.storage().createPool(new StoragePoolsPost("local", "dir", "", Map.of()), null);

        ClusterJoin.Preflight before = ClusterJoin.check(b, a, "node2");
        assertThat(kinds(before)).containsExactly(ClusterJoin.Kind.CLUSTER_NOT_CLUSTERED);

        assertThat(ClusterBootstrap.address(a)).isEqualTo(first.host() + ":" + first.port());
        ClusterBootstrap.bootstrap(a, "node1");
        assertThat(a.serverInfo().environment().serverClustered()).isTrue();
        List<ClusterMember> one = a.cluster().members();
        assertThat(one).extracting(ClusterMember::serverName).containsExactly("node1");
        assertThat(one.get(0).database()).isTrue();

        // A joining server with a pool of its own would conflict: the check says so, nothing is sent.
        b.storage().createPool(new StoragePoolsPost("mine", "dir", "", Map.of()), null);
        ClusterJoin.Preflight busy = ClusterJoin.check(b, a, "node2");
        assertThat(busy.problems()).contains(new ClusterJoin.Problem(ClusterJoin.Kind.JOINING_HAS_POOLS, "mine"));
        b.storage().deletePool("mine");
        assertThat(kinds(ClusterJoin.check(b, a, "node1"))).containsExactly(ClusterJoin.Kind.NAME_TAKEN);

        ClusterJoin.Preflight ready = ClusterJoin.check(b, a, "node2");
        assertThat(ready.ok()).isTrue();
        assertThat(ready.clusterAddress()).isEqualTo(first.host() + ":" + first.port());
        assertThat(ready.serverAddress()).isEqualTo(second.host() + ":" + second.port());
        assertThat(ready.clusterCertificate()).contains("BEGIN CERTIFICATE");
        assertThat(ready.memberConfig()).anySatisfy(k -> {
            assertThat(k.entity()).isEqualTo("storage-pool");
            assertThat(k.name()).isEqualTo("local");
            assertThat(k.key()).isEqualTo("source");
        });
        List<ClusterMemberConfigKey> answers = new ArrayList<>();
        for (ClusterMemberConfigKey k : ready.memberConfig()) {
            answers.add(new ClusterMemberConfigKey(k.entity(), k.name(), k.key(), "", k.description()));
        }

        // Tokens: one handed out is listed until revoked.
        JoinToken spare = JoinToken.create(a, "spare");
        assertThat(spare.token()).isNotBlank();
        assertThat(JoinToken.pending(a)).extracting(JoinToken::serverName).contains("spare");
        spare.revoke(a);
        assertThat(JoinToken.pending(a)).extracting(JoinToken::serverName).doesNotContain("spare");

        // This client reaches the joining server over HTTPS; it must stay trusted after the join.
        ClientIdentity me = ClientCertificates.generate("hako-cluster-it");
        String joiningFingerprint = CertificateFingerprint.normalise(b.serverInfo().environment()
                .certificateFingerprint());
        String meFingerprint = CertificateFingerprint.sha256(me.certificate());
        try (LxdClient overHttps = LxdClient.connect(new Endpoint.Https(second.host(), second.port(), me,
                joiningFingerprint))) {
            overHttps.certificates().add(CertificatesPost.withPassword("cluster-it", second.trustPassword()));
            assertThat(overHttps.refreshServer().trusted()).isTrue();
        }
        assertThat(a.certificates().list()).extracting(c -> c.fingerprint()).doesNotContain(meFingerprint);

        // A join that fails (the wrong certificate for the cluster) revokes its token and changes nothing.
        String wrongCertificate = b.serverInfo().environment().certificate();
        List<ClusterJoin.Step> failedSteps = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> ClusterJoin.join(b, a, new ClusterJoin.Request("node2", ready.serverAddress(),
                ready.clusterAddress(), wrongCertificate, answers, List.of(me.certificate())), failedSteps::add))
                .isInstanceOf(LxdException.class);
        assertThat(failedSteps).contains(ClusterJoin.Step.TOKEN, ClusterJoin.Step.REVERTING);
        assertThat(JoinToken.pending(a)).extracting(JoinToken::serverName).doesNotContain("node2");
        assertThat(a.cluster().members()).extracting(ClusterMember::serverName).containsExactly("node1");
        assertThat(b.refreshServer().environment().serverClustered()).isFalse();
        assertThat(a.certificates().list()).extracting(c -> c.fingerprint()).doesNotContain(meFingerprint);

        // The real join.
        List<ClusterJoin.Step> steps = new CopyOnWriteArrayList<>();
        ClusterMember joined = ClusterJoin.join(b, a, new ClusterJoin.Request("node2", ready.serverAddress(),
                ready.clusterAddress(), ready.clusterCertificate(), answers, List.of(me.certificate())), steps::add);
        assertThat(steps).containsExactly(ClusterJoin.Step.TOKEN, ClusterJoin.Step.JOINING, ClusterJoin.Step.CHECKING);
        assertThat(joined.serverName()).isEqualTo("node2");
        await(90, () -> a.cluster().members().stream().allMatch(m -> "Online".equalsIgnoreCase(m.status()))
                && a.cluster().members().size() == 2);
        assertThat(b.refreshServer().environment().serverClustered()).isTrue();
        assertThat(b.cluster().members()).extracting(ClusterMember::serverName)
                .containsExactlyInAnyOrder("node1", "node2");
        assertThat(JoinToken.pending(a)).extracting(JoinToken::serverName).doesNotContain("node2");
        // The new member answers HTTPS with the cluster's certificate and knows the cluster's clients,
        // this one included.
        String clusterFingerprint = ServerCertificate.fromPem(ready.clusterCertificate()).fingerprint();
        assertThat(clusterFingerprint).isNotEqualTo(joiningFingerprint);
        assertThatThrownBy(() -> LxdClient.connect(new Endpoint.Https(second.host(), second.port(), me,
                joiningFingerprint)).close()).isInstanceOf(LxdException.class);
        try (LxdClient joinedOverHttps = LxdClient.connect(new Endpoint.Https(second.host(), second.port(), me,
                clusterFingerprint))) {
            assertThat(joinedOverHttps.refreshServer().trusted()).isTrue();
            assertThat(joinedOverHttps.refreshServer().environment().serverClustered()).isTrue();
        }

        // A pool made by the pool wizard's steps: each member's own source, then the cluster-wide create.
        // Outside the daemons' own directories, which they refuse as a source.
        java.nio.file.Path busySource = second.socket().getParent().getParent().resolve("busy-source");
        java.nio.file.Files.createDirectories(busySource);
        java.nio.file.Files.writeString(busySource.resolve("keep"), "not a pool");
        java.nio.file.Path sourceA = first.socket().getParent().getParent().resolve("pool-source");
        java.nio.file.Path sourceB = second.socket().getParent().getParent().resolve("pool-source");
        java.nio.file.Files.createDirectories(sourceA);
        java.nio.file.Files.createDirectories(sourceB);
        // node2 names a directory that is not empty: the server refuses, and no member keeps the pool.
        var refused = dev.hako.ui.wizard.pool.PoolRequest.buildForCluster("spread", "dir", "", Map.of(), Map.of(
                "node1", Map.of("source", sourceA.toString()), "node2", Map.of("source", busySource.toString())));
        assertThatThrownBy(() -> dev.hako.ui.wizard.pool.PoolCreation.run(a, refused, null, false))
                .isInstanceOf(LxdException.class).hasMessageContaining(busySource.toString());
        assertThat(a.storage().pools()).extracting(p -> p.name()).doesNotContain("spread");
        assertThat(java.nio.file.Files.readString(busySource.resolve("keep"))).isEqualTo("not a pool");
        var request = dev.hako.ui.wizard.pool.PoolRequest.buildForCluster("spread", "dir", "across", Map.of(),
                Map.of("node1", Map.of("source", sourceA.toString()), "node2", Map.of("source", sourceB.toString())));
        dev.hako.ui.wizard.pool.PoolCreation.run(a, request, "default", false);
        var pool = a.storage().pool("spread").value();
        assertThat(pool.status()).isEqualTo("Created");
        assertThat(pool.locations()).containsExactlyInAnyOrder("node1", "node2");
        assertThat(pool.config()).doesNotContainKey("source");
        // Each member's pool lives in the source given for that member.
        try (var inA = java.nio.file.Files.list(sourceA); var inB = java.nio.file.Files.list(sourceB)) {
            assertThat(inA.map(f -> f.getFileName().toString())).contains("custom");
            assertThat(inB.map(f -> f.getFileName().toString())).contains("custom");
        }
        assertThat(a.profiles().get("default").value().devices().get("root")).containsEntry("pool", "spread");

        // Evacuate and restore, following the operation.
        List<Operation> updates = new CopyOnWriteArrayList<>();
        var evacuate = a.cluster().changeMemberState("node2", "evacuate");
        try (AutoCloseable watch = evacuate.onUpdate(updates::add)) {
            evacuate.awaitSuccess(Duration.ofMinutes(2));
        }
        assertThat(evacuate.latest().succeeded()).isTrue();
        await(30, () -> "Evacuated".equalsIgnoreCase(status(a, "node2")));
        System.out.println("evacuation updates: " + updates.stream().map(o -> o.progressText().orElse("-")).toList());
        var restore = a.cluster().changeMemberState("node2", "restore");
        restore.awaitSuccess(Duration.ofMinutes(2));
        await(30, () -> "Online".equalsIgnoreCase(status(a, "node2")));

        // Remove the second member: the cluster is one member again.
        a.cluster().removeMember("node2", false);
        await(60, () -> a.cluster().members().size() == 1);
        assertThat(a.cluster().members()).extracting(ClusterMember::serverName).containsExactly("node1");
    }
}
