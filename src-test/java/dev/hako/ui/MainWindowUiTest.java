package dev.hako.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.api.InstanceStatus;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The window against the real test-bed daemons: the local server found from the
 * environment, its instances listed, and changes made with the CLI followed live.
 */
class MainWindowUiTest {

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void showsTheLocalServerAndFollowsCliChangesLive(Daemon daemon) throws Exception {
        String name = TestBed.uniqueName("ui");
        try (UiDriver ui = new UiDriver(daemon).open(false, Locale.ENGLISH)) {
            assertThat(ui.window().scene().getWindow().isShowing()).isTrue();
            long before = System.nanoTime();
            TestBed.cli(daemon, "init", TestBed.imageAlias(), name);
            ui.waitUntil(10, () -> TreeRows.instance(ui.window().tree().view(), name).isPresent());
            System.out.printf("%s: instance created by the CLI appeared in the tree after %d ms%n", daemon,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before));
            assertThat(TreeRows.instance(ui.window().tree().view(), name).get().instance().statusCode())
                    .isEqualTo(InstanceStatus.STOPPED);

            TestBed.cli(daemon, "start", name);
            ui.waitForRow(name, InstanceStatus.RUNNING);
            ui.click(name);
            ui.waitUntil(5, () -> ui.robot.lookup("#summaryTitle").tryQuery()
                    .map(l -> name.equals(((Label) l).getText())).orElse(false));
            ui.screenshot("main-window-" + daemon.name().toLowerCase(Locale.ROOT) + "-light-en");

            // A burst of short execs from the CLI: the drawer ends as the server does, nothing left running.
            for (int i = 0; i < 10; i++) {
                TestBed.cli(daemon, "exec", name, "--", "/bin/busybox", "ls", "/");
                TestBed.cli(daemon, "exec", name, "--", "/bin/busybox", "ps");
            }
            javafx.scene.control.TitledPane drawer = ui.robot.lookup("#operationsDrawer")
                    .queryAs(javafx.scene.control.TitledPane.class);
            ui.waitUntil(30, () -> drawer.getText().equals("Operations (0 running)"));
            ui.robot.interact(() -> drawer.setExpanded(true));
            @SuppressWarnings("unchecked")
            javafx.scene.control.TableView<Object> operations = ui.robot.lookup("#operationsTable")
                    .queryAs(javafx.scene.control.TableView.class);
            // The CLI's execs are other clients' work, folded into a row per outcome with their count.
            ui.robot.interact(() -> ui.robot.lookup("#operationsOriginFilter").queryAs(
                    javafx.scene.control.ComboBox.class).getSelectionModel().select(2));
            ui.waitUntil(5, () -> execsListed(operations, name) >= 20);
            // Other tests' work on the shared daemon may be listed too: only this instance's execs are counted.
            assertThat(operations.getItems()).filteredOn(row -> String.valueOf(operations.getColumns().get(1)
                    .getCellData(row)).startsWith("Executing command (" + name + ")")).hasSizeLessThan(3)
                    .allSatisfy(row -> assertThat(String.valueOf(operations.getColumns().get(2).getCellData(row)))
                            .doesNotStartWith("Running"));
            assertThat(operations.getItems()).anySatisfy(row -> assertThat(String.valueOf(operations.getColumns()
                    .get(1).getCellData(row))).startsWith("Executing command (" + name + ")").contains("\u00d7"));
            double shortHeight = operations.getHeight();
            ui.robot.drag(ui.robot.lookup("#operationsGrip").queryAs(javafx.scene.Node.class))
                    .moveBy(0, -150).drop();
            ui.waitUntil(5, () -> operations.getHeight() > shortHeight + 100);
            ui.screenshot("operations-drawer-folded-" + daemon.name().toLowerCase(Locale.ROOT) + "-light-en");
            // Unfolded, every exec is its own row.
            ui.robot.clickOn("#operationsFold");
            ui.waitUntil(5, () -> operations.getItems().size() >= 20);
            assertThat(operations.getItems()).allSatisfy(row -> assertThat(String.valueOf(
                    operations.getColumns().get(2).getCellData(row))).doesNotStartWith("Running"));
            // Nothing of this window's own: it started no operation.
            ui.robot.interact(() -> ui.robot.lookup("#operationsOriginFilter").queryAs(
                    javafx.scene.control.ComboBox.class).getSelectionModel().select(1));
            ui.waitUntil(5, () -> operations.getItems().isEmpty());
            ui.robot.interact(() -> drawer.setExpanded(false));

            TestBed.cli(daemon, "delete", "--force", name);
            ui.waitUntil(10, () -> TreeRows.instance(ui.window().tree().view(), name).isEmpty());
        } finally {
            try {
                TestBed.cli(daemon, "delete", "--force", name);
            } catch (IllegalStateException alreadyGone) {
                // deleted by the test
            }
        }
    }

    /** How many execs on the window's instance the operations table accounts for, folded ones counted. */
    private static int execsListed(javafx.scene.control.TableView<Object> operations, String instance) {
        int listed = 0;
        for (Object row : operations.getItems()) {
            String description = String.valueOf(operations.getColumns().get(1).getCellData(row));
            if (description.startsWith("Executing command (" + instance + ")")) {
                int times = description.lastIndexOf('\u00d7');
                listed += times < 0 ? 1 : Integer.parseInt(description.substring(times + 1).trim());
            }
        }
        return listed;
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void themeAndLanguageSwitchFromTheToolbar(Daemon daemon) throws Exception {
        String name = TestBed.uniqueName("ui");
        String d = daemon.name().toLowerCase(Locale.ROOT);
        TestBed.cli(daemon, "launch", TestBed.imageAlias(), name);
        try (UiDriver ui = new UiDriver(daemon).open(false, Locale.ENGLISH)) {
            ui.waitForRow(name, InstanceStatus.RUNNING);
            ui.click(name);
            ui.robot.clickOn("#themeToggle");
            ui.settle();
            assertThat(ui.window().scene().getRoot().getStyleClass()).contains("dark");
            ui.click(name);
            ui.settle();
            ui.screenshot("main-window-" + d + "-dark-en");

            ui.robot.clickOn("#languageChoice");
            ui.robot.clickOn("日本語");
            ui.settle();
            ui.click(name);
            ui.waitUntil(5, () -> ui.robot.lookup("#statusBar .label").tryQuery()
                    .map(l -> ((Label) l).getText().contains("インスタンス")).orElse(false));
            ui.settle();
            ui.screenshot("main-window-" + d + "-dark-ja");

            ui.robot.clickOn("#themeToggle");
            ui.settle();
            assertThat(ui.window().scene().getRoot().getStyleClass()).contains("light");
            ui.click(name);
            ui.settle();
            ui.screenshot("main-window-" + d + "-light-ja");
        } finally {
            TestBed.cli(daemon, "delete", "--force", name);
        }
    }
}
