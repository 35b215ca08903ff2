package dev.hako.ui.terminal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A session whose output and end a test scripts: it prints its output when attached and
 * "exits" with the given status (or fails) when asked for it. It records what it was sent.
 */
final class ScriptedSession implements RunningSession {

    private final String stdout;
    private final String stderr;
    private final Integer exitCode;
    private final RuntimeException failure;
    final List<Integer> signals = new ArrayList<>();
    final List<String> sizes = new ArrayList<>();
    boolean inputClosed;
    boolean closed;

    private ScriptedSession(String stdout, String stderr, Integer exitCode, RuntimeException failure) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.exitCode = exitCode;
        this.failure = failure;
    }

    static ScriptedSession exiting(int code, String stdout, String stderr) {
        return new ScriptedSession(stdout, stderr, code, null);
    }

    static ScriptedSession failing(RuntimeException failure) {
        return new ScriptedSession("", "", null, failure);
    }

    @Override
    public void attach(Consumer<byte[]> out, Consumer<byte[]> err) {
        if (!stdout.isEmpty()) {
            out.accept(stdout.getBytes(StandardCharsets.UTF_8));
        }
        if (!stderr.isEmpty()) {
            err.accept(stderr.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void write(byte[] data) {
    }

    @Override
    public void closeInput() {
        inputClosed = true;
    }

    @Override
    public void resize(int columns, int rows) {
        sizes.add(columns + "x" + rows);
    }

    @Override
    public void signal(int signal) {
        signals.add(signal);
    }

    @Override
    public int awaitExit() {
        if (failure != null) {
            throw failure;
        }
        return exitCode;
    }

    @Override
    public void close() {
        closed = true;
    }
}
