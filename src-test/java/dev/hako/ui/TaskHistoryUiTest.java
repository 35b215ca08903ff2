package dev.hako.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.api.InstanceStatePut;
import dev.hako.lxd.api.InstanceStatus;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import dev.hako.ui.common.UiSettings;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The operations drawer as a task history: a task started from the window and one from
 * the CLI are listed after the application restarts, a failed one shows its whole error,
 * and the retention is set from the drawer with its input checked. LXD in the light theme
 * and English, Incus in the dark theme and Japanese.
 */
class TaskHistoryUiTest {

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void tasksFromTheWindowAndTheCliAreListedAfterARestart(Daemon daemon) throws Exception {
        boolean dark = daemon == Daemon.INCUS;
        Locale locale = dark ? Locale.JAPANESE : Locale.ENGLISH;
        String look = daemon.name().toLowerCase(Locale.ROOT) + (dark ? "-dark-ja" : "-light-en");
        try (LxdClient api = TestBed.connect(daemon);
             UiDriver ui = new UiDriver(daemon).withHistory().open(dark, locale)) {
            String name = Instances.createStopped(api, "hist");
            try {
                ui.waitForRow(name, InstanceStatus.STOPPED);
                ui.click(name);
                ui.robot.clickOn("#toolbarStart");
                ui.waitForRow(name, InstanceStatus.RUNNING);
                TestBed.cli(daemon, "stop", name, "--force");
                ui.waitForRow(name, InstanceStatus.STOPPED);
                // Through the window's own connection: a task of this window that the server fails.
                LxdClient own = ui.workspace().remotes().get(0).client();
                try {
                    own.instances().changeState(name, InstanceStatePut.freeze()).awaitSuccess(Instances.OP_TIMEOUT);
                } catch (LxdException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                }
                TitledPane drawer = ui.robot.lookup("#operationsDrawer").queryAs(TitledPane.class);
                ui.waitUntil(30, () -> drawer.getText().matches(".*\\D0\\D.*"));

                ui.restart();
                TitledPane again = ui.robot.lookup("#operationsDrawer").queryAs(TitledPane.class);
                ui.robot.interact(() -> again.setExpanded(true));
                ui.robot.clickOn("#operationsSearch").write(name);
                @SuppressWarnings("unchecked")
                TableView<Object> table = ui.robot.lookup("#operationsTable").queryAs(TableView.class);
                ui.waitUntil(15, () -> described(table).containsAll(List.of("Starting instance (" + name + ")",
                        "Stopping instance (" + name + ")", "Freezing instance (" + name + ")")));

                // Who started which: the window's start and freeze, the CLI's stop.
                ui.robot.interact(() -> ui.robot.lookup("#operationsOriginFilter").queryAs(
                        javafx.scene.control.ComboBox.class).getSelectionModel().select(2));
                // (The test's own connection created the instance: that is another client too.)
                ui.waitUntil(5, () -> described(table).contains("Stopping instance (" + name + ")")
                        && described(table).stream().noneMatch(d -> d.startsWith("Starting") || d.startsWith("Freezing")));
                ui.robot.interact(() -> ui.robot.lookup("#operationsOriginFilter").queryAs(
                        javafx.scene.control.ComboBox.class).getSelectionModel().select(1));
                ui.waitUntil(5, () -> described(table).size() == 2 && described(table).stream()
                        .allMatch(d -> d.startsWith("Starting") || d.startsWith("Freezing")));

                // The failed one, chosen, shows its whole error; the start offers its command.
                ui.robot.interact(() -> table.getSelectionModel().select(table.getItems().stream().filter(
                        r -> cell(table, 1, r).startsWith("Freezing")).findFirst().orElseThrow()));
                TextArea detail = ui.robot.lookup("#operationsDetail").queryAs(TextArea.class);
                ui.waitUntil(5, () -> detail.isVisible() && detail.getText().contains(name));
                String error = ui.robot.lookup("#operationsDetail").queryAs(TextArea.class).getText();
                assertThat(error).contains(dark ? "サーバーからのエラー" : "Error from the server");
                assertThat(ui.robot.lookup("#operationsCopyCommand").queryAs(Button.class).isDisabled()).isFalse();
                ui.screenshot("task-history-failed-" + look);
                ui.robot.interact(() -> table.getSelectionModel().select(table.getItems().stream().filter(
                        r -> cell(table, 1, r).startsWith("Starting")).findFirst().orElseThrow()));
                ui.waitUntil(5, () -> detail.getText().contains((dark ? "incus" : "lxc") + " start local:" + name));

                // The retention: a bad number is refused before anything changes; a good one is kept.
                ui.robot.clickOn("#operationsRetention");
                ui.type("retentionDays", "0");
                ui.waitUntil(5, () -> ui.robot.lookup(".button").queryAllAs(Button.class).stream()
                        .anyMatch(b -> b.isDefaultButton() && b.isDisabled()));
                ui.screenshotDialog("task-history-retention-" + look);
                ui.type("retentionDays", "30");
                ui.ok();
                ui.waitUntil(5, () -> new UiSettings(ui.configDirectory()).historyRetentionDays() == 30);
            } finally {
                Instances.remove(api, name);
            }
        }
    }

    private static String cell(TableView<Object> table, int column, Object row) {
        return String.valueOf(table.getColumns().get(column).getCellData(row));
    }

    private static List<String> described(TableView<Object> table) {
        return table.getItems().stream().map(r -> cell(table, 1, r)).toList();
    }
}
