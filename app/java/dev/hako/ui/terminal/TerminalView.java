package dev.hako.ui.terminal;

import com.techsenger.jeditermfx.core.util.TermSize;
import com.techsenger.jeditermfx.ui.JediTermFxWidget;
import dev.hako.lxd.ExecSession;
import dev.hako.lxd.LxdException;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskRunner;
import java.time.Duration;
import javafx.application.Platform;
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
 * One terminal: a JediTermFX widget joined to a session in an instance (an interactive
 * exec or the console), with a status line that says what happened when it ends (exit
 * status, instance stopped, server gone) and offers to connect again. Each connection gets
 * a fresh widget, so a reconnect starts on a clean screen.
 */
public final class TerminalView {

    /** Opens the session at the given size (a background thread: this talks to the server). */
    @FunctionalInterface
    public interface Opener {
        ExecSession open(int columns, int rows);
    }

    /** States a terminal goes through; tests and the status line read it. */
    public enum State { CONNECTING, RUNNING, EXITED, INSTANCE_STOPPED, LOST, CLOSED }

    private final I18n i18n;
    private final String name;
    private final Opener opener;
    private final boolean console;
    private final BorderPane root = new BorderPane();
    private final StackPane screen = new StackPane();
    private final Label status = new Label();
    private final Button reconnect = new Button();
    private JediTermFxWidget widget;
    private SessionTtyConnector connector;
    private volatile ExecSession session;
    private volatile State state = State.CLOSED;
    private volatile boolean instanceStopped;
    private volatile Integer exitCode;
    private int generation;

    public TerminalView(I18n i18n, String name, Opener opener, boolean console) {
        this.i18n = i18n;
        this.name = name;
        this.opener = opener;
        this.console = console;
        root.getStyleClass().add("terminal-view");
        status.setId("terminalStatus");
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        reconnect.setText(i18n.get("terminal.reconnect"));
        reconnect.setId("terminalReconnect");
        reconnect.setOnAction(e -> connect());
        reconnect.setVisible(false);
        reconnect.managedProperty().bind(reconnect.visibleProperty());
        Button copy = new Button(i18n.get("terminal.copy"));
        copy.setOnAction(e -> copySelection());
        Button paste = new Button(i18n.get("terminal.paste"));
        paste.setOnAction(e -> {
            if (widget != null) {
                widget.getTerminalPanel().handlePaste();
                widget.getPreferredFocusableNode().requestFocus();
            }
        });
        HBox bar = new HBox(8, status, reconnect, copy, paste);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("terminal-status");
        root.setCenter(screen);
        root.setBottom(bar);
    }

    public Node node() {
        return root;
    }

    public State state() {
        return state;
    }

    public Integer exitCode() {
        return exitCode;
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
        SessionTtyConnector c = connector;
        return c == null ? 0 : c.droppedBytes();
    }

    /** Output of the current connection received from the server. */
    public long receivedBytes() {
        SessionTtyConnector c = connector;
        return c == null ? 0 : c.receivedBytes();
    }

    /** The current screen as text, one line per row. */
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

    /** Opens a new connection on a fresh screen; FX thread. */
    public void connect() {
        disconnectQuietly();
        int myGeneration = ++generation;
        instanceStopped = false;
        exitCode = null;
        reconnect.setVisible(false);
        setState(State.CONNECTING, i18n.get(console ? "console.connecting" : "terminal.connecting"));
        connector = new SessionTtyConnector(name);
        TerminalSettings settings = new TerminalSettings(darkTheme());
        widget = new JediTermFxWidget(80, 24, settings);
        var buffer = widget.getTerminalTextBuffer();
        int installed = ScrollbackBuffer.install(buffer, settings.getBufferMaxLinesCount());
        int history = installed > 0 ? installed : settings.getBufferMaxLinesCount();
        if (history > 0) {
            // A line may wrap into several rows; the margin covers a resize while output pours in.
            connector.skipScrolledOff(() -> history + buffer.getHeight() + 200);
        }
        // A modifier pressed alone must send nothing (JediTermFX would type a NUL for it).
        widget.getPane().addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (e.getCharacter().isEmpty() || e.getCharacter().charAt(0) == 0) {
                e.consume();
            }
        });
        widget.getPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode().isModifierKey()) {
                e.consume();
            }
        });
        widget.setTtyConnector(connector);
        widget.start();
        screen.getChildren().setAll(widget.getPane());
        SessionTtyConnector myConnector = connector;
        TaskRunner.run(() -> {
            TermSize size = currentSize();
            ExecSession opened = opener.open(size.getColumns(), size.getRows());
            opened.attach(myConnector::offer, myConnector::offer);
            myConnector.attach(opened);
            return opened;
        }, opened -> {
            if (myGeneration != generation) {
                opened.close();
                return;
            }
            session = opened;
            setState(State.RUNNING, i18n.get(console ? "console.running" : "terminal.running"));
            // The component knows its size only after layout: tell the server once more.
            Platform.runLater(() -> {
                if (myGeneration == generation && widget != null) {
                    TermSize now = widget.getTerminalPanel().getTerminalSizeFromComponent();
                    if (now != null) {
                        myConnector.resize(now);
                    }
                    widget.getPreferredFocusableNode().requestFocus();
                }
            });
            watch(opened, myConnector, myGeneration);
        }, failure -> {
            if (myGeneration != generation) {
                return;
            }
            // end() may wait for the emulator to drain: never on the FX thread.
            TaskRunner.run(myConnector::end, () -> { }, ignored -> { });
            ended(State.LOST, i18n.format("terminal.openFailed", message(failure)));
        });
    }

    private boolean darkTheme() {
        if (root.getScene() != null) {
            return root.getScene().getRoot().getStyleClass().contains("dark");
        }
        String agent = javafx.application.Application.getUserAgentStylesheet();
        return agent != null && agent.toLowerCase(java.util.Locale.ROOT).contains("dark");
    }

    private TermSize currentSize() {
        JediTermFxWidget w = widget;
        TermSize size = w == null ? null : w.getTerminalPanel().getTerminalSizeFromComponent();
        return size == null || size.getColumns() <= 0 || size.getRows() <= 0 ? new TermSize(80, 24) : size;
    }

    /** Waits for the end of the session on its own thread and reports it. */
    private void watch(ExecSession opened, SessionTtyConnector myConnector, int myGeneration) {
        Thread waiter = new Thread(() -> {
            State end;
            String text;
            try {
                int code = opened.awaitExit(Duration.ofDays(3650));
                exitCode = code;
                end = State.EXITED;
                text = console ? i18n.get("console.ended") : i18n.format("terminal.exited", code);
            } catch (LxdException e) {
                end = State.LOST;
                text = i18n.format("terminal.lost", message(e));
            } catch (RuntimeException e) {
                end = State.LOST;
                text = i18n.format("terminal.lost", String.valueOf(e.getMessage()));
            }
            myConnector.end();
            State finalEnd = end;
            String finalText = text;
            Platform.runLater(() -> {
                if (myGeneration == generation && state != State.CLOSED) {
                    if (instanceStopped) {
                        ended(State.INSTANCE_STOPPED, i18n.get("terminal.instanceStopped"));
                    } else {
                        ended(finalEnd, finalText);
                    }
                }
            });
        }, "hako-terminal-wait-" + name);
        waiter.setDaemon(true);
        waiter.start();
    }

    private void ended(State end, String text) {
        session = null;
        setState(end, text);
        reconnect.setVisible(true);
    }

    /** Told by the tab when the instance stops (or starts again); FX thread. */
    public void instanceRunning(boolean running) {
        // The session may end a moment before the model hears that the instance stopped: say why it ended.
        if (!running && (state == State.RUNNING || state == State.CONNECTING || state == State.EXITED
                || state == State.LOST)) {
            instanceStopped = true;
            // The server ends our session as the instance goes down; say why now rather than wait.
            setState(State.INSTANCE_STOPPED, i18n.get("terminal.instanceStopped"));
        }
        reconnect.setDisable(!running);
    }

    /** Sends a signal to the process (exec only). */
    public void signal(int signal) {
        ExecSession s = session;
        if (s != null) {
            TaskRunner.run(() -> s.signal(signal), () -> { }, e -> { });
        }
    }

    private void copySelection() {
        if (widget == null) {
            return;
        }
        String text = widget.getTerminalPanel().selectedTextProperty().get();
        if (text != null && !text.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private void setState(State s, String text) {
        state = s;
        status.setText(text);
    }

    private void disconnectQuietly() {
        ++generation;
        if (connector != null) {
            connector.close();
        }
        if (widget != null) {
            JediTermFxWidget old = widget;
            widget = null;
            old.close();
        }
        session = null;
    }

    /** Ends the session and releases the widget; FX thread. */
    public void close() {
        disconnectQuietly();
        setState(State.CLOSED, i18n.get("terminal.closed"));
        reconnect.setVisible(true);
    }

    static String message(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
