package dev.hako.ui;

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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the main window on a test-bed daemon and drives it the way a person does: clicks and keys. */
public final class UiDriver implements AutoCloseable {

    public final FxRobot robot = new FxRobot();
    public final Daemon daemon;
    private Workspace workspace;
    private MainWindow window;
    private Path config;
    private boolean keepHistory;
    private java.time.Duration metricInterval;
    private dev.hako.model.store.HistoryDatabase history;
    private dev.hako.model.metrics.MetricRecording metrics;

    public UiDriver(Daemon daemon) {
        this.daemon = daemon;
    }

    public UiDriver open(boolean dark, Locale locale) throws Exception {
        config = Files.createTempDirectory("hako-ui");
        UiSettings settings = new UiSettings(config);
        settings.setDarkTheme(dark);
        settings.setLocale(locale);
        return start(settings);
    }

    /** Windows opened from now on keep a task history (in the settings' directory), as the application does. */
    public UiDriver withHistory() {
        keepHistory = true;
        return this;
    }

    /**
     * Windows opened from now on record metrics every {@code interval} for the remotes switched on,
     * into the history file, and chart them, as the application does.
     */
    public UiDriver withMetrics(java.time.Duration interval) {
        metricInterval = interval;
        return this;
    }

    /** The metric recording of the window, when opened {@link #withMetrics}. */
    public dev.hako.model.metrics.MetricRecording metricRecording() {
        return metrics;
    }

    /** Closes the window and opens a new one on the same settings, as a restart of the application would. */
    public UiDriver restart() throws Exception {
        FxToolkit.cleanupStages();
        workspace.close();
        closeHistory();
        return start(new UiSettings(config));
    }

    private UiDriver start(UiSettings settings) throws Exception {
        String dirVariable = daemon == Daemon.LXD ? "LXD_DIR" : "INCUS_DIR";
        workspace = Workspace.ofLocalServers(Map.of(dirVariable, TestBed.daemonDir(daemon).toString()));
        dev.hako.model.history.TaskHistory tasks = null;
        dev.hako.ui.view.metrics.MetricCharts charts = null;
        if (keepHistory || metricInterval != null) {
            history = dev.hako.model.store.HistoryDatabase.open(config.resolve("history.db"),
                    java.util.List.of(dev.hako.model.history.TaskHistory.SCHEMA,
                            dev.hako.model.metrics.MetricHistory.SCHEMA));
        }
        if (keepHistory) {
            tasks = new dev.hako.model.history.TaskHistory(history, settings.historyRetentionDays());
            tasks.followAll(workspace);
        }
        if (metricInterval != null) {
            metrics = new dev.hako.model.metrics.MetricRecording(workspace,
                    new dev.hako.model.metrics.MetricHistory(history), metricInterval);
            charts = new dev.hako.ui.view.metrics.MetricCharts(metrics, settings);
        }
        dev.hako.model.history.TaskHistory kept = tasks;
        dev.hako.ui.view.metrics.MetricCharts chartsKept = charts;
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window = new MainWindow(s, workspace, settings, null, kept, chartsKept);
            s.setWidth(1200);
            s.setHeight(760);
            s.show();
            s.toFront();
        });
        workspace.start();
        waitUntil(20, () -> TreeRows.remote(window.tree().view()).map(r -> r.state().online()).orElse(false));
        return this;
    }

    public MainWindow window() {
        return window;
    }

    /** Where this window's settings (and, with {@link #withHistory}, its history file) are kept. */
    public Path configDirectory() {
        return config;
    }

    /** The remotes the window shows; tests add a second server to it. */
    public Workspace workspace() {
        return workspace;
    }

    private static int failures;

    /** Waits for a condition; on timeout saves the whole screen (dialogs included) to show what went wrong. */
    public void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            var image = robot.capture(javafx.stage.Screen.getPrimary().getBounds()).getImage();
            Path dir = Path.of(System.getProperty("hako.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png",
                    dir.resolve("failure-" + daemon.name().toLowerCase(Locale.ROOT) + "-" + (++failures) + ".png")
                            .toFile());
            throw e;
        }
    }

    /** The tree cell showing a row whose label is {@code text}, after expanding its group. */
    public Node cell(String text) throws Exception {
        // Bring the row on screen first: only rows in view have cells.
        waitUntil(10, () -> find(window.tree().view().getRoot(), text) != null);
        robot.interact(() -> {
            var item = find(window.tree().view().getRoot(), text);
            int row = item == null ? -1 : window.tree().view().getRow(item);
            if (row >= 0) {
                window.tree().view().scrollTo(row);
            }
        });
        // Virtual flows keep spare cells, invisible, that may still hold an old item: only a visible one will do.
        java.util.function.Predicate<Node> row = n -> n instanceof TreeCell<?> c && c.isVisible() && !c.isEmpty()
                && c.getItem() != null && labelOf((TreeEntry) c.getItem()).equals(text);
        Node[] found = new Node[1];
        waitUntil(10, () -> {
            found[0] = robot.lookup(".tree-cell").match(row).tryQuery().orElse(null);
            if (found[0] == null) {
                // A long list (the host's bridges are listed too) may hold the row below the fold: scroll to it.
                var item = find(window.tree().view().getRoot(), text);
                if (item != null) {
                    robot.interact(() -> window.tree().view().scrollTo(window.tree().view().getRow(item)));
                }
            }
            return found[0] != null;
        });
        return found[0];
    }

    private static String labelOf(TreeEntry entry) {
        if (entry instanceof TreeEntry.InstanceEntry i) {
            return i.instance().name();
        } else if (entry instanceof TreeEntry.ImageEntry i) {
            return i.label();
        } else if (entry instanceof TreeEntry.ProfileEntry p) {
            return p.profile().name();
        } else if (entry instanceof TreeEntry.NetworkEntry n) {
            return n.network().name();
        } else if (entry instanceof TreeEntry.PoolEntry p) {
            return p.pool().name();
        } else if (entry instanceof TreeEntry.VolumeEntry v) {
            return v.volume().volume().name();
        } else if (entry instanceof TreeEntry.GroupEntry g) {
            return g.group().name();
        } else if (entry instanceof TreeEntry.RemoteEntry r) {
            return "remote:" + r.remote();
        } else if (entry instanceof TreeEntry.AllRemotesEntry) {
            return "all-remotes";
        } else if (entry instanceof TreeEntry.MemberEntry m) {
            return "member:" + m.member().serverName();
        } else if (entry instanceof TreeEntry.ProjectEntry p) {
            return "project:" + p.project().name();
        }
        return "";
    }

    /** Clicks a row and makes sure it became the selection (rows can move while the tree updates). */
    public void click(String text) throws Exception {
        waitUntil(10, () -> {
            robot.clickOn(cell(text));
            var selected = window.tree().view().getSelectionModel().getSelectedItem();
            return selected != null && labelOf(selected.getValue()).equals(text);
        });
    }

    /** Opens the context menu on a row and picks the item with that id. */
    public void contextMenu(String rowText, String itemId) throws Exception {
        // Like a person whose click did not take, right-click again if no menu shows, or if the
        // menu opened on another row than the one meant.
        waitUntil(10, () -> {
            robot.rightClickOn(cell(rowText));
            var selected = window.tree().view().getSelectionModel().getSelectedItem();
            if (selected == null || !labelOf(selected.getValue()).equals(rowText)
                    && window.tree().view().getSelectionModel().getSelectedItems().size() == 1) {
                robot.push(KeyCode.ESCAPE);
                return false;
            }
            for (int i = 0; i < 10 && showing("#" + itemId).isEmpty(); i++) {
                WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
            }
            return showing("#" + itemId).isPresent();
        });
        settle();
        robot.clickOn(showing("#" + itemId).orElseThrow());
    }

    /**
     * Opens the context menu on a table row whose item {@code row} accepts, and picks the item
     * with that id; right-clicks again if no menu shows (the row may be replaced by a refresh
     * just as it is clicked).
     */
    public void tableContextMenu(java.util.function.Predicate<Object> row, String itemId) throws Exception {
        waitUntil(10, () -> {
            Node cell = robot.lookup(".table-row-cell").match(n -> n instanceof javafx.scene.control.TableRow<?> r
                    && r.isVisible() && r.getItem() != null && row.test(r.getItem())).tryQuery().orElse(null);
            if (cell == null) {
                return false;
            }
            robot.rightClickOn(cell);
            for (int i = 0; i < 10 && showing("#" + itemId).isEmpty(); i++) {
                WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
            }
            if (showing("#" + itemId).isEmpty()) {
                robot.push(KeyCode.ESCAPE);
                return false;
            }
            return true;
        });
        settle();
        robot.clickOn(showing("#" + itemId).orElseThrow());
    }

    /** A node in a window that is on screen now (menus closed earlier may linger hidden). */
    private java.util.Optional<Node> showing(String query) {
        return robot.lookup(query).match(n -> n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing() && n.isVisible()).tryQuery();
    }

    /** Lets a window that just opened finish sizing and centring before the mouse aims at it. */
    public void settle() {
        // Settled means: every showing window has kept its place and size across two successive
        // pulses, so a click aimed now lands where it was aimed.
        String before = windowGeometry();
        for (int i = 0; i < 40; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.sleep(25, TimeUnit.MILLISECONDS);
            String now = windowGeometry();
            if (now.equals(before)) {
                return;
            }
            before = now;
        }
    }

    private static String windowGeometry() {
        try {
            return onFx(() -> {
                StringBuilder geometry = new StringBuilder();
                for (javafx.stage.Window shown : javafx.stage.Window.getWindows()) {
                    if (shown.isShowing()) {
                        geometry.append(shown.getX()).append(',').append(shown.getY()).append(',')
                                .append(shown.getWidth()).append(',').append(shown.getHeight()).append(';');
                    }
                }
                return geometry.toString();
            });
        } catch (Exception unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    /** Reads something on the UI thread, where the window's state lives. */
    public static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    public void ctrlClick(String text) throws Exception {
        robot.press(KeyCode.CONTROL).clickOn(cell(text), MouseButton.PRIMARY).release(KeyCode.CONTROL);
    }

    /** Expands the row with that label, as a click on its arrow would. */
    public void expand(String label) throws Exception {
        waitUntil(10, () -> {
            var item = find(window.tree().view().getRoot(), label);
            if (item == null) {
                return false;
            }
            robot.interact(() -> item.setExpanded(true));
            return true;
        });
    }

    private static javafx.scene.control.TreeItem<TreeEntry> find(javafx.scene.control.TreeItem<TreeEntry> item,
                                                                   String label) {
        for (var child : item.getChildren()) {
            if (child.getValue() != null && labelOf(child.getValue()).equals(label)) {
                return child;
            }
            var inner = find(child, label);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    /** Types into a dialog's field (by id), replacing what is there. */
    public void type(String fieldId, String text) {
        settle();
        robot.doubleClickOn("#" + fieldId);
        robot.push(KeyCode.CONTROL, KeyCode.A).eraseText(1);
        robot.write(text);
    }

    /** Clicks the default (OK) button of the dialog on screen. */
    public void ok() throws Exception {
        waitUntil(5, () -> defaultButton() != null);
        settle();
        Button button = defaultButton();
        javafx.stage.Window dialog = button.getScene().getWindow();
        // A click that lands while the window is still being placed is lost: click again, as a person would.
        waitUntil(10, () -> {
            if (dialog.isShowing()) {
                robot.clickOn(button);
                for (int i = 0; i < 10 && dialog.isShowing(); i++) {
                    WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
                }
            }
            return !dialog.isShowing();
        });
    }

    public Button defaultButton() {
        return robot.lookup(".dialog-pane .button").match(n -> n instanceof Button b && b.isDefaultButton()
                && b.isVisible() && b.getScene() != null && b.getScene().getWindow() != null
                && b.getScene().getWindow().isShowing()).tryQuery().map(n -> (Button) n).orElse(null);
    }

    public void screenshot(String name) {
        Screenshots.save(window.scene(), name);
    }

    /** Saves the topmost dialog (a separate window) as a picture. */
    public void screenshotDialog(String name) {
        javafx.stage.Window dialog = robot.listTargetWindows().stream()
                .filter(w -> w != window.scene().getWindow() && w.isShowing() && w instanceof javafx.stage.Stage)
                .reduce((first, second) -> second).orElseThrow();
        Screenshots.save(dialog.getScene(), name);
    }

    /** Waits until the tree shows an instance with the given status code, as a person would before acting. */
    public void waitForRow(String instance, int statusCode) throws Exception {
        waitUntil(15, () -> TreeRows.instance(window.tree().view(), instance)
                .map(i -> i.instance().statusCode() == statusCode).orElse(false));
    }

    /** Clicks a tab header by its text. */
    public void tab(String text) throws Exception {
        waitUntil(5, () -> robot.lookup(".tab .tab-label").match(n -> n instanceof javafx.scene.control.Label l
                && text.equals(l.getText())).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".tab .tab-label").match(n -> n instanceof javafx.scene.control.Label l
                && text.equals(l.getText())).queryAs(Node.class));
    }

    @Override
    public void close() throws Exception {
        FxToolkit.cleanupStages();
        if (workspace != null) {
            workspace.close();
        }
        closeHistory();
    }

    private void closeHistory() {
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
        if (history != null) {
            history.close();
            history = null;
        }
    }
}
