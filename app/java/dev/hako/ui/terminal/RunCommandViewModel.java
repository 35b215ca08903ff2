package dev.hako.ui.terminal;

import dev.hako.lxd.api.ExecRequest;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.view.instance.InstanceContext;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Runs one command without a pty in an instance: its standard output and standard error
 * apart, as they stream, then its exit status. A running command can be sent a signal. The
 * equivalent CLI line follows the fields as they are typed, for copying.
 */
public final class RunCommandViewModel {

    /** The signals offered, by the names users know them by. */
    public static final List<String> SIGNALS = List.of("SIGINT (2)", "SIGTERM (15)", "SIGKILL (9)", "SIGHUP (1)");

    private final TaskExecutor tasks;
    private final I18n i18n;
    private final TerminalServer server;
    private final ExecForm form;
    private final StreamBuffer stdout = new StreamBuffer();
    private final StreamBuffer stderr = new StreamBuffer();
    private final ReadOnlyStringWrapper cliLine = new ReadOnlyStringWrapper(this, "cliLine", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<Integer> exitCode = new ReadOnlyObjectWrapper<>(this, "exitCode");
    private final ReadOnlyIntegerWrapper runs = new ReadOnlyIntegerWrapper(this, "runs");
    private final ObjectProperty<StatusText> status = new SimpleObjectProperty<>(this, "status", StatusText.NONE);
    private final StringBinding statusText;
    private final StringBinding title;
    private volatile RunningSession session;
    private volatile Integer lastExitCode;
    private boolean closed;

    RunCommandViewModel(TaskExecutor tasks, I18n i18n, TerminalServer server) {
        this.tasks = tasks;
        this.i18n = i18n;
        this.server = server;
        this.form = new ExecForm(i18n);
        this.statusText = LocalText.of(i18n, status);
        this.title = LocalText.format(i18n, "run.title", server.instanceName());
        InvalidationListener update = o -> updateCliLine();
        form.commandProperty().addListener(update);
        form.environmentProperty().addListener(update);
        form.cwdProperty().addListener(update);
        form.userProperty().addListener(update);
        form.groupProperty().addListener(update);
        updateCliLine();
    }

    /** The run-command screen of the instance in {@code context}. */
    public static RunCommandViewModel of(InstanceContext context) {
        return new RunCommandViewModel(context.tasks(), context.i18n(),
                new RemoteTerminalServer(context.remote(), context.instanceName()));
    }

    public I18n i18n() {
        return i18n;
    }

    /** The command and how it runs, as typed. */
    public ExecForm form() {
        return form;
    }

    /** The window's title, in the language of the moment. */
    public StringBinding titleProperty() {
        return title;
    }

    /** The command a user would type for the same run; the last valid one while a field is half typed. */
    public ReadOnlyStringProperty cliLineProperty() {
        return cliLine.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Integer> exitCodeProperty() {
        return exitCode.getReadOnlyProperty();
    }

    /** The exit status of the last run once it has ended; any thread. */
    public Integer exitCode() {
        return lastExitCode;
    }

    /** Counts the runs started: the screen clears the output shown at each. */
    public ReadOnlyIntegerProperty runsProperty() {
        return runs.getReadOnlyProperty();
    }

    /** Running, the exit status, a failure or a problem with the fields, in the language of the moment. */
    public StringBinding statusTextProperty() {
        return statusText;
    }

    /** Standard output since the last call. */
    String takeStdout() {
        return stdout.drain();
    }

    /** Standard error since the last call. */
    String takeStderr() {
        return stderr.drain();
    }

    private void updateCliLine() {
        try {
            TerminalOptions spec = form.parse();
            cliLine.set(CommandLine.execLine(server.cliName(), server.remoteName(), server.instanceName(),
                    spec.environment(), spec.user(), spec.group(), spec.cwd(), spec.command()));
        } catch (RuntimeException incomplete) {
            // Keep the last valid line while the user is typing a quote or a variable.
        }
    }

    /** Starts the command unless one runs, the command is empty or a field is wrong (then says which). */
    public void start() {
        TerminalOptions spec;
        try {
            spec = form.parse();
        } catch (RuntimeException bad) {
            status.set(StatusText.failure("terminal.options.invalid", bad));
            return;
        }
        if (spec.command().isEmpty() || running.get() || closed) {
            return;
        }
        stdout.reset();
        stderr.reset();
        setExitCode(null);
        runs.set(runs.get() + 1);
        status.set(StatusText.of("run.running"));
        running.set(true);
        ExecRequest request = ExecRequest.command(spec.command())
                .withEnvironment(spec.environment().isEmpty() ? null : spec.environment())
                .as(spec.user(), spec.group(), spec.cwd());
        tasks.execute(BackgroundTask.of(progress -> {
            RunningSession s = server.run(request);
            session = s;
            s.attach(stdout::append, stderr::append);
            s.closeInput();
            return s.awaitExit();
        }).onSuccess(code -> finished(code, null)).onFailure(failure -> finished(null, failure)));
    }

    private void finished(Integer code, Exception failure) {
        session = null;
        // Listeners take the last output as the run stops, before the exit status is told.
        running.set(false);
        setExitCode(code);
        status.set(failure != null ? StatusText.failure("run.failed", failure) : StatusText.of("run.exit", code));
    }

    private void setExitCode(Integer code) {
        lastExitCode = code;
        exitCode.set(code);
    }

    /** Sends one of {@link #SIGNALS} to the running command. */
    public void signal(String choice) {
        RunningSession s = session;
        if (s == null || choice == null) {
            return;
        }
        int number = Integer.parseInt(choice.substring(choice.indexOf('(') + 1, choice.indexOf(')')));
        tasks.execute(BackgroundTask.ofRunnable(() -> s.signal(number))
                .onFailure(failure -> status.set(StatusText.failure("run.failed", failure))));
    }

    /** The screen closed: a running command's session ends with it. */
    public void close() {
        closed = true;
        RunningSession s = session;
        if (s != null) {
            tasks.runInBackground(s::close);
        }
    }
}
