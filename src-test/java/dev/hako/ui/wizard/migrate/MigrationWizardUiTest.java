package dev.hako.ui.wizard.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.hako.ui.WizardSteps.back;
import static dev.hako.ui.WizardSteps.button;
import static dev.hako.ui.WizardSteps.clickFinish;
import static dev.hako.ui.WizardSteps.finish;
import static dev.hako.ui.WizardSteps.next;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.ProfilesPost;
import dev.hako.model.RemoteModel;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.MigrationTarget;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import dev.hako.ui.Dragboards;
import dev.hako.ui.UiDriver;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import dev.hako.ui.common.I18n;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The migration wizard moving a running instance (with a profile the destination lacks)
 * from the test bed's LXD to a second private LXD, page by page, in both themes and
 * languages: the pre-flight checks, the equivalent commands, a live move that CRIU
 * cannot do here and the cold move offered instead; checks that stop a move; a move to
 * another pool of the same server; and a drop on another remote.
 */
class MigrationWizardUiTest {

    private static MigrationTarget spare;
    private static LxdClient target;
    private static MigrationTarget spareIncus;

    @BeforeAll
    static void secondServer() {
        spare = MigrationTarget.start("miwz");
        target = spare.client();
    }

    @AfterAll
    static void stopSecondServer() {
        for (MigrationTarget t : new MigrationTarget[] {spare, spareIncus}) {
            if (t != null) {
                t.close();
            }
        }
    }

    /** The spare server of the same kind as {@code daemon}. */
    private static synchronized MigrationTarget spareFor(Daemon daemon) {
        if (daemon == Daemon.LXD) {
            return spare;
        }
        if (spareIncus == null) {
            spareIncus = MigrationTarget.start(Daemon.INCUS, "miwi");
        }
        return spareIncus;
    }

    private static I18n i18n(String language) {
        return new I18n(Locale.forLanguageTag(language));
    }

    /** The texts of the labels under {@code selector}. */
    private static List<String> texts(UiDriver ui, String selector) {
        return ui.robot.lookup(selector).queryAs(javafx.scene.Parent.class).lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).toList();
    }

    private static boolean exists(LxdClient client, String name) {
        return client.instances().list().stream().map(Instance::name).anyMatch(name::equals);
    }

    @ParameterizedTest
    @CsvSource({"true,en,LXD", "false,ja,INCUS"})
    void moveARunningInstanceCopyingItsProfile(boolean dark, String language, Daemon daemon) throws Exception {
        String suffix = (dark ? "dark-" : "light-") + language + (daemon == Daemon.INCUS ? "-incus" : "");
        String profile = TestBed.uniqueName("miprof");
        MigrationTarget spare = spareFor(daemon);
        LxdClient target = spare.client();
        String cli = daemon == Daemon.INCUS ? "incus" : "lxc";
        try (LxdClient source = TestBed.connect(daemon);
             UiDriver ui = new UiDriver(daemon).open(dark, Locale.forLanguageTag(language))) {
            source.profiles().create(new ProfilesPost(profile, "moved with it", Map.of("limits.cpu", "1"), Map.of()));
            String name = Instances.createRunning(source, "miwz");
            try {
                var tagged = source.instances().get(name);
                source.instances().patch(name, Map.of("profiles", List.of("default", profile)), tagged.etag());
                RemoteModel second = new RemoteModel("second-" + language, new Endpoint.UnixSocket(spare.socket()));
                ui.robot.interact(() -> ui.workspace().add(second));
                ui.waitUntil(20, () -> second.state().online() && second.client() != null);
                ui.waitForRow(name, 103);

                ui.contextMenu(name, "menuMigrate");
                ui.waitUntil(10, () -> ui.robot.lookup("#migrateRemote").tryQuery().isPresent());
                ui.robot.clickOn("#migrateMove");
                ui.robot.clickOn("#migrateLive");
                ui.settle();
                ui.screenshotDialog("migrate-1-destination-" + suffix);
                next(ui);

                ui.waitUntil(20, () -> ui.robot.lookup("#migrateProfiles").queryAs(Label.class).getText()
                        .contains(profile));
                ui.settle();
                // The destination lacks the profile: Next waits for the copy to be agreed to.
                assertThat(button(ui, "wizardNext").isDisabled()).isTrue();
                ui.screenshotDialog("migrate-2-missing-profile-" + suffix);
                ui.robot.clickOn("#migrateCopyProfiles");
                ui.settle();
                assertThat(button(ui, "wizardNext").isDisabled()).isFalse();
                ui.screenshotDialog("migrate-2-storage-" + suffix);
                next(ui);
                // Pre-flight: nothing blocks, live warns that CRIU may be missing.
                ui.waitUntil(30, () -> !button(ui, "wizardNext").isDisabled());
                ui.settle();
                assertThat(texts(ui, "#migrateChecks")).anyMatch(t -> t.equals(i18n(language)
                        .get("migrate.check.liveCriu")));
                ui.screenshotDialog("migrate-3-checks-" + suffix);
                next(ui);
                assertThat(ui.robot.lookup("#migrateCommands").queryAs(TextArea.class).getText())
                        .isEqualTo(cli + " profile copy local:" + profile + " " + second.name() + ":" + profile
                                + "\n" + cli + " move local:" + name + " " + second.name() + ":" + name
                                + " --storage default");
                ui.screenshotDialog("migrate-4-review-live-" + suffix);

                // Live needs CRIU, which this machine lacks: the wizard says why in plain words, the
                // instance still runs here, and a cold move is offered instead, which ends on the target.
                clickFinish(ui);
                String header = i18n(language).format("migrate.liveFailed.header", name, second.name());
                ui.waitUntil(60, () -> ui.robot.lookup(".dialog-pane").match(n -> n instanceof DialogPane pane
                        && header.equals(pane.getHeaderText())).tryQuery().isPresent());
                ui.settle();
                DialogPane question = ui.robot.lookup(".dialog-pane").match(n -> n instanceof DialogPane pane
                        && header.equals(pane.getHeaderText())).queryAs(DialogPane.class);
                System.out.println("[live move refused " + daemon + "] " + question.getContentText());
                assertThat(question.getContentText()).contains(i18n(language).get("migrate.liveFailed.criu"))
                        .contains("CRIU");
                ui.screenshotDialog("migrate-live-failed-" + suffix);
                assertThat(source.instances().get(name).value().running()).isTrue();
                assertThat(exists(target, name)).isFalse();
                Button coldMove = (Button) question.lookupButton(javafx.scene.control.ButtonType.OK);
                javafx.stage.Window asked = question.getScene().getWindow();
                ui.robot.clickOn(coldMove);
                ui.waitUntil(10, () -> !asked.isShowing());
                ui.waitUntil(120, () -> exists(target, name) && !exists(source, name));
                ui.waitUntil(30, () -> target.instances().get(name).value().running());
                assertThat(target.instances().get(name).value().profiles()).containsExactly("default", profile);
                assertThat(target.profiles().get(profile).value().config()).containsEntry("limits.cpu", "1");
                ui.robot.interact(() -> ui.workspace().remove(second.name()));
            } finally {
                Instances.remove(source, name);
                Instances.remove(target, name);
                for (LxdClient c : new LxdClient[] {source, target}) {
                    try {
                        c.profiles().delete(profile);
                    } catch (RuntimeException gone) {
                        // never copied
                    }
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void droppingAnInstanceOnAnotherRemoteOpensTheWizardForIt() throws Exception {
        try (LxdClient source = TestBed.connect(Daemon.LXD);
             UiDriver ui = new UiDriver(Daemon.LXD).open(true, Locale.ENGLISH)) {
            String name = Instances.createStopped(source, "midrag");
            try {
                RemoteModel first = new RemoteModel("aaa-other", new Endpoint.UnixSocket(spare.socket()));
                RemoteModel second = new RemoteModel("drop-here", new Endpoint.UnixSocket(spare.socket()));
                ui.robot.interact(() -> {
                    ui.workspace().add(first);
                    ui.workspace().add(second);
                });
                ui.waitUntil(20, () -> second.state().online() && first.state().online());
                ui.waitForRow(name, 102);
                ui.settle();
                // What a drag from the instance's row carries, dropped where a person would let go.
                javafx.scene.Node sourceCell = ui.cell(name);
                javafx.scene.Node ownRemote = ui.cell("remote:local");
                javafx.scene.Node target = ui.cell("remote:drop-here");
                javafx.scene.input.DragEvent[] events = new javafx.scene.input.DragEvent[3];
                ui.robot.interact(() -> {
                    javafx.scene.input.Dragboard board = Dragboards.holding(InstanceDrag.content("local", name),
                            java.util.Set.of(javafx.scene.input.TransferMode.COPY,
                                    javafx.scene.input.TransferMode.MOVE));
                    events[0] = Dragboards.fireAt(ownRemote, javafx.scene.input.DragEvent.DRAG_OVER, board, sourceCell);
                    events[1] = Dragboards.fireAt(target, javafx.scene.input.DragEvent.DRAG_OVER, board, sourceCell);
                    events[2] = Dragboards.fireAt(target, javafx.scene.input.DragEvent.DRAG_DROPPED, board, sourceCell);
                });
                // Not onto the server it is on already; onto another one, and the drop opens the wizard.
                assertThat(events[0].getAcceptedTransferMode()).isNull();
                assertThat(events[1].getAcceptedTransferMode()).isNotNull();
                assertThat(events[2].isDropCompleted()).isTrue();
                ui.waitUntil(10, () -> ui.robot.lookup("#migrateRemote").tryQuery().isPresent());
                ui.settle();
                @SuppressWarnings("unchecked")
                javafx.scene.control.ChoiceBox<String> remote = ui.robot.lookup("#migrateRemote")
                        .queryAs(javafx.scene.control.ChoiceBox.class);
                // The remote it was dropped on, not the first one in the list.
                assertThat(remote.getValue()).isEqualTo("drop-here");
                assertThat(ui.robot.lookup("#migrateName").queryAs(javafx.scene.control.TextField.class).getText())
                        .isEqualTo(name);
                ui.screenshotDialog("migrate-dropped-dark-en");
                Button cancel = button(ui, "wizardCancel");
                javafx.stage.Window dialog = cancel.getScene().getWindow();
                ui.robot.clickOn(cancel);
                ui.waitUntil(10, () -> !dialog.isShowing());
                assertThat(exists(source, name)).isTrue();
                ui.robot.interact(() -> {
                    ui.workspace().remove(first.name());
                    ui.workspace().remove(second.name());
                });
            } finally {
                Instances.remove(source, name);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void checksStopAMoveToAServerWithoutItsNetworkThenItMovesToAnotherPoolAndProjectOfItsOwn() throws Exception {
        String pool = TestBed.uniqueName("mipool");
        String project = TestBed.uniqueName("miproj");
        try (LxdClient source = TestBed.connect(Daemon.LXD);
             UiDriver ui = new UiDriver(Daemon.LXD).open(false, Locale.ENGLISH)) {
            source.storage().createPool(new dev.hako.lxd.api.StoragePoolsPost(pool, "dir", "", Map.of()), null);
            source.projects().create(new dev.hako.lxd.api.ProjectsPost(project, "", Map.of("features.profiles",
                    "false", "features.images", "false")));
            String name = Instances.createStopped(source, "minet");
            try {
                var tagged = source.instances().get(name);
                source.instances().patch(name, Map.of("devices", Map.of("eth0", Map.of("type", "nic",
                        "network", TestBed.env("HAKO_TB_LXD_BRIDGE"), "name", "eth0"))), tagged.etag());
                RemoteModel other = new RemoteModel("spare", new Endpoint.UnixSocket(spare.socket()));
                ui.robot.interact(() -> ui.workspace().add(other));
                ui.waitUntil(20, () -> other.state().online() && other.client() != null);
                ui.waitForRow(name, 102);
                ui.contextMenu(name, "menuMigrate");
                ui.waitUntil(10, () -> ui.robot.lookup("#migrateRemote").tryQuery().isPresent());
                ui.robot.clickOn("#migrateMove");
                next(ui);
                ui.waitUntil(20, () -> !button(ui, "wizardNext").isDisabled());
                next(ui);
                // The spare server has no such network: the check says so and what to do, and stops the move.
                String blocked = new I18n(Locale.ENGLISH).format("migrate.check.nicNetwork", "eth0",
                        TestBed.env("HAKO_TB_LXD_BRIDGE"), "spare");
                ui.waitUntil(30, () -> texts(ui, "#migrateChecks").contains(blocked));
                ui.settle();
                assertThat(button(ui, "wizardNext").isDisabled()).isTrue();
                ui.screenshotDialog("migrate-3-checks-blocked-light-en");

                back(ui);
                back(ui);
                @SuppressWarnings("unchecked")
                javafx.scene.control.ChoiceBox<String> remote = ui.robot.lookup("#migrateRemote")
                        .queryAs(javafx.scene.control.ChoiceBox.class);
                ui.robot.interact(() -> remote.setValue("local"));
                next(ui);
                @SuppressWarnings("unchecked")
                javafx.scene.control.ChoiceBox<String> pools = ui.robot.lookup("#migratePool")
                        .queryAs(javafx.scene.control.ChoiceBox.class);
                ui.waitUntil(20, () -> pools.getItems().contains(pool));
                ui.robot.interact(() -> pools.setValue(pool));
                next(ui);
                ui.waitUntil(30, () -> !button(ui, "wizardNext").isDisabled());
                ui.screenshotDialog("migrate-3-checks-same-server-light-en");
                next(ui);
                assertThat(ui.robot.lookup("#migrateCommands").queryAs(TextArea.class).getText())
                        .isEqualTo("lxc move local:" + name + " --storage " + pool);
                finish(ui, 120);
                ui.waitUntil(30, () -> pool.equals(dev.hako.model.migration.Destination.poolOf(
                        source.instances().get(name).value())));

                // Then into another project of the same server.
                ui.waitUntil(20, () -> ui.workspace().remote("local").projects().snapshot()
                        .containsKey(project));
                ui.contextMenu(name, "menuMigrate");
                ui.waitUntil(10, () -> ui.robot.lookup("#migrateRemote").tryQuery().isPresent());
                @SuppressWarnings("unchecked")
                javafx.scene.control.ChoiceBox<String> where = ui.robot.lookup("#migrateRemote")
                        .queryAs(javafx.scene.control.ChoiceBox.class);
                ui.robot.interact(() -> where.setValue("local"));
                @SuppressWarnings("unchecked")
                javafx.scene.control.ChoiceBox<String> projects = ui.robot.lookup("#migrateProject")
                        .queryAs(javafx.scene.control.ChoiceBox.class);
                ui.waitUntil(10, () -> projects.getItems().contains(project));
                ui.robot.interact(() -> projects.setValue(project));
                ui.robot.clickOn("#migrateMove");
                ui.settle();
                ui.screenshotDialog("migrate-1-project-light-en");
                next(ui);
                next(ui);
                ui.waitUntil(30, () -> !button(ui, "wizardNext").isDisabled());
                next(ui);
                assertThat(ui.robot.lookup("#migrateCommands").queryAs(TextArea.class).getText())
                        .isEqualTo("lxc move local:" + name + " --target-project " + project);
                finish(ui, 120);
                try (LxdClient inProject = LxdClient.connect(new Endpoint.UnixSocket(TestBed.socket(Daemon.LXD)),
                        project)) {
                    ui.waitUntil(30, () -> exists(inProject, name));
                    assertThat(exists(source, name)).isFalse();
                    Instances.remove(inProject, name);
                }
                ui.robot.interact(() -> ui.workspace().remove(other.name()));
            } finally {
                Instances.remove(source, name);
                try (LxdClient inProject = LxdClient.connect(new Endpoint.UnixSocket(TestBed.socket(Daemon.LXD)),
                        project)) {
                    Instances.remove(inProject, name);
                }
                source.projects().delete(project);
                source.storage().deletePool(pool);
            }
        }
    }
}
