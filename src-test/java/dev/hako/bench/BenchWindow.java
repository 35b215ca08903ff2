package dev.hako.bench;

import dev.hako.model.Workspace;
import dev.hako.ui.common.UiSettings;
import dev.hako.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Hako's main window, shown, on a fresh workspace of the test bed's LXD daemon that has not
 * connected yet (so a benchmark can time the connection from its first request), with
 * settings of its own in a new directory.
 */
final class BenchWindow {

    private final Workspace workspace;
    private final Stage stage;
    private final MainWindow window;

    private BenchWindow(Workspace workspace, Stage stage, MainWindow window) {
        this.workspace = workspace;
        this.stage = stage;
        this.window = window;
    }

    /** Opens the window; returns once it is shown. Not on the FX thread. */
    static BenchWindow open(Path lxdDir) throws Exception {
        Workspace workspace = Workspace.ofLocalServers(Map.of("LXD_DIR", lxdDir.toString()));
        Path config = Files.createTempDirectory("hako-bench");
        BenchWindow[] opened = new BenchWindow[1];
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            Stage stage = new Stage();
            opened[0] = new BenchWindow(workspace, stage, new MainWindow(stage, workspace, new UiSettings(config)));
            stage.show();
            shown.countDown();
        });
        shown.await();
        return opened[0];
    }

    Workspace workspace() {
        return workspace;
    }

    MainWindow window() {
        return window;
    }

    /** Closes the window, then the workspace's connections. Not on the FX thread. */
    void close() throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            stage.close();
            closed.countDown();
        });
        closed.await();
        workspace.close();
    }
}
