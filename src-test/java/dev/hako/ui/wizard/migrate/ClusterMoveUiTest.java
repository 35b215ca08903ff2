package dev.hako.ui.wizard.migrate;

import static dev.hako.ui.WizardSteps.finish;
import static dev.hako.ui.WizardSteps.next;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Instance;
import dev.hako.model.RemoteModel;
import dev.hako.model.migration.Destination;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.LxdCluster;
import dev.hako.testbed.TestBed;
import dev.hako.ui.Dragboards;
import dev.hako.ui.UiDriver;
import java.util.Locale;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextArea;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Moving a running instance to another member of its LXD cluster ({@code lxc move --target}):
 * by dropping it on the member's row, and from the wizard's member choice. It is stopped,
 * moved and started there; the review shows the same as CLI commands.
 */
class ClusterMoveUiTest {

    private static LxdCluster cluster;

    @BeforeAll
    static void buildCluster() {
        cluster = LxdCluster.start("mcl");
    }

    @AfterAll
    static void removeCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static ChoiceBox<String> choice(UiDriver ui, String id) {
        return ui.robot.lookup("#" + id).queryAs(ChoiceBox.class);
    }

    @ParameterizedTest
    @CsvSource({"true,en,drop", "false,ja,menu"})
    void aRunningInstanceMovesToAnotherMember(boolean dark, String language, String how) throws Exception {
        String suffix = (dark ? "dark-" : "light-") + language;
        String remoteName = "cluster-" + language;
        String name = TestBed.uniqueName("cmv");
        try (LxdClient client = LxdClient.connect(new Endpoint.UnixSocket(cluster.socket()));
             UiDriver ui = new UiDriver(Daemon.LXD).open(dark, Locale.forLanguageTag(language))) {
            cluster.lxc("launch", TestBed.imageAlias(), name, "--target", "node1");
            try {
                RemoteModel remote = new RemoteModel(remoteName, new Endpoint.UnixSocket(cluster.socket()));
                ui.robot.interact(() -> ui.workspace().add(remote));
                ui.waitUntil(30, () -> remote.state().online() && remote.clusterMembers().snapshot().size() == 2);
                ui.waitForRow(name, 103);
                if (how.equals("drop")) {
                    ui.expand("CLUSTER_MEMBERS");
                    Node from = ui.cell(name);
                    Node member = ui.cell("member:node2");
                    boolean[] dropped = new boolean[1];
                    ui.robot.interact(() -> {
                        Dragboard board = Dragboards.holding(InstanceDrag.content(remoteName, name),
                                Set.of(TransferMode.COPY, TransferMode.MOVE));
                        dropped[0] = Dragboards.fireAt(member, DragEvent.DRAG_DROPPED, board, from).isDropCompleted();
                    });
                    assertThat(dropped[0]).isTrue();
                    ui.waitUntil(10, () -> ui.robot.lookup("#migrateRemote").tryQuery().isPresent());
                    ui.settle();
                    assertThat(choice(ui, "migrateRemote").getValue()).isEqualTo(remoteName);
                    assertThat(choice(ui, "migrateMember").getValue()).isEqualTo("node2");
                } else {
                    ui.contextMenu(name, "menuMigrate");
                    ui.waitUntil(10, () -> ui.robot.lookup("#migrateRemote").tryQuery().isPresent());
                    ui.robot.interact(() -> choice(ui, "migrateRemote").setValue(remoteName));
                    ui.waitUntil(10, () -> choice(ui, "migrateMember").getItems().contains("node2"));
                    ui.robot.interact(() -> choice(ui, "migrateMember").setValue("node2"));
                }
                ui.robot.clickOn("#migrateMove");
                ui.settle();
                ui.screenshotDialog("migrate-cluster-1-destination-" + suffix);
                next(ui);
                next(ui);
                ui.waitUntil(30, () -> !dev.hako.ui.WizardSteps.button(ui, "wizardNext").isDisabled());
                ui.screenshotDialog("migrate-cluster-3-checks-" + suffix);
                next(ui);
                assertThat(ui.robot.lookup("#migrateCommands").queryAs(TextArea.class).getText()).isEqualTo(
                        "lxc stop " + remoteName + ":" + name + "\nlxc move " + remoteName + ":" + name
                                + " --target node2\nlxc start " + remoteName + ":" + name);
                ui.screenshotDialog("migrate-cluster-4-review-" + suffix);
                finish(ui, 180);
                ui.waitUntil(60, () -> {
                    Instance now = client.instances().get(name).value();
                    return "node2".equals(now.location()) && now.running();
                });
                assertThat(Destination.poolOf(client.instances().get(name).value())).isEqualTo("local");
                ui.robot.interact(() -> ui.workspace().remove(remoteName));
            } finally {
                Instances.remove(client, name);
            }
        }
    }
}
