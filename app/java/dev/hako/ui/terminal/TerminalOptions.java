package dev.hako.ui.terminal;

import java.util.List;
import java.util.Map;

/**
 * How a new terminal starts: the command (empty: the instance's shell, bash if present else
 * sh), the user and group ids, the working directory and extra environment variables.
 */
public record TerminalOptions(List<String> command, Integer user, Integer group, String cwd,
                              Map<String, String> environment) {

    public static TerminalOptions shell() {
        return new TerminalOptions(List.of(), null, null, null, Map.of());
    }

    public boolean autoShell() {
        return command == null || command.isEmpty();
    }
}
