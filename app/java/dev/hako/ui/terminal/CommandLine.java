package dev.hako.ui.terminal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a command line typed by the user into arguments the way a POSIX shell does for
 * plain words, single and double quotes and backslashes (no expansion: exec runs no shell),
 * and renders the equivalent {@code lxc exec} / {@code incus exec} line.
 */
public final class CommandLine {

    private CommandLine() {
    }

    /** Splits {@code line}; throws IllegalArgumentException for an unclosed quote. */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length() && "\\\"$`".indexOf(line.charAt(i + 1)) >= 0) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed " + quote);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Quotes one argument for a POSIX shell, only when needed. */
    public static String quote(String arg) {
        if (!arg.isEmpty() && arg.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    /** Parses {@code KEY=VALUE} lines; blank lines are skipped. Throws for a line without '='. */
    public static Map<String, String> environment(String text) {
        String bad = badEnvironmentLine(text);
        if (bad != null) {
            throw new IllegalArgumentException(bad);
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (!line.isEmpty()) {
                int eq = line.indexOf('=');
                env.put(line.substring(0, eq).strip(), line.substring(eq + 1));
            }
        }
        return env;
    }

    /** The first line of {@code text} that is neither blank nor {@code KEY=VALUE} (stripped), or null. */
    public static String badEnvironmentLine(String text) {
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (!line.isEmpty() && line.indexOf('=') <= 0) {
                return line;
            }
        }
        return null;
    }

    /**
     * The command a user would type for the same exec: {@code lxc exec [remote:]name --env K=V
     * --user U --group G --cwd D -- args}. The remote is left out for the local server.
     */
    public static String execLine(String client, String remote, String instance, Map<String, String> env,
                                  Integer user, Integer group, String cwd, List<String> command) {
        StringBuilder line = new StringBuilder(client).append(" exec ");
        line.append(quote(remote == null || remote.isEmpty() || remote.equals("local") ? instance
                : remote + ":" + instance));
        if (env != null) {
            env.forEach((k, v) -> line.append(" --env ").append(quote(k + "=" + v)));
        }
        if (user != null) {
            line.append(" --user ").append(user);
        }
        if (group != null) {
            line.append(" --group ").append(group);
        }
        if (cwd != null && !cwd.isBlank()) {
            line.append(" --cwd ").append(quote(cwd));
        }
        line.append(" --");
        for (String arg : command) {
            line.append(' ').append(quote(arg));
        }
        return line.toString();
    }
}
