package dev.hako.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.hako.ui.WizardSteps.button;
import static dev.hako.ui.WizardSteps.finish;
import static dev.hako.ui.WizardSteps.next;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.ClusterMember;
import dev.hako.lxd.api.StoragePoolsPost;
import dev.hako.model.RemoteModel;
import dev.hako.remote.cluster.ClusterIT;
import dev.hako.remote.cluster.JoinToken;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.ExtraLxd;
import dev.hako.ui.UiDriver;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Builds a two-member cluster of two private LXD daemons on loopback by clicking:
 * Create cluster on one, the Join wizard on the other; then the cluster view with
 * evacuate, restore, a join token and member removal, in both themes and languages.
 */
class ClusterUiTest {

    @SuppressWarnings("unchecked")
    private static TableView<ClusterMember> table(UiDriver ui) {
        return ui.robot.lookup("#clusterMembers").queryAs(TableView.class);
    }

    /** The per-member table's rows as member/name, read on the UI thread. */
    @SuppressWarnings("unchecked")
    private static List<String> locationNames(UiDriver ui) throws Exception {
        TableView<dev.hako.remote.cluster.ClusterLocations.Location> locations = ui.robot.lookup("#clusterLocations")
                .queryAs(TableView.class);
        return UiDriver.onFx(() -> locations.getItems().stream().map(l -> l.member() + "/" + l.name()).toList());
    }

    private static String statusOf(UiDriver ui, String member) {
        return table(ui).getItems().stream().filter(m -> m.serverName().equals(member)).map(ClusterMember::status)
                .findFirst().orElse("");
    }

    private static void selectMember(UiDriver ui, String member) throws Exception {
        ui.waitUntil(20, () -> {
            Node row = ui.robot.lookup(".table-row-cell").match(n -> n instanceof TableRow<?> r && r.getItem()
                    instanceof ClusterMember m && m.serverName().equals(member)).tryQuery().orElse(null);
            if (row == null) {
                return false;
            }
            ui.robot.clickOn(row);
            ClusterMember selected = table(ui).getSelectionModel().getSelectedItem();
            return selected != null && selected.serverName().equals(member);
        });
    }

    @ParameterizedTest
    @CsvSource({"true,en", "false,ja"})
    void buildATwoMemberClusterByClicking(boolean dark, String language) throws Exception {
        String suffix = (dark ? "dark-" : "light-") + language;
        String nameA = "clu-a-" + language;
        String nameB = "clu-b-" + language;
        ExtraLxd first = ExtraLxd.start("cuia");
        ExtraLxd second = ExtraLxd.start("cuib");
        try (LxdClient a = LxdClient.connect(new Endpoint.UnixSocket(first.socket()));
             LxdClient b = LxdClient.connect(new Endpoint.UnixSocket(second.socket()));
             UiDriver ui = new UiDriver(Daemon.LXD).open(dark, Locale.forLanguageTag(language))) {
            // A pool on the first server: the cluster then asks the joining member for its source.
            a.storage().createPool(new StoragePoolsPost("local", "dir", "", Map.of()), null);
            RemoteModel ra = new RemoteModel(nameA, new Endpoint.UnixSocket(first.socket()));
            // The joining server is reached over HTTPS: after the join it answers with the cluster's
            // certificate, and the wizard pins that and keeps this client trusted.
            dev.hako.lxd.ClientIdentity me = dev.hako.remote.ClientCertificates.generate("hako-cluster-ui");
            String joiningFingerprint = b.serverInfo().environment().certificateFingerprint();
            try (LxdClient enrol = LxdClient.connect(new Endpoint.Https(second.host(), second.port(), me,
                    joiningFingerprint))) {
                enrol.certificates().add(dev.hako.lxd.api.CertificatesPost.withPassword("ui", second.trustPassword()));
            }
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
            ui.screenshotDialog("cluster-create-" + suffix);
            finish(ui, 180);
            ui.waitUntil(10, () -> ui.defaultButton() != null);
            ui.screenshotDialog("cluster-created-" + suffix);
            ui.ok();
            assertThat(a.refreshServer().environment().serverClustered()).isTrue();
            ui.waitUntil(30, () -> ClusterTree.membersGroup(ui, nameA) != null);

            // Join the second through the wizard.
            ui.contextMenu("remote:" + nameB, "menuClusterJoin");
            ui.waitUntil(10, () -> ui.robot.lookup("#clusterJoinName").tryQuery().isPresent());
            @SuppressWarnings("unchecked")
            javafx.scene.control.ChoiceBox<String> joining = ui.robot.lookup("#clusterJoinServer")
                    .queryAs(javafx.scene.control.ChoiceBox.class);
            @SuppressWarnings("unchecked")
            javafx.scene.control.ChoiceBox<String> cluster = ui.robot.lookup("#clusterJoinCluster")
                    .queryAs(javafx.scene.control.ChoiceBox.class);
            assertThat(joining.getValue()).isEqualTo(nameB);
            assertThat(cluster.getValue()).isEqualTo(nameA);
            ui.type("clusterJoinName", "node2");
            ui.settle();
            ui.screenshotDialog("cluster-join-1-servers-" + suffix);
            // A pool of its own on the joining server: the checks say so and Next stays disabled.
            b.storage().createPool(new StoragePoolsPost("mine", "dir", "", Map.of()), null);
            next(ui);
            ui.waitUntil(30, () -> ui.robot.lookup("#clusterJoinChecks").queryAs(javafx.scene.layout.VBox.class)
                    .getChildren().stream().anyMatch(n -> n instanceof Label l && l.getText().contains("mine")));
            ui.settle();
            assertThat(button(ui, "wizardNext").isDisabled()).isTrue();
            ui.screenshotDialog("cluster-join-2-problem-" + suffix);
            // Fixed meanwhile: check again.
            b.storage().deletePool("mine");
            ui.robot.clickOn("#clusterJoinRecheck");
            ui.waitUntil(30, () -> !button(ui, "wizardNext").isDisabled());
            assertThat(ui.robot.lookup("#memberConfig-storage-pool-local-source").tryQuery()).isPresent();
            ui.settle();
            ui.screenshotDialog("cluster-join-2-checks-" + suffix);
            next(ui);
            ui.screenshotDialog("cluster-join-3-review-" + suffix);
            finish(ui, 180);
            ui.waitUntil(10, () -> ui.defaultButton() != null);
            ui.screenshotDialog("cluster-joined-" + suffix);
            ui.ok();
            ui.waitUntil(90, () -> a.cluster().members().size() == 2
                    && a.cluster().members().stream().allMatch(m -> "Online".equalsIgnoreCase(m.status())));
            assertThat(b.refreshServer().environment().serverClustered()).isTrue();
            assertThat(JoinToken.pending(a)).isEmpty();
            // The joined remote, re-pinned to the cluster's certificate, is online and its tree shows the members.
            String clusterFingerprint = dev.hako.remote.ServerCertificate.fromPem(
                    a.refreshServer().environment().certificate()).fingerprint();
            ui.waitUntil(30, () -> ui.workspace().remote(nameB) != null
                    && ui.workspace().remote(nameB).endpoint() instanceof Endpoint.Https h
                    && h.pinnedFingerprint().equals(clusterFingerprint)
                    && ui.workspace().remote(nameB).state().online());
            ui.waitUntil(30, () -> ClusterTree.membersGroup(ui, nameB) != null);

            // The cluster view.
            ui.robot.interact(() -> ui.window().tree().view().getSelectionModel().select(ClusterTree.membersGroup(ui, nameA)));
            ui.waitUntil(20, () -> ui.robot.lookup("#clusterMembers").tryQuery().isPresent()
                    && table(ui).getItems().size() == 2);
            // Each member's pool, with the member's own source; the hint of a two-member cluster.
            ui.waitUntil(30, () -> ui.robot.lookup("#clusterLocations").queryAs(TableView.class).getItems().size() == 2);
            assertThat(ui.robot.lookup("#clusterRedundancyHint").queryAs(Label.class).getText()).contains("2");
            @SuppressWarnings("unchecked")
            TableView<dev.hako.remote.cluster.ClusterLocations.Location> locations = ui.robot
                    .lookup("#clusterLocations").queryAs(TableView.class);
            assertThat(locations.getItems()).extracting(l -> l.member() + "/" + l.name())
                    .containsExactlyInAnyOrder("node1/local", "node2/local");
            assertThat(locations.getItems()).allSatisfy(l -> assertThat(l.memberConfig()).containsKey("source"));
            ui.settle();
            ui.screenshot("cluster-view-" + suffix);

            // A storage pool on the cluster asks each member for its own source and size.
            // Opened as the cluster remote's Storage pools menu does (the tree has several such groups).
            ui.robot.interact(() -> dev.hako.ui.wizard.pool.StoragePoolWizard.open(
                    ui.window().tree().view().getScene().getWindow(),
                    new dev.hako.ui.common.I18n(Locale.forLanguageTag(language)), ui.workspace().remote(nameA)));
            ui.waitUntil(10, () -> ui.robot.lookup("#poolName").tryQuery().isPresent());
            ui.robot.clickOn("#poolName").write("spread");
            next(ui);
            ui.waitUntil(10, () -> ui.robot.lookup("#pool_source__node1").tryQuery().isPresent()
                    && ui.robot.lookup("#pool_source__node2").tryQuery().isPresent());
            ui.screenshotDialog("cluster-pool-members-" + suffix);
            Button cancelPool = ui.robot.lookup("#wizardCancel").match(n -> n.getScene().getWindow().isShowing())
                    .queryAs(Button.class);
            javafx.stage.Window poolDialog = cancelPool.getScene().getWindow();
            ui.robot.clickOn(cancelPool);
            ui.waitUntil(10, () -> !poolDialog.isShowing());
            ui.robot.interact(() -> ui.window().tree().view().getSelectionModel().select(ClusterTree.membersGroup(ui, nameA)));
            ui.waitUntil(20, () -> ui.robot.lookup("#clusterMembers").tryQuery().isPresent()
                    && table(ui).getItems().size() == 2);

            selectMember(ui, "node2");
            ui.robot.clickOn("#clusterEvacuate");
            ui.settle();
            ui.screenshotDialog("cluster-evacuate-confirm-" + suffix);
            ui.ok();
            ui.waitUntil(120, () -> "Evacuated".equalsIgnoreCase(statusOf(ui, "node2")));
            ui.settle();
            ui.screenshot("cluster-view-evacuated-" + suffix);
            selectMember(ui, "node2");
            ui.waitUntil(10, () -> !button(ui, "clusterRestore").isDisabled());
            ui.robot.clickOn("#clusterRestore");
            ui.ok();
            ui.waitUntil(120, () -> "Online".equalsIgnoreCase(statusOf(ui, "node2")));

            // A join token for a third member, copied and revoked.
            ui.robot.clickOn("#clusterAddMember");
            ui.waitUntil(10, () -> ui.robot.lookup("#clusterTokenName").tryQuery().isPresent());
            ui.type("clusterTokenName", "node3");
            ui.settle();
            ui.ok();
            ui.waitUntil(20, () -> ui.robot.lookup("#clusterToken").tryQuery().isPresent());
            String token = ui.robot.lookup("#clusterToken").queryAs(TextArea.class).getText();
            assertThat(JoinToken.pending(a)).extracting(JoinToken::token).contains(token);
            ui.waitUntil(20, () -> ui.robot.lookup("#clusterTokens").queryAs(TableView.class).getItems().size() == 1);
            ui.robot.clickOn("#clusterTokenCopy");
            ui.settle();
            ui.screenshotDialog("cluster-token-" + suffix);
            ui.robot.clickOn("#clusterTokenRevoke");
            ui.waitUntil(20, () -> JoinToken.pending(a).isEmpty());
            // The view lists the tokens again once the token window revoked one.
            ui.waitUntil(20, () -> ui.robot.lookup("#clusterTokens").queryAs(TableView.class).getItems().isEmpty());
            javafx.stage.Window tokenWindow = ui.robot.lookup("#clusterToken").queryAs(Node.class).getScene()
                    .getWindow();
            ui.robot.interact(() -> ((javafx.stage.Stage) tokenWindow).close());

            // Remove the second member, confirmed by its name.
            selectMember(ui, "node2");
            ui.robot.clickOn("#clusterRemove");
            ui.waitUntil(10, () -> ui.robot.lookup("#clusterRemoveName").tryQuery().isPresent());
            ui.robot.clickOn("#clusterRemoveName").write("node2");
            ui.settle();
            ui.screenshotDialog("cluster-remove-" + suffix);
            ui.ok();
            ui.waitUntil(90, () -> a.cluster().members().size() == 1);
            ui.waitUntil(30, () -> table(ui).getItems().size() == 1
                    && ui.robot.lookup("#clusterStatus").queryAs(Label.class).getText().contains("node2"));
            // The removed member's pool is gone from the per-member table too.
            ui.waitUntil(30, () -> locationNames(ui).equals(List.of("node1/local")));
            ui.settle();
            ui.screenshot("cluster-view-after-remove-" + suffix);
            assertThat(a.cluster().members()).extracting(ClusterMember::serverName).containsExactly("node1");
            ui.robot.interact(() -> {
                ui.workspace().remove(nameA);
                ui.workspace().remove(nameB);
            });
        } finally {
            for (ExtraLxd d : List.of(second, first)) {
                d.stop();
                ClusterIT.unmountLeftovers(d);
                d.close();
            }
        }
    }
}
