package dev.hako;

import dev.hako.model.Workspace;
import dev.hako.model.history.TaskHistory;
import dev.hako.model.metrics.MetricHistory;
import dev.hako.model.metrics.MetricRecording;
import dev.hako.model.store.HistoryDatabase;
import dev.hako.remote.ConfigDirectory;
import dev.hako.remote.DataDirectory;
import dev.hako.remote.FileFinding;
import dev.hako.remote.RemotesFile;
import dev.hako.ui.common.DamagedFilesNotice;
import dev.hako.ui.common.FxDialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.UiSettings;
import dev.hako.ui.remotes.RemotesController;
import dev.hako.ui.shell.MainWindow;
import dev.hako.ui.view.metrics.MetricCharts;
import java.util.List;
import java.util.stream.IntStream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The JavaFX application: finds the local servers, opens the main window, closes connections on exit. */
public final class App extends Application {

    /** Window icon sizes under /dev/hako/icons, rendered from icons/hako.svg. */
    static final int[] ICON_SIZES = {16, 24, 32, 48, 64, 128, 256};

    private Workspace workspace;
    private HistoryDatabase history;
    private MetricRecording metrics;

    @Override
    public void start(Stage stage) {
        var env = System.getenv();
        workspace = Workspace.ofLocalServers(env);
        UiSettings settings = new UiSettings(ConfigDirectory.resolve(env));
        RemotesController remotes = null;
        List<String> blocked = new java.util.ArrayList<>();
        try {
            remotes = RemotesController.load(workspace, ConfigDirectory.resolve(env), settings, env);
            checkClientKey(remotes);
            remotes.openSaved();
        } catch (IllegalStateException unreadable) {
            // Logged by load(); the window opens with the local servers and leaves the file untouched.
            blocked.add(DamagedFilesNotice.blocked(new I18n(settings.locale()),
                    ConfigDirectory.resolve(env).resolve(RemotesFile.FILE_NAME), unreadable.getMessage()));
        }
        // One history file for every feature that records; each brings its own tables.
        history = HistoryDatabase.open(DataDirectory.resolve(env).resolve("history.db"),
                List.of(TaskHistory.SCHEMA, MetricHistory.SCHEMA));
        TaskHistory tasks = new TaskHistory(history, settings.historyRetentionDays());
        tasks.followAll(workspace);
        MainWindow window = new MainWindow(stage, workspace, settings, remotes, tasks, startMetrics(settings));
        if (remotes != null) {
            window.setWelcomeActions(remotes.welcomeActions(() -> stage));
        }
        stage.getIcons().setAll(IntStream.of(ICON_SIZES)
                .mapToObj(size -> new Image(App.class.getResource("/dev/hako/icons/hako-" + size + ".png")
                        .toExternalForm()))
                .toList());
        reportFirstFrame(stage.getScene());
        workspace.start();
        stage.show();
        reportDamagedFiles(stage, settings, remotes, blocked);
    }

    /** Finds a damaged or exposed client key at start (it is otherwise read at the first connection). */
    private static void checkClientKey(RemotesController remotes) {
        try {
            remotes.identities().checkOwn();
        } catch (java.io.IOException | RuntimeException e) {
            java.util.logging.Logger.getLogger(App.class.getName()).log(java.util.logging.Level.WARNING,
                    "cannot read or renew the client certificate", e);
        }
    }

    /** Says, once the window shows, what was wrong with Hako's own files and where the damaged ones were kept. */
    private static void reportDamagedFiles(Stage stage, UiSettings settings, RemotesController remotes,
                                           List<String> blocked) {
        List<FileFinding> found = new java.util.ArrayList<>();
        settings.finding().ifPresent(found::add);
        if (remotes != null) {
            found.addAll(remotes.file().findings());
            found.addAll(remotes.identities().findings());
        }
        if (!found.isEmpty() || !blocked.isEmpty()) {
            FxDialogService dialogs = new FxDialogService(() -> stage, new I18n(settings.locale()));
            Platform.runLater(() -> DamagedFilesNotice.show(dialogs, found, blocked));
        }
    }

    /** Records the remotes whose switch is on, now and when they are added later; the charts read it. */
    private MetricCharts startMetrics(UiSettings settings) {
        metrics = new MetricRecording(workspace, new MetricHistory(history),
                java.time.Duration.ofSeconds(settings.metricsInterval()));
        workspace.remotes().forEach(r -> metrics.setRecording(r.name(), settings.recordsMetrics(r.name())));
        workspace.addListener(new Workspace.Listener() {
            @Override
            public void added(dev.hako.model.RemoteModel remote) {
                metrics.setRecording(remote.name(), settings.recordsMetrics(remote.name()));
            }

            @Override
            public void removed(dev.hako.model.RemoteModel remote) {
                metrics.setRecording(remote.name(), false);
            }
        });
        return new MetricCharts(metrics, settings);
    }

    /**
     * With {@code -Dhako.startup.report=true}, prints "hako.firstFrame=<epoch ms>" at the
     * first pulse after the window is shown (for the start-up benchmark and the AppCDS
     * training run); with {@code -Dhako.startup.exit=true} it then quits.
     */
    private static void reportFirstFrame(Scene scene) {
        if (!Boolean.getBoolean("hako.startup.report")) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            long now = System.currentTimeMillis();
            // CPU time too: on a busy machine it varies much less than the wall clock.
            System.out.println("hako.firstFrameCpu=" + ProcessHandle.current().info().totalCpuDuration()
                    .map(java.time.Duration::toMillis).orElse(-1L));
            System.out.println("hako.firstFrame=" + now);
            System.out.flush();
            if (Boolean.getBoolean("hako.startup.exit")) {
                Platform.runLater(Platform::exit);
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    @Override
    public void stop() {
        if (metrics != null) {
            metrics.close();
        }
        if (workspace != null) {
            workspace.close();
        }
        if (history != null) {
            history.close();
        }
    }
}
