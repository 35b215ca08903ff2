package dev.hako.remote.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Network;
import dev.hako.lxd.api.StoragePool;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.ExtraLxd;
import dev.hako.testbed.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A preseed applied to a truly fresh LXD (unix socket only, nothing set up), checked with GETs;
 * and one whose last step the server refuses, after which everything earlier is undone.
 * Bridges never get an address here (ipv4/ipv6 none).
 */
class InitialisationIT {

    private static String bridgeName() {
        // Interface names are host-wide and at most 15 characters.
        String unique = TestBed.uniqueName("hi").replace("-", "");
        return unique.length() > 15 ? unique.substring(unique.length() - 15) : unique;
    }

    private static Preseed preseed(String bridge, String address, Path poolSource, String password) {
        return new Preseed(
                Map.of("core.https_address", address, "images.auto_update_interval", "0",
                        "core.trust_password", password),
                List.of(new Preseed.StoragePool("default", "dir", "", Map.of("source", poolSource.toString()))),
                List.of(new Preseed.Network(bridge, "bridge", null, "",
                        Map.of("ipv4.address", "none", "ipv6.address", "none"))),
                List.of(),
                List.of(new Preseed.Profile("default", "", Map.of(), Map.of(
                        "root", Map.of("path", "/", "pool", "default", "type", "disk"),
                        "eth0", Map.of("name", "eth0", "network", bridge, "type", "nic")))),
                null);
    }

    @Test
    void appliesToAFreshServerInLxdInitOrder() throws Exception {
        try (ExtraLxd fresh = ExtraLxd.startFresh("init");
             LxdClient client = LxdClient.connect(new Endpoint.UnixSocket(fresh.socket()))) {
            assertThat(Initialisation.looksFresh(client)).isTrue();
            assertThat(client.server().get().value().config()).doesNotContainKey("core.https_address");
            String bridge = bridgeName();
            String address = "127.0.0.1:" + ExtraLxd.freePort();
            Path source = Files.createDirectories(Path.of(TestBed.env("HAKO_TB_DIR"), "pools",
                    TestBed.uniqueName("initpool")));
            Initialisation.Existing existing = Initialisation.Existing.read(client);
            assertThat(existing.pools()).isEmpty();
            assertThat(existing.networks()).isEmpty();
            assertThat(existing.profiles()).containsExactly("default");
            Initialisation init = new Initialisation(client, preseed(bridge, address, source, "pw-" + bridge));
            assertThat(init.plan()).isEqualTo(Initialisation.plan(preseed(bridge, address, source, "x"), existing));
            assertThat(init.plan()).extracting(Initialisation.Step::kind, Initialisation.Step::name,
                    Initialisation.Step::action).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(Initialisation.Kind.SERVER_CONFIG, "",
                            Initialisation.Action.UPDATE),
                    org.assertj.core.groups.Tuple.tuple(Initialisation.Kind.STORAGE_POOL, "default",
                            Initialisation.Action.CREATE),
                    org.assertj.core.groups.Tuple.tuple(Initialisation.Kind.NETWORK, bridge,
                            Initialisation.Action.CREATE),
                    org.assertj.core.groups.Tuple.tuple(Initialisation.Kind.PROFILE, "default",
                            Initialisation.Action.UPDATE));
            List<Initialisation.Report> reports = new ArrayList<>();
            try {
                init.apply(reports::add);

                assertThat(reports).extracting(Initialisation.Report::state).containsExactly(
                        Initialisation.State.RUNNING, Initialisation.State.DONE, Initialisation.State.RUNNING,
                        Initialisation.State.DONE, Initialisation.State.RUNNING, Initialisation.State.DONE,
                        Initialisation.State.RUNNING, Initialisation.State.DONE);
                Map<String, Object> config = client.server().get().value().config();
                assertThat(config).containsEntry("core.https_address", address)
                        .containsEntry("images.auto_update_interval", "0")
                        // A hidden key: the server says only that it is set.
                        .containsEntry("core.trust_password", true);
                StoragePool pool = client.storage().pool("default").value();
                assertThat(pool.driver()).isEqualTo("dir");
                assertThat(pool.config()).containsEntry("source", source.toString());
                Network network = client.networks().get(bridge).value();
                assertThat(network.managed()).isTrue();
                assertThat(network.type()).isEqualTo("bridge");
                assertThat(network.config()).containsEntry("ipv4.address", "none")
                        .containsEntry("ipv6.address", "none");
                assertThat(client.profiles().get("default").value().devices())
                        .containsEntry("root", Map.of("path", "/", "pool", "default", "type", "disk"))
                        .containsEntry("eth0", Map.of("name", "eth0", "network", bridge, "type", "nic"));
                assertThat(Initialisation.looksFresh(client)).isFalse();

                // Applying again updates in place (lxd init merges into what is there).
                assertThat(new Initialisation(client, preseed(bridge, address, source, "pw-" + bridge)).plan())
                        .extracting(Initialisation.Step::action).containsOnly(Initialisation.Action.UPDATE);
            } finally {
                // The bridge is a host interface: remove it even if the daemon's directory goes.
                try {
                    client.profiles().update("default", new dev.hako.lxd.api.ProfilePut(Map.of(), "", Map.of()),
                            null);
                    client.networks().delete(bridge);
                } catch (RuntimeException ignored) {
                    // not created
                }
            }
        }
    }

    @Test
    void aRefusedStepUndoesEverythingBefore() throws Exception {
        try (ExtraLxd fresh = ExtraLxd.startFresh("initfail");
             LxdClient client = LxdClient.connect(new Endpoint.UnixSocket(fresh.socket()))) {
            String bridge = bridgeName();
            String address = "127.0.0.1:" + ExtraLxd.freePort();
            Path source = Files.createDirectories(Path.of(TestBed.env("HAKO_TB_DIR"), "pools",
                    TestBed.uniqueName("initpool")));
            Map<String, Object> configBefore = client.server().get().value().config();
            var defaultBefore = client.profiles().get("default").value();
            Preseed good = preseed(bridge, address, source, "pw");
            List<Preseed.Profile> profiles = new ArrayList<>(good.profiles());
            // The default profile's update succeeds; then a new profile with a key no server knows is refused.
            profiles.add(new Preseed.Profile("broken", "", Map.of("no.such.key", "1"), Map.of()));
            Preseed bad = new Preseed(good.config(), good.storagePools(), good.networks(), good.projects(), profiles,
                    null);
            List<Initialisation.Report> reports = new ArrayList<>();
            Initialisation init = new Initialisation(client, bad);
            try {
                refused(client, init, reports, bridge, configBefore, defaultBefore.devices());
            } finally {
                try {
                    client.networks().delete(bridge);
                } catch (RuntimeException gone) {
                    // reverted, as it should be
                }
            }
        }
    }

    private static void refused(LxdClient client, Initialisation init, List<Initialisation.Report> reports,
                                String bridge, Map<String, Object> configBefore,
                                Map<String, Map<String, String>> devicesBefore) {
        assertThatThrownBy(() -> init.apply(reports::add))
                .isInstanceOfSatisfying(Initialisation.InitialisationException.class, e -> {
                    assertThat(e.step().kind()).isEqualTo(Initialisation.Kind.PROFILE);
                    assertThat(e.step().name()).isEqualTo("broken");
                    assertThat(e.fullyReverted()).isTrue();
                    assertThat(e.getMessage()).isNotBlank();
                    // The server's own refusal, passed on as it said it.
                    assertThat(e.failure()).isInstanceOfSatisfying(dev.hako.lxd.LxdException.class,
                            lxd -> assertThat(lxd.serverMessage()).isNotBlank());
                });
        // Undone in reverse order: profile, network, pool, config.
        assertThat(reports.stream().filter(r -> r.state() == Initialisation.State.REVERTED)
                .map(r -> r.step().kind()).toList()).containsExactly(Initialisation.Kind.PROFILE,
                Initialisation.Kind.NETWORK, Initialisation.Kind.STORAGE_POOL, Initialisation.Kind.SERVER_CONFIG);
        assertThat(reports).filteredOn(r -> r.state() == Initialisation.State.FAILED).singleElement()
                .satisfies(r -> assertThat(r.message()).isNotBlank());
        assertThat(client.storage().pools()).isEmpty();
        assertThat(client.networks().list().stream().map(Network::name)).doesNotContain(bridge);
        assertThat(client.profiles().list().stream().map(p -> p.name())).doesNotContain("broken");
        assertThat(client.profiles().get("default").value().devices()).isEqualTo(
                devicesBefore == null ? Map.of() : devicesBefore);
        assertThat(client.server().get().value().config()).isEqualTo(configBefore);
    }

    @Test
    void bootstrapsAClusterAfterTheNodeSteps() throws Exception {
        try (ExtraLxd fresh = ExtraLxd.startFresh("initcl");
             LxdClient client = LxdClient.connect(new Endpoint.UnixSocket(fresh.socket()))) {
            String address = "127.0.0.1:" + ExtraLxd.freePort();
            Preseed preseed = new Preseed(Map.of("core.https_address", address),
                    List.of(new Preseed.StoragePool("local", "dir", "", Map.of())), List.of(), List.of(),
                    List.of(new Preseed.Profile("default", "", Map.of(),
                            Map.of("root", Map.of("path", "/", "pool", "local", "type", "disk")))),
                    new Preseed.Cluster("node1", true, null, null, null, null, List.of()));
            List<Initialisation.Step> steps = new Initialisation(client, preseed).apply(r -> { });
            assertThat(steps).extracting(Initialisation.Step::kind).containsExactly(Initialisation.Kind.SERVER_CONFIG,
                    Initialisation.Kind.STORAGE_POOL, Initialisation.Kind.PROFILE,
                    Initialisation.Kind.CLUSTER_BOOTSTRAP);
            var cluster = client.cluster().get().value();
            assertThat(cluster.enabled()).isTrue();
            assertThat(cluster.serverName()).isEqualTo("node1");
            assertThat(client.cluster().members()).extracting(m -> m.serverName()).containsExactly("node1");
            // Already a member: applying again leaves clustering alone, as lxd init does.
            new Initialisation(client, preseed).apply(r -> { });
        }
    }

    @Test
    void incusIsNeverSentATrustPassword() {
        try (LxdClient incus = TestBed.connect(Daemon.INCUS)) {
            Map<String, Object> before = incus.server().get().value().config();
            Preseed preseed = Preseed.empty().withConfigValue("core.trust_password", "x");
            assertThat(preseed.problems(true)).contains("init.problem.incusTrustPassword");
            assertThatThrownBy(() -> new Initialisation(incus, preseed).apply(r -> { }))
                    .isInstanceOfSatisfying(Initialisation.InitialisationException.class, e ->
                            assertThat(e.failure()).isInstanceOfSatisfying(dev.hako.lxd.Explained.class,
                                    explained -> assertThat(explained.messageKey())
                                            .isEqualTo("init.problem.incusTrustPassword")))
                    .hasMessageContaining("trust token");
            assertThat(incus.server().get().value().config()).isEqualTo(before);
        }
    }
}
