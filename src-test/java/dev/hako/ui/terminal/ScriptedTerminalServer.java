package dev.hako.ui.terminal;

import dev.hako.lxd.api.ExecRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The server side of the terminal screens as a test scripts it: the sessions it hands out in
 * order, a console log, and a record of what was asked.
 */
final class ScriptedTerminalServer implements TerminalServer {

    private final Deque<Object> sessions = new ArrayDeque<>();
    final List<TerminalOptions> shells = new ArrayList<>();
    final List<ExecRequest> runs = new ArrayList<>();
    final List<String> consoles = new ArrayList<>();
    String log = "";
    RuntimeException logFailure;
    int clears;

    /** The next session opened is {@code session}; a RuntimeException instead fails the open. */
    ScriptedTerminalServer next(Object session) {
        sessions.add(session);
        return this;
    }

    private RunningSession take() {
        Object next = sessions.poll();
        if (next == null) {
            throw new AssertionError("no session scripted");
        }
        if (next instanceof RuntimeException failure) {
            throw failure;
        }
        return (RunningSession) next;
    }

    @Override
    public RunningSession openShell(TerminalOptions options, int columns, int rows) {
        shells.add(options);
        return take();
    }

    @Override
    public RunningSession openConsole(int columns, int rows) {
        consoles.add(columns + "x" + rows);
        return take();
    }

    @Override
    public RunningSession run(ExecRequest request) {
        runs.add(request);
        return take();
    }

    @Override
    public String consoleLog() {
        if (logFailure != null) {
            throw logFailure;
        }
        return log;
    }

    @Override
    public void clearConsoleLog() {
        clears++;
        log = "";
    }

    @Override
    public String cliName() {
        return "incus";
    }

    @Override
    public String remoteName() {
        return "srv";
    }

    @Override
    public String instanceName() {
        return "c1";
    }
}
