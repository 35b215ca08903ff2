package dev.hako.model;

import dev.hako.lxd.ServerKind;
import java.util.ArrayList;
import java.util.List;

/** One {@code lxc}/{@code incus} command line, its words quoted for a POSIX shell. */
public final class CommandLine {

    private final List<String> words = new ArrayList<>();

    private CommandLine(String program) {
        words.add(program);
    }

    /** A command of the CLI that goes with servers of {@code kind}. */
    public static CommandLine of(ServerKind kind) {
        return new CommandLine(kind.cli());
    }

    /** Adds words, each quoted when it needs to be. */
    public CommandLine add(String... more) {
        for (String word : more) {
            words.add(quote(word));
        }
        return this;
    }

    /** Adds {@code option value} when {@code value} is not null. */
    public CommandLine option(String option, String value) {
        return value == null ? this : add(option, value);
    }

    /** Adds {@code flag} when {@code on}. */
    public CommandLine flag(String flag, boolean on) {
        return on ? add(flag) : this;
    }

    @Override
    public String toString() {
        return String.join(" ", words);
    }

    /** Shell quoting: plain words stay as they are. */
    public static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_.,:/=@%+\\-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
