package dev.hako.ui.terminal;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.ExecRequest;
import dev.hako.model.RemoteModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The terminal area's server calls for one instance, through the remote's current client. */
final class RemoteTerminalServer implements TerminalServer {

    private final RemoteModel remote;
    private final String instance;

    RemoteTerminalServer(RemoteModel remote, String instance) {
        this.remote = remote;
        this.instance = instance;
    }

    private LxdClient client() {
        return remote.client();
    }

    /** Finds the shell (bash if present, else sh) unless a command was chosen, then starts it on a pty. */
    @Override
    public RunningSession openShell(TerminalOptions options, int columns, int rows) {
        LxdClient client = client();
        List<String> command = options.autoShell() ? List.of(findShell(client, instance)) : options.command();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TERM", "xterm-256color");
        env.putAll(options.environment());
        ExecRequest request = ExecRequest.interactive(command, env, columns, rows)
                .as(options.user(), options.group(), options.cwd() == null || options.cwd().isBlank() ? null
                        : options.cwd());
        return RunningSession.of(client.instances().exec(instance, request));
    }

    static String findShell(LxdClient client, String instance) {
        for (String candidate : List.of("/bin/bash", "/usr/bin/bash")) {
            try {
                var meta = client.instances().files().stat(instance, candidate);
                if (!meta.isDirectory()) {
                    return candidate;
                }
            } catch (LxdException absent) {
                // not there (or a VM without agent: sh is the safe choice)
            }
        }
        return "/bin/sh";
    }

    @Override
    public RunningSession openConsole(int columns, int rows) {
        return RunningSession.of(client().instances().console(instance, columns, rows));
    }

    @Override
    public RunningSession run(ExecRequest request) {
        return RunningSession.of(client().instances().exec(instance, request));
    }

    @Override
    public String consoleLog() {
        return client().instances().consoleLog(instance);
    }

    @Override
    public void clearConsoleLog() {
        client().instances().clearConsoleLog(instance);
    }

    @Override
    public String cliName() {
        LxdClient client = client();
        return client != null ? client.kind().cli() : ServerKind.LXD.cli();
    }

    @Override
    public String remoteName() {
        return remote.name();
    }

    @Override
    public String instanceName() {
        return instance;
    }
}
