package dev.hako.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.InstanceFiles;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstanceStatus;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every instance action driven through the window with clicks and keys; the server's state checked through the API. */
class InstanceActionsUiTest {

    private static boolean exists(LxdClient client, String name) {
        try {
            client.instances().get(name);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static int status(LxdClient client, String name) {
        return client.instances().get(name).value().statusCode();
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void createStopRenameSnapshotRestoreAndDelete(Daemon daemon) throws Exception {
        String d = daemon.name().toLowerCase(Locale.ROOT);
        String name = TestBed.uniqueName("act");
        String renamed = name + "-r";
        try (LxdClient client = TestBed.connect(daemon); UiDriver ui = new UiDriver(daemon).open(false, Locale.ENGLISH)) {
            try {
                // The toolbar's New instance opens the wizard (clicked through in NewInstanceWizardUiTest).
                ui.robot.clickOn("#toolbarCreate");
                ui.waitUntil(10, () -> ui.robot.lookup("#newInstanceImages").tryQuery().isPresent());
                @SuppressWarnings("unchecked")
                javafx.scene.control.TableView<Object> images = ui.robot.lookup("#newInstanceImages")
                        .queryAs(javafx.scene.control.TableView.class);
                ui.waitUntil(20, () -> images.getItems().stream().anyMatch(i -> i.toString().contains(
                        "name=" + TestBed.imageAlias() + ",")));
                ui.robot.interact(() -> images.getSelectionModel().select(images.getItems().stream()
                        .filter(i -> i.toString().contains("name=" + TestBed.imageAlias() + ",")).findFirst()
                        .orElseThrow()));
                ui.robot.clickOn("#wizardNext");
                ui.waitUntil(5, () -> ui.robot.lookup("#newInstanceName").tryQuery().isPresent());
                ui.type("newInstanceName", name);
                ui.robot.clickOn("#wizardNext");
                ui.settle();
                ui.screenshotDialog("dialog-create-instance-" + d + "-light-en");
                ui.robot.clickOn("#wizardFinish");
                ui.waitUntil(60, () -> exists(client, name) && status(client, name) == InstanceStatus.RUNNING);
                ui.waitForRow(name, InstanceStatus.RUNNING);

                ui.click(name);
                ui.contextMenu(name, "menuStop");
                ui.waitUntil(5, () -> ui.robot.lookup("#stopForce").tryQuery().isPresent());
                javafx.scene.control.TextArea stopCommand = ui.robot.lookup("#stopCommand")
                        .queryAs(javafx.scene.control.TextArea.class);
                assertThat(stopCommand.getText()).isEqualTo(daemon.cliName() + " stop local:" + name + " --timeout 30");
                ui.robot.clickOn("#stopForce");
                assertThat(stopCommand.getText()).isEqualTo(daemon.cliName() + " stop local:" + name + " --force");
                ui.screenshotDialog("dialog-stop-command-" + d + "-light-en");
                // Enter presses OK even while the check box has the focus.
                javafx.stage.Window stopDialog = ui.robot.lookup("#stopForce").query().getScene().getWindow();
                ui.robot.push(javafx.scene.input.KeyCode.ENTER);
                ui.waitUntil(5, () -> !stopDialog.isShowing());
                ui.waitUntil(30, () -> status(client, name) == InstanceStatus.STOPPED);
                ui.waitForRow(name, InstanceStatus.STOPPED);

                ui.contextMenu(name, "menuRename");
                ui.waitUntil(5, () -> ui.robot.lookup("#nameField").tryQuery().isPresent());
                ui.type("nameField", "9" + name);
                Label problem = ui.robot.lookup("#nameProblem").queryAs(Label.class);
                assertThat(problem.getText()).contains("digit");
                assertThat(ui.defaultButton().isDisabled()).isTrue();
                ui.screenshotDialog("dialog-rename-invalid-" + d + "-light-en");
                ui.type("nameField", renamed);
                assertThat(ui.robot.lookup("#nameCommand").queryAs(javafx.scene.control.TextArea.class).getText())
                        .isEqualTo(daemon.cliName() + " rename local:" + name + " " + renamed);
                ui.ok();
                ui.waitUntil(30, () -> exists(client, renamed) && !exists(client, name));

                // Snapshot, change a file, restore through the Snapshots tab: the file is as it was.
                client.instances().files().upload(renamed, "/root/marker", new ByteArrayInputStream(
                        "before".getBytes()), 6, InstanceFiles.FileOptions.defaults());
                ui.click(renamed);
                ui.tab("Snapshots");
                ui.robot.clickOn("#snapshotCreate");
                ui.waitUntil(5, () -> ui.robot.lookup("#nameField").tryQuery().isPresent());
                ui.type("nameField", "s1");
                ui.ok();
                ui.waitUntil(30, () -> client.instances().snapshots(renamed).stream()
                        .anyMatch(s -> s.name().equals("s1")));
                TableView<?> table = ui.robot.lookup("#snapshotsTable").queryAs(TableView.class);
                ui.waitUntil(10, () -> !table.getItems().isEmpty());
                client.instances().files().upload(renamed, "/root/marker", new ByteArrayInputStream(
                        "after".getBytes()), 5, InstanceFiles.FileOptions.defaults());
                ui.robot.clickOn(ui.robot.lookup("#snapshotsTable .table-row-cell").nth(0).queryAs(
                        javafx.scene.Node.class));
                ui.robot.clickOn("#snapshotRestore");
                ui.ok();
                ui.waitUntil(30, () -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    try {
                        client.instances().files().download(renamed, "/root/marker", out);
                    } catch (dev.hako.lxd.LxdException restoring) {
                        // LXD's file server restarts with the restore; ask again.
                        return false;
                    }
                    return out.toString().equals("before");
                });
                ui.screenshot("instance-snapshots-" + d + "-light-en");
                ui.robot.clickOn(ui.robot.lookup("#snapshotsTable .table-row-cell").nth(0).queryAs(
                        javafx.scene.Node.class));
                ui.robot.clickOn("#snapshotDelete");
                ui.ok();
                ui.waitUntil(30, () -> client.instances().snapshots(renamed).isEmpty());

                // Copy, then delete both with the Delete key, confirming by name.
                ui.contextMenu(renamed, "menuCopy");
                ui.waitUntil(5, () -> ui.robot.lookup("#nameField").tryQuery().isPresent());
                ui.ok();
                ui.waitUntil(30, () -> exists(client, renamed + "-copy"));

                for (String snapshot : List.of("s1", "s2")) {
                    client.instances().createSnapshot(renamed + "-copy",
                            new dev.hako.lxd.api.InstanceSnapshotsPost(snapshot, false, null))
                            .awaitSuccess(Instances.OP_TIMEOUT);
                }
                ui.click(renamed + "-copy");
                ui.robot.push(KeyCode.DELETE);
                ui.waitUntil(5, () -> ui.robot.lookup("#confirmField").tryQuery().isPresent());
                assertThat(ui.defaultButton().isDisabled()).isTrue();
                // The confirmation says the snapshots go too, and how many.
                assertThat(ui.robot.lookup("#confirmDetails").queryAs(Label.class).getText())
                        .contains(renamed + "-copy (2 snapshots)").contains("Its 2 snapshots are deleted with it.");
                ui.robot.clickOn("#confirmField").write(renamed + "-copy");
                ui.screenshotDialog("dialog-delete-" + d + "-light-en");
                ui.ok();
                ui.waitUntil(30, () -> !exists(client, renamed + "-copy"));
            } finally {
                for (String n : List.of(name, renamed, renamed + "-copy")) {
                    Instances.remove(client, n);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void bulkActionsOnAMultiSelectionAndARunningInstanceRenamedWithARestart(Daemon daemon) throws Exception {
        String d = daemon.name().toLowerCase(Locale.ROOT);
        try (LxdClient client = TestBed.connect(daemon)) {
            List<String> names = new java.util.ArrayList<>(List.of(Instances.createRunning(client, "bulk"),
                    Instances.createRunning(client, "bulk"), Instances.createRunning(client, "bulk")));
            String first = names.get(0);
            try (UiDriver ui = new UiDriver(daemon).open(true, Locale.JAPANESE)) {
                // A running instance is offered a stop, the rename, and a start under the new name.
                ui.click(first);
                ui.contextMenu(first, "menuRename");
                ui.waitUntil(5, () -> ui.defaultButton() != null);
                ui.screenshotDialog("dialog-rename-running-" + d + "-dark-ja");
                ui.ok();
                ui.waitUntil(5, () -> ui.robot.lookup("#nameField").tryQuery().isPresent());
                ui.type("nameField", first + "-r");
                ui.ok();
                ui.waitUntil(60, () -> exists(client, first + "-r") && !exists(client, first)
                        && status(client, first + "-r") == InstanceStatus.RUNNING);
                names.set(0, first + "-r");
                ui.waitForRow(names.get(0), InstanceStatus.RUNNING);

                ui.click(names.get(0));
                ui.ctrlClick(names.get(1));
                ui.ctrlClick(names.get(2));
                ui.contextMenu(names.get(2), "menuFreeze");
                ui.waitUntil(30, () -> names.stream().allMatch(n -> status(client, n) == InstanceStatus.FROZEN));
                for (String n : names) {
                    ui.waitForRow(n, InstanceStatus.FROZEN);
                }
                // The menu's Command line submenu copies the CLI's line for the whole selection.
                ui.contextMenu(names.get(2), "menuCommands");
                ui.waitUntil(5, () -> ui.robot.lookup("#menuCommandUnfreeze").tryQuery().isPresent());
                ui.robot.clickOn("#menuCommandUnfreeze");
                String resume = daemon == Daemon.INCUS ? " resume" : " start";
                ui.waitUntil(5, () -> (daemon.cliName() + resume + " local:" + String.join(" local:", names)).equals(
                        UiDriver.onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())));
                ui.contextMenu(names.get(2), "menuUnfreeze");
                ui.waitUntil(30, () -> names.stream().allMatch(n -> status(client, n) == InstanceStatus.RUNNING));
                for (String n : names) {
                    ui.waitForRow(n, InstanceStatus.RUNNING);
                }

                ui.robot.clickOn("#toolbarStop");
                ui.waitUntil(5, () -> ui.robot.lookup("#stopForce").tryQuery().isPresent());
                ui.robot.clickOn("#stopForce");
                ui.screenshotDialog("dialog-stop-many-" + d + "-dark-ja");
                ui.ok();
                ui.waitUntil(30, () -> names.stream().allMatch(n -> status(client, n) == InstanceStatus.STOPPED));
                for (String n : names) {
                    ui.waitForRow(n, InstanceStatus.STOPPED);
                }

                ui.robot.clickOn("#toolbarStart");
                ui.waitUntil(30, () -> names.stream().allMatch(n -> status(client, n) == InstanceStatus.RUNNING));
                for (String n : names) {
                    ui.waitForRow(n, InstanceStatus.RUNNING);
                }
                ui.screenshot("bulk-selection-" + d + "-dark-ja");

                java.util.Map<String, Long> pids = new java.util.HashMap<>();
                names.forEach(n -> pids.put(n, client.instances().state(n).pid()));
                ui.robot.clickOn("#toolbarRestart");
                ui.waitUntil(5, () -> ui.robot.lookup("#stopForce").tryQuery().isPresent());
                ui.robot.clickOn("#stopForce");
                ui.ok();
                ui.waitUntil(60, () -> names.stream().allMatch(n -> {
                    try {
                        var state = client.instances().state(n);
                        return state.statusCode() == InstanceStatus.RUNNING && state.pid() != pids.get(n);
                    } catch (dev.hako.lxd.LxdException midRestart) {
                        // Incus answers "Invalid PID" while the instance is between stop and start.
                        return false;
                    }
                }));
                for (String n : names) {
                    ui.waitForRow(n, InstanceStatus.RUNNING);
                }

                // The collapsed drawer only counted them; opened, it lists the restarts, newest first.
                ui.robot.clickOn(ui.robot.lookup("#operationsDrawer .title").queryAs(javafx.scene.Node.class));
                ui.waitUntil(10, () -> names.stream().allMatch(n -> ui.robot.lookup("#operationsTable .table-cell")
                        .queryAllAs(javafx.scene.control.TableCell.class).stream()
                        .anyMatch(c -> c.getText() != null && c.getText().contains(n))));
                ui.screenshot("operations-drawer-" + d + "-dark-ja");
                ui.robot.clickOn(ui.robot.lookup("#operationsDrawer .title").queryAs(javafx.scene.Node.class));
                ui.robot.interact(() -> ui.window().tree().view().requestFocus());

                ui.robot.push(KeyCode.DELETE);
                ui.waitUntil(5, () -> ui.robot.lookup("#confirmField").tryQuery().isPresent());
                // Running instances are offered a stop first; confirming several takes their count.
                assertThat(ui.robot.lookup("#deleteStopFirst").queryAs(javafx.scene.control.CheckBox.class)
                        .isSelected()).isTrue();
                ui.robot.clickOn("#confirmField").write("3");
                ui.screenshotDialog("dialog-delete-many-" + d + "-dark-ja");
                ui.ok();
                ui.waitUntil(60, () -> names.stream().noneMatch(n -> exists(client, n)));
            } finally {
                names.forEach(n -> Instances.remove(client, n));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void stopAllFromTheRemoteMenu(Daemon daemon) throws Exception {
        try (LxdClient client = TestBed.connect(daemon)) {
            List<String> names = List.of(Instances.createRunning(client, "all"), Instances.createRunning(client, "all"));
            try (UiDriver ui = new UiDriver(daemon).open(false, Locale.ENGLISH)) {
                for (String n : names) {
                    ui.waitForRow(n, InstanceStatus.RUNNING);
                }
                ui.contextMenu("remote:local", "menuStopAll");
                ui.ok();
                ui.waitUntil(5, () -> ui.robot.lookup("#stopForce").tryQuery().isPresent());
                ui.robot.clickOn("#stopForce");
                ui.ok();
                ui.waitUntil(30, () -> client.instances().list().stream().noneMatch(Instance::running));
            } finally {
                names.forEach(n -> Instances.remove(client, n));
            }
        }
    }
}
