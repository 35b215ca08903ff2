package dev.hako.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.api.InstanceStatus;
import dev.hako.model.Workspace;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import dev.hako.ui.common.UiSettings;
import dev.hako.ui.shell.MainWindow;
import dev.hako.ui.tree.TreeEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first window against the real test-bed daemons: the local server found from
 * the environment, its instances listed, and changes made with the CLI followed live.
 */
class MainWindowUiTest {

    private final FxRobot robot = new FxRobot();
    private Workspace workspace;
    private MainWindow window;

    private void open(Daemon daemon, boolean dark, Locale locale) throws Exception {
        Path config = Files.createTempDirectory("hako-ui");
        UiSettings settings = new UiSettings(config);
        settings.setDarkTheme(dark);
        settings.setLocale(locale);
        String dirVariable = daemon == Daemon.LXD ? "LXD_DIR" : "INCUS_DIR";
        workspace = Workspace.ofLocalServers(Map.of(dirVariable, TestBed.daemonDir(daemon).toString()));
        assertThat(workspace.remotes()).hasSize(1);
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window = new MainWindow(s, workspace, settings);
            s.setWidth(1100);
            s.setHeight(700);
            s.show();
        });
        workspace.start();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> TreeRows.remote(window.tree().view()).map(r -> r.state().online()).orElse(false));
        assertThat(stage.isShowing()).isTrue();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (workspace != null) {
            workspace.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void showsTheLocalServerAndFollowsCliChangesLive(Daemon daemon) throws Exception {
        String name = TestBed.uniqueName("ui");
        open(daemon, false, Locale.ENGLISH);
        try {
            long before = System.nanoTime();
            TestBed.cli(daemon, "init", TestBed.imageAlias(), name);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> TreeRows.instance(window.tree().view(), name).isPresent());
            System.out.printf("%s: instance created by the CLI appeared in the tree after %d ms%n", daemon,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before));
            assertThat(TreeRows.instance(window.tree().view(), name).get().instance().statusCode())
                    .isEqualTo(InstanceStatus.STOPPED);

            TestBed.cli(daemon, "start", name);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> TreeRows.instance(window.tree().view(), name)
                    .map(i -> i.instance().statusCode() == InstanceStatus.RUNNING).orElse(false));

            robot.interact(() -> window.select("local", name));
            robot.clickOn(robot.lookup(".tree-cell").match(n -> n instanceof javafx.scene.control.TreeCell<?> c
                    && c.getItem() instanceof TreeEntry.InstanceEntry i && i.instance().name().equals(name))
                    .queryAs(javafx.scene.Node.class));
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#summaryTitle").tryQuery()
                    .map(l -> name.equals(((Label) l).getText())).orElse(false));
            Screenshots.save(window.scene(), "main-window-" + daemon.name().toLowerCase(Locale.ROOT) + "-light-en");

            TestBed.cli(daemon, "delete", "--force", name);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> TreeRows.instance(window.tree().view(), name).isEmpty());
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
        TestBed.cli(daemon, "launch", TestBed.imageAlias(), name);
        try {
            open(daemon, false, Locale.ENGLISH);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> TreeRows.instance(window.tree().view(), name).isPresent());
            robot.interact(() -> window.select("local", name));
            robot.clickOn("#themeToggle");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(window.scene().getRoot().getStyleClass()).contains("dark");
            robot.interact(() -> window.select("local", name));
            Screenshots.save(window.scene(), "main-window-" + daemon.name().toLowerCase(Locale.ROOT) + "-dark-en");

            robot.clickOn("#languageChoice");
            robot.clickOn("日本語");
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> window.select("local", name));
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#statusBar .label").tryQuery()
                    .map(l -> ((Label) l).getText().contains("インスタンス")).orElse(false));
            Screenshots.save(window.scene(), "main-window-" + daemon.name().toLowerCase(Locale.ROOT) + "-dark-ja");

            robot.clickOn("#themeToggle");
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> window.select("local", name));
            assertThat(window.scene().getRoot().getStyleClass()).contains("light");
            Screenshots.save(window.scene(), "main-window-" + daemon.name().toLowerCase(Locale.ROOT) + "-light-ja");
        } finally {
            TestBed.cli(daemon, "delete", "--force", name);
        }
    }
}
