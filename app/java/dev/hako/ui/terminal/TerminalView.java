package dev.hako.ui.terminal;

import com.techsenger.jeditermfx.core.util.TermSize;
import com.techsenger.jeditermfx.ui.JediTermFxWidget;
import dev.hako.lxd.ExecSession;
import dev.hako.ui.common.FxTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.common.Theme;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

/**
 * One terminal on screen: a JediTermFX widget on the connection of a {@link TerminalViewModel},
 * with a status line that says what happened when it ends and offers to connect again. Each
 * connection gets a fresh widget, so a reconnect starts on a clean screen. A theme switch
 * recolours the widget in place and a language switch relabels the bar: the session, the
 * screen and the scrollback stay as they are.
 */
public final class TerminalView {

    /** Opens the session at the given size (a background thread: this talks to the server). */
    @FunctionalInterface
    public interface Opener {
        ExecSession open(int columns, int rows);
    }

    private final TerminalViewModel model;
    private final TaskExecutor tasks;
    private final BorderPane root = new BorderPane();
    private final StackPane screen = new StackPane();
    private final Label status = new Label();
    private final Button reconnect = new Button();
    // Kept here: the theme holds its listeners weakly, and a closed terminal must not stay listed.
    private final ChangeListener<Boolean> themeListener = (o, was, dark) -> recolour(dark);
    private volatile JediTermFxWidget widget;
    private TerminalSettings settings;

    /** A terminal on its own (the benchmark): the app's executor. */
    public TerminalView(I18n i18n, String name, Opener opener, boolean console) {
        this(new TerminalViewModel(FxTaskExecutor.get(), i18n, name,
                (columns, rows) -> RunningSession.of(opener.open(columns, rows)), console), FxTaskExecutor.get());
    }

    TerminalView(TerminalViewModel model, TaskExecutor tasks) {
        this.model = model;
        this.tasks = tasks;
        I18n i18n = model.i18n();
        root.getStyleClass().add("terminal-view");
        status.setId("terminalStatus");
        status.setMaxWidth(Double.MAX_VALUE);
        status.textProperty().bind(model.statusTextProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        reconnect.textProperty().bind(LocalText.of(i18n, "terminal.reconnect"));
        reconnect.setId("terminalReconnect");
        reconnect.setOnAction(e -> model.connect());
        reconnect.visibleProperty().bind(model.canReconnectProperty());
        reconnect.disableProperty().bind(model.instanceRunningProperty().not());
        reconnect.managedProperty().bind(reconnect.visibleProperty());
        Button copy = new Button();
        copy.textProperty().bind(LocalText.of(i18n, "terminal.copy"));
        copy.setOnAction(e -> copySelection());
        Button paste = new Button();
        paste.textProperty().bind(LocalText.of(i18n, "terminal.paste"));
        paste.setOnAction(e -> {
            JediTermFxWidget w = widget;
            if (w != null) {
                w.getTerminalPanel().handlePaste();
                w.getPreferredFocusableNode().requestFocus();
            }
        });
        HBox bar = new HBox(8, status, reconnect, copy, paste);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("terminal-status");
        root.setCenter(screen);
        root.setBottom(bar);
        model.screenSize(this::widgetSize);
        model.connectorProperty().addListener((o, old, now) -> {
            releaseWidget();
            if (now != null) {
                showWidget(now);
            }
        });
        model.stateProperty().addListener((o, was, now) -> {
            if (now == TerminalViewModel.State.RUNNING) {
                sizeAfterLayout(model.connectorProperty().get());
            }
        });
        Theme.darkProperty().addListener(new WeakChangeListener<>(themeListener));
    }

    public Node node() {
        return root;
    }

    public TerminalViewModel model() {
        return model;
    }

    public TerminalViewModel.State state() {
        return model.state();
    }

    public Integer exitCode() {
        return model.exitCode();
    }

    public String statusText() {
        return status.getText();
    }

    /** The widget of the current connection (tests read its screen buffer). */
    public JediTermFxWidget widget() {
        return widget;
    }

    /** Output of the current connection dropped unparsed because it had scrolled out of reach. */
    public long droppedBytes() {
        SessionTtyConnector c = model.connectorProperty().get();
        return c == null ? 0 : c.droppedBytes();
    }

    /** Output of the current connection received from the server. */
    public long receivedBytes() {
        SessionTtyConnector c = model.connectorProperty().get();
        return c == null ? 0 : c.receivedBytes();
    }

    /** The pty size last sent to the server for the current connection, or null. */
    TermSize sentSize() {
        SessionTtyConnector c = model.connectorProperty().get();
        return c == null ? null : c.sentSize();
    }

    /** The current screen as text, one line per row; any thread. */
    public String screenText() {
        JediTermFxWidget w = widget;
        if (w == null) {
            return "";
        }
        var buffer = w.getTerminalTextBuffer();
        buffer.lock();
        try {
            return buffer.getScreenLines();
        } finally {
            buffer.unlock();
        }
    }

    /** Opens a new connection on a fresh screen. */
    public void connect() {
        model.connect();
    }

    /** Ends the session and releases the widget. */
    public void close() {
        model.close();
    }

    /** A fresh widget on a new connection, in the theme of the moment. */
    private void showWidget(SessionTtyConnector connector) {
        settings = new TerminalSettings(Theme.isDark());
        JediTermFxWidget fresh = new JediTermFxWidget(80, 24, settings);
        var buffer = fresh.getTerminalTextBuffer();
        int installed = ScrollbackBuffer.install(buffer, settings.getBufferMaxLinesCount());
        int history = installed > 0 ? installed : settings.getBufferMaxLinesCount();
        if (history > 0) {
            // A line may wrap into several rows; the margin covers a resize while output pours in.
            connector.skipScrolledOff(() -> history + buffer.getHeight() + 200);
        }
        // A modifier pressed alone must send nothing (JediTermFX would type a NUL for it).
        fresh.getPane().addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (e.getCharacter().isEmpty() || e.getCharacter().charAt(0) == 0) {
                e.consume();
            }
        });
        fresh.getPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode().isModifierKey()) {
                e.consume();
            }
        });
        fresh.setTtyConnector(connector);
        fresh.start();
        widget = fresh;
        screen.getChildren().setAll(fresh.getPane());
    }

    /** Closes the widget of the ended connection; its last screen stays in view until the next one. */
    private void releaseWidget() {
        JediTermFxWidget old = widget;
        widget = null;
        if (old != null) {
            old.close();
        }
    }

    /** The component knows its size only after layout: tell the server once more, then take the keys. */
    private void sizeAfterLayout(SessionTtyConnector connector) {
        tasks.runOnUi(() -> {
            JediTermFxWidget w = widget;
            if (w != null && connector != null && connector == model.connectorProperty().get()) {
                TermSize now = w.getTerminalPanel().getTerminalSizeFromComponent();
                if (now != null) {
                    connector.resize(now);
                }
                w.getPreferredFocusableNode().requestFocus();
            }
        });
    }

    /** The size of the screen for a session that opens now (called on a worker thread). */
    private TermSize widgetSize() {
        JediTermFxWidget w = widget;
        return w == null ? null : w.getTerminalPanel().getTerminalSizeFromComponent();
    }

    /** The theme switched: new default colours, painted over the same screen and scrollback. */
    private void recolour(boolean dark) {
        JediTermFxWidget w = widget;
        if (settings != null && w != null) {
            settings.setDark(dark);
            w.getTerminalPanel().repaint();
        }
    }

    /** Whether the current screen is painted in the dark theme's colours (tests). */
    boolean paintedDark() {
        return settings != null && settings.dark();
    }

    private void copySelection() {
        JediTermFxWidget w = widget;
        if (w == null) {
            return;
        }
        String text = w.getTerminalPanel().selectedTextProperty().get();
        if (text != null && !text.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }
}
