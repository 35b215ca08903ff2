package dev.hako.ui.wizard.migrate;

import static org.assertj.core.api.Assertions.assertThat;
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
import dev.hako.testbed.ExtraLxd;
import dev.hako.testbed.MigrationTarget;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import dev.hako.ui.Dragboards;
import dev.hako.ui.UiDriver;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The migration wizard moving a running instance (with a profile the destination lacks)
 * from the test bed's LXD to a second private LXD, page by page, in both themes and languages.
 */
class MigrationWizardUiTest {

    private static MigrationTarget second;
    private static ExtraLxd extra;
    private static LxdClient target;

    @BeforeAll
    static void secondServer() {
        second = MigrationTarget.start("miwz");
        extra = second.daemon();
        target = second.client();
    }

    @AfterAll
    static void stopSecondServer() {
        if (second != null) {
            second.close();
        }
    }





    private static boolean exists(LxdClient client, String name) {
        return client.instances().list().stream().map(Instance::name).anyMatch(name::equals);
    }

    @ParameterizedTest
    @CsvSource({"true,en", "false,ja"})
    void moveARunningInstanceCopyingItsProfile(boolean dark, String language) throws Exception {
        String suffix = (dark ? "dark-" : "light-") + language;
        String profile = TestBed.uniqueName("miprof");
        try (LxdClient source = TestBed.connect(Daemon.LXD);
             UiDriver ui = new UiDriver(Daemon.LXD).open(dark, Locale.forLanguageTag(language))) {
            source.profiles().create(new ProfilesPost(profile, "moved with it", Map.of("limits.cpu", "1"), Map.of()));
            String name = Instances.createRunning(source, "miwz");
            try {
                var tagged = source.instances().get(name);
                source.instances().patch(name, Map.of("profiles", List.of("default", profile)), tagged.etag());
                RemoteModel second = new RemoteModel("second-" + language, new Endpoint.UnixSocket(extra.socket()));
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
                ui.screenshotDialog("migrate-3-review-live-" + suffix);

                // Live needs CRIU, which this machine lacks: the error has the server's words, the
                // instance still runs here, the profile copied for the attempt is gone again.
                clickFinish(ui);
                ui.waitUntil(60, () -> ui.robot.lookup("#errorServerMessage").tryQuery().isPresent());
                ui.settle();
                javafx.scene.control.TextArea error = ui.robot.lookup("#errorServerMessage")
                        .queryAs(javafx.scene.control.TextArea.class);
                // Which server refused, with its own words.
                assertThat(error.getText()).contains("CRIU").containsAnyOf("source server", "移行元");
                ui.screenshotDialog("migrate-live-failed-" + suffix);
                assertThat(source.instances().get(name).value().running()).isTrue();
                assertThat(exists(target, name)).isFalse();
                assertThat(target.profiles().list().stream().noneMatch(p -> p.name().equals(profile))).isTrue();
                Button close = ui.robot.lookup(".button").match(n -> n instanceof Button b && b.isDefaultButton()
                        && b.getScene() == error.getScene()).queryAs(Button.class);
                javafx.stage.Window alert = error.getScene().getWindow();
                ui.robot.clickOn(close);
                ui.waitUntil(10, () -> !alert.isShowing());

                ui.settle();
                ui.robot.clickOn("#wizardBack");
                ui.settle();
                ui.robot.clickOn("#wizardBack");
                ui.settle();
                ui.robot.clickOn("#migrateLive");
                next(ui);
                ui.waitUntil(20, () -> !button(ui, "wizardNext").isDisabled());
                next(ui);
                ui.screenshotDialog("migrate-3-review-" + suffix);
                finish(ui, 120);
                ui.waitUntil(60, () -> exists(target, name) && !exists(source, name));
                assertThat(target.instances().get(name).value().profiles()).containsExactly("default", profile);
                assertThat(target.profiles().get(profile).value().config()).containsEntry("limits.cpu", "1");
                ui.waitUntil(20, () -> target.instances().get(name).value().running());
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
                RemoteModel first = new RemoteModel("aaa-other", new Endpoint.UnixSocket(extra.socket()));
                RemoteModel second = new RemoteModel("drop-here", new Endpoint.UnixSocket(extra.socket()));
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
}
