package dev.hako.ui.terminal;

import dev.hako.lxd.ExecSession;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * What the terminal area needs of a command running in an instance (a shell, the console, a
 * one-off command): the app's sessions are exec or console websockets ({@link #of}); view-model
 * tests script one.
 */
interface RunningSession extends AutoCloseable {

    /**
     * Connects the output: a pty session sends everything to {@code stdout}; a session without
     * one sends standard error apart. Sinks are called on network threads, in order per stream.
     */
    void attach(Consumer<byte[]> stdout, Consumer<byte[]> stderr);

    /** Sends bytes to the command's input (or the pty). */
    void write(byte[] data);

    /** Ends the command's input (a session without a pty). */
    void closeInput();

    /** Tells the pty its new size. */
    void resize(int columns, int rows);

    /** Sends a signal to the command. */
    void signal(int signal);

    /** Blocks until the command has ended and its output has drained; its exit status (128+n when killed). */
    int awaitExit();

    /** Ends the session (its websockets); safe to call twice. */
    @Override
    void close();

    /** A session over the server's exec or console websockets. */
    static RunningSession of(ExecSession session) {
        return new RunningSession() {
            @Override
            public void attach(Consumer<byte[]> stdout, Consumer<byte[]> stderr) {
                session.attach(stdout, stderr);
            }

            @Override
            public void write(byte[] data) {
                session.write(data);
            }

            @Override
            public void closeInput() {
                session.closeInput();
            }

            @Override
            public void resize(int columns, int rows) {
                session.resize(columns, rows);
            }

            @Override
            public void signal(int signal) {
                session.signal(signal);
            }

            @Override
            public int awaitExit() {
                // A terminal stays open as long as its user wants: ten years is "until it ends".
                return session.awaitExit(Duration.ofDays(3650));
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }
}
