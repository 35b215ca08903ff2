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
            ui.waitUntil(5, () -> operations.getItems().size() >= 10);
            assertThat(operations.getItems()).allSatisfy(row -> assertThat(String.valueOf(
                    operations.getColumns().get(2).getCellData(row))).doesNotStartWith("Running"));
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
