package dev.hako.ui.terminal;

import dev.hako.lxd.ExplainedException;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The fields of a command to run in an instance as the user types them (command line, user
 * and group IDs, working directory, environment lines), checked as they change: the terminal
 * options and the run-command dialog both edit one.
 */
public final class ExecForm {

    private final I18n i18n;
    private final StringProperty command = new SimpleStringProperty(this, "command", "");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty group = new SimpleStringProperty(this, "group", "");
    private final StringProperty cwd = new SimpleStringProperty(this, "cwd", "");
    private final StringProperty environment = new SimpleStringProperty(this, "environment", "");
    private final StringBinding problem;

    public ExecForm(I18n i18n) {
        this.i18n = i18n;
        problem = Bindings.createStringBinding(this::problem, command, user, group, cwd, environment,
                i18n.localeProperty());
    }

    /** A form showing {@code options}. */
    public static ExecForm of(I18n i18n, TerminalOptions options) {
        ExecForm form = new ExecForm(i18n);
        form.command.set(String.join(" ", options.command().stream().map(CommandLine::quote).toList()));
        form.user.set(options.user() == null ? "" : options.user().toString());
        form.group.set(options.group() == null ? "" : options.group().toString());
        form.cwd.set(options.cwd() == null ? "" : options.cwd());
        StringBuilder env = new StringBuilder();
        options.environment().forEach((k, v) -> env.append(k).append('=').append(v).append('\n'));
        form.environment.set(env.toString());
        return form;
    }

    public StringProperty commandProperty() {
        return command;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty groupProperty() {
        return group;
    }

    public StringProperty cwdProperty() {
        return cwd;
    }

    public StringProperty environmentProperty() {
        return environment;
    }

    /** What is wrong with the fields, in the user's language, or null when they are fine. */
    public String problem() {
        try {
            parse();
            return null;
        } catch (ExplainedException bad) {
            return FailureText.of(i18n, bad);
        }
    }

    /** {@link #problem()} as it changes (and as the language changes). */
    public StringBinding problemProperty() {
        return problem;
    }

    /** True while the fields cannot be used. */
    public BooleanBinding invalidProperty() {
        return problem.isNotNull();
    }

    /** The fields as options; throws an {@link ExplainedException} for what the user must fix. */
    public TerminalOptions parse() {
        List<String> argv;
        try {
            argv = CommandLine.split(command.get());
        } catch (IllegalArgumentException unclosed) {
            throw new ExplainedException("unclosed quote in " + command.get(), "terminal.options.unclosedQuote");
        }
        String badLine = CommandLine.badEnvironmentLine(environment.get());
        if (badLine != null) {
            throw new ExplainedException("not KEY=VALUE: " + badLine, "terminal.options.badEnvironment", badLine);
        }
        Map<String, String> env = CommandLine.environment(environment.get());
        String dir = cwd.get().strip();
        return new TerminalOptions(argv, id(user.get()), id(group.get()), dir.isEmpty() ? null : dir, env);
    }

    /** A user or group ID: empty for none, else a number of 0 or more. */
    static Integer id(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            int value = Integer.parseInt(t);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new ExplainedException("not an ID: " + t, "terminal.options.badId", t);
    }
}
