package dev.hako.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.LxdException;
import dev.hako.ui.common.I18n;
import dev.hako.ui.terminal.TerminalViewModel.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** One terminal's session as the user follows it: states, exit status, status line, in both languages. */
class TerminalViewModelTest {

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final SteppingTaskExecutor tasks = new SteppingTaskExecutor();
    private final ScriptedTerminalServer server = new ScriptedTerminalServer();

    private TerminalViewModel terminal(boolean console) {
        return new TerminalViewModel(tasks, i18n, "c1-1", (columns, rows) -> console ? server.openConsole(columns, rows)
                : server.openShell(TerminalOptions.shell(), columns, rows), console);
    }

    @Test
    void aSessionGoesFromConnectingToRunningToItsExitStatus() {
        server.next(ScriptedSession.exiting(3, "hello\r\n", ""));
        TerminalViewModel terminal = terminal(false);
        List<State> seen = new ArrayList<>();
        terminal.stateProperty().addListener((o, was, now) -> seen.add(now));

        terminal.connect();
        assertThat(terminal.state()).isEqualTo(State.CONNECTING);
        assertThat(terminal.statusTextProperty().get()).isEqualTo("Connecting…");
        SessionTtyConnector connector = terminal.connectorProperty().get();
        assertThat(connector).isNotNull();

        tasks.runNext(); // the session opens
        assertThat(terminal.state()).isEqualTo(State.RUNNING);
        assertThat(terminal.statusTextProperty().get()).startsWith("Connected (TERM=xterm-256color)");
        assertThat(terminal.canReconnectProperty().get()).isFalse();
        assertThat(terminal.exitCode()).isNull();
        assertThat(connector.receivedBytes()).as("the output goes to the screen's connector").isEqualTo(7);
        assertThat(server.shells).hasSize(1);

        tasks.runNext(); // the command ends
        assertThat(terminal.state()).isEqualTo(State.EXITED);
        assertThat(terminal.exitCode()).isEqualTo(3);
        assertThat(terminal.exitCodeProperty().get()).isEqualTo(3);
        assertThat(terminal.statusTextProperty().get()).isEqualTo("The process ended with exit status 3.");
        assertThat(terminal.canReconnectProperty().get()).isTrue();
        assertThat(connector.isConnected()).as("connected until the screen has read the last byte").isTrue();
        assertThat(seen).containsExactly(State.CONNECTING, State.RUNNING, State.EXITED);
    }

    @Test
    void aLanguageSwitchRelabelsTheStatusAndKeepsTheSession() {
        server.next(ScriptedSession.exiting(3, "", ""));
        TerminalViewModel terminal = terminal(false);
        terminal.connect();
        tasks.runNext();
        SessionTtyConnector connector = terminal.connectorProperty().get();

        i18n.setLocale(Locale.JAPANESE);
        assertThat(terminal.statusTextProperty().get()).startsWith("接続しました (TERM=xterm-256color)");
        assertThat(terminal.state()).isEqualTo(State.RUNNING);
        assertThat(terminal.connectorProperty().get()).isSameAs(connector);
        assertThat(tasks.waiting()).as("still waiting for the session's end").isEqualTo(1);

        tasks.runNext();
        assertThat(terminal.statusTextProperty().get()).isEqualTo("プロセスが終了しました (終了ステータス 3)。");
        i18n.setLocale(Locale.ENGLISH);
        assertThat(terminal.statusTextProperty().get()).isEqualTo("The process ended with exit status 3.");
        assertThat(terminal.exitCode()).isEqualTo(3);
        assertThat(terminal.state()).isEqualTo(State.EXITED);
    }

    @Test
    void aSessionThatCannotOpenSaysWhyInTheServersWords() {
        server.next(new LxdException("POST /1.0/instances/c1/exec", 400, "Instance is not running"));
        TerminalViewModel terminal = terminal(false);
        i18n.setLocale(Locale.JAPANESE);
        terminal.connect();
        tasks.runNext();
        assertThat(terminal.state()).isEqualTo(State.LOST);
        assertThat(terminal.statusTextProperty().get()).isEqualTo("セッションを開けませんでした: Instance is not running");
        assertThat(terminal.canReconnectProperty().get()).isTrue();
        assertThat(tasks.waiting()).as("nothing to wait for").isZero();
    }

    @Test
    void aLostConnectionIsReported() {
        server.next(ScriptedSession.failing(new LxdException("websocket", 0, "websocket: close 1006")));
        TerminalViewModel terminal = terminal(false);
        terminal.connect();
        tasks.runNext();
        tasks.runNext();
        assertThat(terminal.state()).isEqualTo(State.LOST);
        assertThat(terminal.exitCode()).isNull();
        assertThat(terminal.statusTextProperty().get())
                .isEqualTo("The connection to the server was lost: websocket: close 1006");
    }

    @Test
    void whenTheInstanceStopsTheTerminalSaysSoAndTheSessionsEndDoesNotOverwriteIt() {
        server.next(ScriptedSession.exiting(137, "", ""));
        TerminalViewModel terminal = terminal(false);
        terminal.connect();
        tasks.runNext();

        terminal.instanceRunning(false);
        assertThat(terminal.state()).isEqualTo(State.INSTANCE_STOPPED);
        assertThat(terminal.statusTextProperty().get()).isEqualTo("The instance stopped; the session has ended.");
        assertThat(terminal.instanceRunningProperty().get()).as("reconnect is disabled").isFalse();

        tasks.runNext(); // the server ends the session as the instance goes down
        assertThat(terminal.state()).isEqualTo(State.INSTANCE_STOPPED);
        assertThat(terminal.canReconnectProperty().get()).isTrue();
        terminal.instanceRunning(true);
        assertThat(terminal.instanceRunningProperty().get()).isTrue();
        assertThat(terminal.state()).isEqualTo(State.INSTANCE_STOPPED);
    }

    @Test
    void closingEndsTheSessionAndALateEndChangesNothing() {
        ScriptedSession session = ScriptedSession.exiting(0, "", "");
        server.next(session);
        TerminalViewModel terminal = terminal(false);
        terminal.connect();
        tasks.runNext();
        SessionTtyConnector connector = terminal.connectorProperty().get();

        terminal.close();
        assertThat(terminal.state()).isEqualTo(State.CLOSED);
        assertThat(terminal.statusTextProperty().get()).isEqualTo("Closed.");
        assertThat(terminal.connectorProperty().get()).isNull();
        assertThat(connector.isConnected()).isFalse();
        assertThat(session.closed).isTrue();

        tasks.runNext();
        assertThat(terminal.state()).isEqualTo(State.CLOSED);
        assertThat(terminal.exitCode()).isNull();
    }

    @Test
    void aReconnectStartsAFreshConnection() {
        server.next(ScriptedSession.exiting(1, "", "")).next(ScriptedSession.exiting(0, "", ""));
        TerminalViewModel terminal = terminal(false);
        terminal.connect();
        tasks.runNext();
        tasks.runNext();
        SessionTtyConnector first = terminal.connectorProperty().get();
        assertThat(terminal.exitCode()).isEqualTo(1);

        terminal.connect();
        assertThat(terminal.connectorProperty().get()).isNotSameAs(first);
        assertThat(terminal.exitCode()).isNull();
        assertThat(terminal.canReconnectProperty().get()).isFalse();
        tasks.runNext();
        tasks.runNext();
        assertThat(terminal.exitCode()).isZero();
        assertThat(server.shells).hasSize(2);
    }

    @Test
    void signalsReachTheRunningProcess() {
        ScriptedSession session = ScriptedSession.exiting(130, "", "");
        server.next(session);
        TerminalViewModel terminal = terminal(false);
        terminal.connect();
        tasks.runNext();
        terminal.signal(2);
        tasks.runNewest();
        assertThat(session.signals).containsExactly(2);
    }

    @Test
    void theConsoleSaysItsOwnWords() {
        server.next(ScriptedSession.exiting(0, "", ""));
        TerminalViewModel console = terminal(true);
        console.connect();
        assertThat(console.statusTextProperty().get()).isEqualTo("Attaching to the console…");
        tasks.runNext();
        assertThat(console.statusTextProperty().get()).isEqualTo("Attached to the console.");
        tasks.runNext();
        assertThat(console.statusTextProperty().get()).isEqualTo("The console session ended.");
        assertThat(server.consoles).containsExactly("80x24");
    }
}
