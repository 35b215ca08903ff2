package dev.hako.ui.terminal;

import com.techsenger.jeditermfx.core.util.TermSize;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.function.Supplier;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ObjectProperty;

/**
 * One terminal: a session in an instance (an interactive exec or the console) and what the
 * user is told about it: connecting, running, the exit status, that the instance stopped or
 * the server went away, with a reconnect. Each connection gets a fresh {@link SessionTtyConnector}
 * ({@link #connectorProperty()}), on which the view puts a fresh screen. UI thread only, except
 * the getters of state and exit code, which tests and the benchmark read from their own thread.
 */
public final class TerminalViewModel {

    /** States a terminal goes through; tests and the status line read it. */
    public enum State { CONNECTING, RUNNING, EXITED, INSTANCE_STOPPED, LOST, CLOSED }

    /** Opens the session at the given size (on a worker thread: this talks to the server). */
    @FunctionalInterface
    interface SessionOpener {
        RunningSession open(int columns, int rows) throws Exception;
    }

    private static final TermSize DEFAULT_SIZE = new TermSize(80, 24);

    private final TaskExecutor tasks;
    private final I18n i18n;
    private final String name;
    private final SessionOpener opener;
    private final boolean console;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.CLOSED);
    private final ReadOnlyObjectWrapper<Integer> exitCode = new ReadOnlyObjectWrapper<>(this, "exitCode");
    private final ObjectProperty<StatusText> status = new SimpleObjectProperty<>(this, "status", StatusText.NONE);
    private final StringBinding statusText;
    private final ReadOnlyBooleanWrapper canReconnect = new ReadOnlyBooleanWrapper(this, "canReconnect");
    private final ReadOnlyBooleanWrapper instanceRunning = new ReadOnlyBooleanWrapper(this, "instanceRunning", true);
    private final ReadOnlyObjectWrapper<SessionTtyConnector> connector = new ReadOnlyObjectWrapper<>(this,
            "connector");
    private volatile State currentState = State.CLOSED;
    private volatile Integer currentExitCode;
    private Supplier<TermSize> screenSize = () -> DEFAULT_SIZE;
    private volatile RunningSession session;
    private boolean instanceStopped;
    private int generation;

    TerminalViewModel(TaskExecutor tasks, I18n i18n, String name, SessionOpener opener, boolean console) {
        this.tasks = tasks;
        this.i18n = i18n;
        this.name = name;
        this.opener = opener;
        this.console = console;
        this.statusText = LocalText.of(i18n, status);
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The state; any thread. */
    public State state() {
        return currentState;
    }

    public ReadOnlyObjectProperty<Integer> exitCodeProperty() {
        return exitCode.getReadOnlyProperty();
    }

    /** The exit status of the last session, once it has ended; any thread. */
    public Integer exitCode() {
        return currentExitCode;
    }

    /** The status line, in the window's language of the moment. */
    public StringBinding statusTextProperty() {
        return statusText;
    }

    /** True once a session has ended (or was closed): the user may connect again. */
    public ReadOnlyBooleanProperty canReconnectProperty() {
        return canReconnect.getReadOnlyProperty();
    }

    /** Whether the instance runs; connecting again makes sense only then. */
    public ReadOnlyBooleanProperty instanceRunningProperty() {
        return instanceRunning.getReadOnlyProperty();
    }

    /** The output path of the current connection; null between connections. */
    public ReadOnlyObjectProperty<SessionTtyConnector> connectorProperty() {
        return connector.getReadOnlyProperty();
    }

    /** Where the size of the screen comes from when a session opens (called on a worker thread). */
    void screenSize(Supplier<TermSize> size) {
        this.screenSize = size;
    }

    /** The window's language, which the view's labels follow. */
    public I18n i18n() {
        return i18n;
    }

    public boolean console() {
        return console;
    }

    /** Opens a new connection; the view puts a fresh screen on its connector. */
    public void connect() {
        disconnectQuietly();
        int mine = ++generation;
        instanceStopped = false;
        setExitCode(null);
        canReconnect.set(false);
        setState(State.CONNECTING, StatusText.of(console ? "console.connecting" : "terminal.connecting"));
        SessionTtyConnector myConnector = new SessionTtyConnector(name);
        connector.set(myConnector);
        tasks.execute(BackgroundTask.of(progress -> {
            TermSize size = currentSize();
            RunningSession opened = opener.open(size.getColumns(), size.getRows());
            opened.attach(myConnector::offer, myConnector::offer);
            myConnector.attach(opened);
            return opened;
        }).onSuccess(opened -> {
            if (mine != generation) {
                opened.close();
                return;
            }
            session = opened;
            setState(State.RUNNING, StatusText.of(console ? "console.running" : "terminal.running"));
            watch(opened, myConnector, mine);
        }).onFailure(failure -> {
            if (mine != generation) {
                return;
            }
            // end() may wait for the emulator to drain: never on the UI thread.
            tasks.runInBackground(myConnector::end);
            ended(State.LOST, StatusText.failure("terminal.openFailed", failure));
        }));
    }

    private TermSize currentSize() {
        TermSize size = screenSize.get();
        return size == null || size.getColumns() <= 0 || size.getRows() <= 0 ? DEFAULT_SIZE : size;
    }

    /** Waits for the end of the session on a worker and reports it. */
    private void watch(RunningSession opened, SessionTtyConnector myConnector, int mine) {
        tasks.execute(BackgroundTask.of(progress -> {
            try {
                return opened.awaitExit();
            } finally {
                myConnector.end();
            }
        }).onSuccess(code -> {
            if (mine == generation && currentState != State.CLOSED) {
                setExitCode(code);
                endedUnlessStopped(State.EXITED, console ? StatusText.of("console.ended")
                        : StatusText.of("terminal.exited", code));
            }
        }).onFailure(failure -> {
            if (mine == generation && currentState != State.CLOSED) {
                endedUnlessStopped(State.LOST, StatusText.failure("terminal.lost", failure));
            }
        }));
    }

    private void endedUnlessStopped(State end, StatusText text) {
        if (instanceStopped) {
            ended(State.INSTANCE_STOPPED, StatusText.of("terminal.instanceStopped"));
        } else {
            ended(end, text);
        }
    }

    private void ended(State end, StatusText text) {
        session = null;
        setState(end, text);
        canReconnect.set(true);
    }

    /** Told when the instance stops (or starts again). */
    public void instanceRunning(boolean running) {
        State now = currentState;
        // The session may end a moment before the model hears that the instance stopped: say why it ended.
        if (!running && (now == State.RUNNING || now == State.CONNECTING || now == State.EXITED
                || now == State.LOST)) {
            instanceStopped = true;
            // The server ends our session as the instance goes down; say why now rather than wait.
            setState(State.INSTANCE_STOPPED, StatusText.of("terminal.instanceStopped"));
        }
        instanceRunning.set(running);
    }

    /** Sends a signal to the process (exec only); a failure is not worth a word, the process goes on. */
    public void signal(int signal) {
        RunningSession s = session;
        if (s != null) {
            tasks.execute(BackgroundTask.ofRunnable(() -> s.signal(signal)));
        }
    }

    private void setState(State s, StatusText text) {
        currentState = s;
        state.set(s);
        status.set(text);
    }

    private void setExitCode(Integer code) {
        currentExitCode = code;
        exitCode.set(code);
    }

    private void disconnectQuietly() {
        ++generation;
        SessionTtyConnector old = connector.get();
        if (old != null) {
            old.close();
        }
        connector.set(null);
        session = null;
    }

    /** Ends the session; the view releases its screen. */
    public void close() {
        disconnectQuietly();
        setState(State.CLOSED, StatusText.of("terminal.closed"));
        canReconnect.set(true);
    }
}
