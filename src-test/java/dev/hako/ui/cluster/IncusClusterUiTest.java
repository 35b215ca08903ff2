package dev.hako.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.hako.ui.WizardSteps.button;
import static dev.hako.ui.WizardSteps.finish;
import static dev.hako.ui.WizardSteps.next;

import dev.hako.lxd.ClientIdentity;
import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.ClusterMember;
import dev.hako.lxd.api.StoragePoolsPost;
import dev.hako.model.RemoteModel;
import dev.hako.remote.ClientCertificates;
import dev.hako.remote.Enrolment;
import dev.hako.remote.RemoteAccess;
import dev.hako.remote.RemoteAddress;
import dev.hako.remote.ServerCertificate;
import dev.hako.remote.ServerCertificateProbe;
import dev.hako.remote.TrustToken;
import dev.hako.remote.cluster.ClusterLocations;
import dev.hako.remote.cluster.JoinToken;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.ExtraIncus;
import dev.hako.ui.UiDriver;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Incus twin of {@link ClusterUiTest}: two spare Incus daemons on loopback made into a
 * cluster by clicking (Create cluster on one, the Join wizard on the other, which Incus allows
 * with a join token only), then the cluster view: both members, each member's pool with its
 * own source, the hint of a two-member cluster, and a join token listed and revoked there.
 */
class IncusClusterUiTest {

    @SuppressWarnings("unchecked")
    private static <T> List<T> rows(UiDriver ui, String tableId) throws Exception {
        TableView<T> table = ui.robot.lookup("#" + tableId).queryAs(TableView.class);
        return UiDriver.onFx(() -> List.copyOf(table.getItems()));
    }

    /** Trusts {@code me} on the daemon with a token issued over its unix socket, as `incus config trust add` does. */
    private static String trustWithToken(ExtraIncus daemon, LxdClient local, ClientIdentity me) {
        RemoteAddress address = RemoteAddress.parse(daemon.host() + ":" + daemon.port());
        ServerCertificate certificate = ServerCertificateProbe.probe(address);
        RemoteAccess.IssuedToken issued = new RemoteAccess(local).issueToken("hako-incus-cluster-ui");
        Enrolment.enrol(address, certificate, me, new Enrolment.Token(TrustToken.decode(issued.token().encoded())));
        return certificate.fingerprint();
    }

    @ParameterizedTest
    @CsvSource({"true,en", "false,ja"})
    void buildATwoMemberIncusClusterByClicking(boolean dark, String language) throws Exception {
        String suffix = (dark ? "dark-" : "light-") + language;
        String nameA = "inc-a-" + language;
        String nameB = "inc-b-" + language;
        ExtraIncus first = ExtraIncus.start("icua");
        ExtraIncus second = ExtraIncus.start("icub");
        try (LxdClient a = LxdClient.connect(new Endpoint.UnixSocket(first.socket()));
             LxdClient b = LxdClient.connect(new Endpoint.UnixSocket(second.socket()));
             UiDriver ui = new UiDriver(Daemon.INCUS).open(dark, Locale.forLanguageTag(language))) {
            assertThat(a.kind()).isEqualTo(ServerKind.INCUS);
            // A pool on the first server: the cluster then asks the joining member for its source.
            a.storage().createPool(new StoragePoolsPost("local", "dir", "", Map.of()), null);
            RemoteModel ra = new RemoteModel(nameA, new Endpoint.UnixSocket(first.socket()));
            // The joining server over HTTPS, this client trusted there with a token (Incus has no password).
            ClientIdentity me = ClientCertificates.generate("hako-incus-cluster-ui");
            String joiningFingerprint = trustWithToken(second, b, me);
            RemoteModel rb = new RemoteModel(nameB, new Endpoint.Https(second.host(), second.port(), me,
                    joiningFingerprint));
            ui.robot.interact(() -> {
                ui.workspace().add(ra);
                ui.workspace().add(rb);
            });
            ui.waitUntil(30, () -> ra.state().online() && rb.state().online());

            // Create a cluster on the first.
            ui.contextMenu("remote:" + nameA, "menuClusterCreate");
            ui.waitUntil(10, () -> ui.robot.lookup("#clusterCreateName").tryQuery().isPresent());
            ui.waitUntil(20, () -> ui.robot.lookup("#clusterCreateAddressState").queryAs(Label.class).getText()
                    .contains(first.host()));
            ui.type("clusterCreateName", "node1");
            ui.settle();
            finish(ui, 180);
            ui.waitUntil(10, () -> ui.defaultButton() != null);
            ui.ok();
            assertThat(a.refreshServer().environment().serverClustered()).isTrue();
            ui.waitUntil(30, () -> ClusterTree.membersGroup(ui, nameA) != null);

            // Join the second through the wizard: the cluster hands out a token, the joining server uses it.
            ui.contextMenu("remote:" + nameB, "menuClusterJoin");
            ui.waitUntil(10, () -> ui.robot.lookup("#clusterJoinName").tryQuery().isPresent());
            @SuppressWarnings("unchecked")
            javafx.scene.control.ChoiceBox<String> cluster = ui.robot.lookup("#clusterJoinCluster")
                    .queryAs(javafx.scene.control.ChoiceBox.class);
            assertThat(cluster.getValue()).isEqualTo(nameA);
            ui.type("clusterJoinName", "node2");
            ui.settle();
            next(ui);
            ui.waitUntil(30, () -> !button(ui, "wizardNext").isDisabled());
            assertThat(ui.robot.lookup("#memberConfig-storage-pool-local-source").tryQuery()).isPresent();
            ui.settle();
            ui.screenshotDialog("cluster-incus-join-checks-" + suffix);
            next(ui);
            finish(ui, 180);
            ui.waitUntil(10, () -> ui.defaultButton() != null);
            ui.screenshotDialog("cluster-incus-joined-" + suffix);
            ui.ok();
            ui.waitUntil(90, () -> a.cluster().members().size() == 2
                    && a.cluster().members().stream().allMatch(m -> "Online".equalsIgnoreCase(m.status())));
            assertThat(b.refreshServer().environment().serverClustered()).isTrue();
            assertThat(JoinToken.pending(a)).isEmpty();
            // The joined remote, re-pinned to the cluster's certificate, is online (this client kept its trust).
            String clusterFingerprint = ServerCertificate.fromPem(a.refreshServer().environment().certificate())
                    .fingerprint();
            ui.waitUntil(30, () -> ui.workspace().remote(nameB) != null
                    && ui.workspace().remote(nameB).endpoint() instanceof Endpoint.Https h
                    && h.pinnedFingerprint().equals(clusterFingerprint)
                    && ui.workspace().remote(nameB).state().online());

            // The cluster view: both members, each one's pool with its own source, the two-member hint.
            ui.robot.interact(() -> ui.window().tree().view().getSelectionModel().select(ClusterTree.membersGroup(ui, nameA)));
            ui.waitUntil(20, () -> ui.robot.lookup("#clusterMembers").tryQuery().isPresent()
                    && rows(ui, "clusterMembers").size() == 2);
            assertThat(IncusClusterUiTest.<ClusterMember>rows(ui, "clusterMembers"))
                    .extracting(ClusterMember::serverName).containsExactlyInAnyOrder("node1", "node2");
            ui.waitUntil(30, () -> rows(ui, "clusterLocations").size() == 2);
            List<ClusterLocations.Location> locations = rows(ui, "clusterLocations");
            assertThat(locations).extracting(l -> l.member() + "/" + l.name())
                    .containsExactlyInAnyOrder("node1/local", "node2/local");
            assertThat(locations).allSatisfy(l -> assertThat(l.memberConfig()).containsKey("source"));
            assertThat(locations).extracting(l -> l.memberConfig().get("source")).doesNotHaveDuplicates();
            assertThat(ui.robot.lookup("#clusterRedundancyHint").queryAs(Label.class).getText()).contains("2");
            ui.settle();
            ui.screenshot("cluster-incus-view-" + suffix);

            // Add member…: the token is listed in the view until it is revoked there.
            ui.robot.clickOn("#clusterAddMember");
            ui.waitUntil(10, () -> ui.robot.lookup("#clusterTokenName").tryQuery().isPresent());
            ui.type("clusterTokenName", "node3");
            ui.settle();
            ui.ok();
            ui.waitUntil(20, () -> ui.robot.lookup("#clusterToken").tryQuery().isPresent());
            String token = ui.robot.lookup("#clusterToken").queryAs(TextArea.class).getText();
            assertThat(JoinToken.pending(a)).extracting(JoinToken::token).containsExactly(token);
            javafx.stage.Window tokenWindow = ui.robot.lookup("#clusterToken").queryAs(Node.class).getScene()
                    .getWindow();
            ui.robot.interact(() -> ((javafx.stage.Stage) tokenWindow).close());
            ui.waitUntil(20, () -> rows(ui, "clusterTokens").size() == 1);
            assertThat(IncusClusterUiTest.<JoinToken>rows(ui, "clusterTokens"))
                    .extracting(JoinToken::serverName).containsExactly("node3");
            ui.settle();
            ui.screenshot("cluster-incus-view-token-" + suffix);
            Node tokenRow = ui.robot.lookup(".table-row-cell").match(n -> n instanceof TableRow<?> r
                    && r.getItem() instanceof JoinToken t && t.serverName().equals("node3")).query();
            ui.robot.clickOn(tokenRow);
            ui.robot.clickOn("#clusterTokensRevoke");
            ui.waitUntil(20, () -> JoinToken.pending(a).isEmpty() && rows(ui, "clusterTokens").isEmpty());

            ui.robot.interact(() -> {
                ui.workspace().remove(nameA);
                ui.workspace().remove(nameB);
            });
        } finally {
            // A stopped member leaves its runtime mounts (shmounts, guestapi); close() unmounts what is left.
            try {
                second.close();
            } finally {
                first.close();
            }
        }
        assertThat(Files.exists(first.daemonDir())).isFalse();
        assertThat(Files.exists(second.daemonDir())).isFalse();
    }
}
