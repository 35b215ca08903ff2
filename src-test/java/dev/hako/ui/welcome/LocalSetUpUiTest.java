package dev.hako.ui.welcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.remote.ClientIdentities;
import dev.hako.remote.LocalServers;
import dev.hako.remote.RemotesFile;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import dev.hako.ui.Screenshots;
import dev.hako.ui.common.UiSettings;
import dev.hako.ui.remotes.RemotesController;
import dev.hako.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first-run page's "Set up a server on this computer": it looks again for a local
 * daemon, and opens the initialisation wizard on the one it finds (here the test bed's
 * LXD, named by LXD_DIR as the CLI reads it), or says what to install.
 */
class LocalSetUpUiTest {

    private final FxRobot robot = new FxRobot();
    private Workspace workspace;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (workspace != null) {
            workspace.close();
        }
    }

    private MainWindow open(Map<String, String> env, boolean dark, Locale locale) throws Exception {
        Path config = Files.createTempDirectory("hako-setup");
        UiSettings settings = new UiSettings(config);
        settings.setDarkTheme(dark);
        settings.setLocale(locale);
        workspace = new Workspace(List.of());
        RemotesController remotes = new RemotesController(workspace, RemotesFile.load(config),
                new ClientIdentities(config), settings, env, Files.createTempDirectory("hako-home"));
        MainWindow[] window = new MainWindow[1];
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            window[0] = new MainWindow(stage, workspace, settings, remotes);
            window[0].setWelcomeActions(remotes.welcomeActions(() -> stage));
            stage.setWidth(1200);
            stage.setHeight(820);
            stage.show();
        });
        workspace.start();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#welcomeInitButton").tryQuery().isPresent());
        return window[0];
    }

    @Test
    void findsTheLocalServerAndOpensTheInitialisationWizardOnIt() throws Exception {
        open(Map.of("LXD_DIR", TestBed.daemonDir(Daemon.LXD).toString()), true, Locale.ENGLISH);
        robot.clickOn("#welcomeInitButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#wizardStep").tryQuery().isPresent());
        RemoteModel local = workspace.remote("local");
        assertThat(local).isNotNull();
        assertThat(local.state().online()).isTrue();
        Node step = robot.lookup("#wizardStep").query();
        assertThat(((javafx.stage.Stage) step.getScene().getWindow()).getTitle()).isEqualTo("Initialise local");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(step.getScene(), "welcome-setup-wizard-dark-en");
        robot.clickOn("#wizardCancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#wizardStep").tryQuery().isEmpty());
        // Asked again, it uses the remote it opened instead of adding a second one.
        robot.clickOn("#welcomeInitButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#wizardStep").tryQuery().isPresent());
        assertThat(workspace.remotes()).hasSize(1);
        robot.clickOn("#wizardCancel");
    }

    @Test
    void findingNoServerSaysWhatToInstall() throws Exception {
        // The search covers the system paths too; on a machine with a system daemon this case does not apply.
        assumeThat(LocalServers.discover(Map.of())).isEmpty();
        MainWindow window = open(Map.of(), false, Locale.JAPANESE);
        robot.clickOn("#welcomeInitButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane .content").tryQuery()
                .isPresent());
        Label text = robot.lookup(".dialog-pane .content").queryAs(Label.class);
        assertThat(text.getText()).contains("sudo snap install lxd");
        assertThat(workspace.remotes()).isEmpty();
        Screenshots.save(text.getScene(), "welcome-setup-none-light-ja");
        robot.clickOn(".dialog-pane .button");
        assertThat(window.scene().lookup("#welcomePage")).isNotNull();
    }
}
