package dev.hako.ui.terminal;

import dev.hako.lxd.api.ExecRequest;

/**
 * What the terminal, console and run-command screens of one instance ask of its server.
 * The app's goes to the remote's client ({@link RemoteTerminalServer}); view-model tests
 * script one. Every method but {@link #cliName} talks to the server: never on the UI thread.
 */
interface TerminalServer {

    /** Starts a shell (or the command the options name) on a pty of the given size. */
    RunningSession openShell(TerminalOptions options, int columns, int rows);

    /** Attaches to the instance's text console at the given size. */
    RunningSession openConsole(int columns, int rows);

    /** Starts a command without a pty; its output is read after {@link RunningSession#attach}. */
    RunningSession run(ExecRequest request);

    /** The console log the server keeps. */
    String consoleLog();

    /** Empties the console log on the server. */
    void clearConsoleLog();

    /** The command-line client a user would type for this server ({@code lxc} or {@code incus}). */
    String cliName();

    /** The remote's name as the command-line client knows it. */
    String remoteName();

    /** The instance's name. */
    String instanceName();
}
