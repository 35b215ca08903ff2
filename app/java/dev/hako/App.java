package dev.hako;

import dev.hako.model.Workspace;
import dev.hako.remote.ConfigDirectory;
import dev.hako.ui.common.UiSettings;
import dev.hako.ui.remotes.RemotesController;
import dev.hako.ui.shell.MainWindow;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: finds the local servers, opens the main window, closes connections on exit. */
public final class App extends Application {

    private Workspace workspace;

    @Override
    public void start(Stage stage) {
        var env = System.getenv();
        workspace = Workspace.ofLocalServers(env);
        UiSettings settings = new UiSettings(ConfigDirectory.resolve(env));
        RemotesController remotes = null;
        try {
            remotes = RemotesController.load(workspace, ConfigDirectory.resolve(env), settings, env);
            remotes.openSaved();
        } catch (IllegalStateException unreadable) {
            // Logged by load(); the window opens with the local servers and leaves the file untouched.
        }
        new MainWindow(stage, workspace, settings, remotes);
        workspace.start();
        stage.show();
    }

    @Override
    public void stop() {
        if (workspace != null) {
            workspace.close();
        }
    }
}
