package dev.hako.ui.terminal;

import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.LatestTask;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.view.instance.InstanceContext;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Console tab of an instance: the live console (what {@code lxc console} shows, as a
 * terminal) and the console log the server keeps, which can be read again and cleared.
 */
public final class ConsoleTabViewModel {

    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final TerminalServer server;
    private final TerminalViewModel live;
    private final LatestTask logTask;
    private final ReadOnlyStringWrapper log = new ReadOnlyStringWrapper(this, "log", "");
    private final ObjectProperty<StatusText> logStatus = new SimpleObjectProperty<>(this, "logStatus",
            StatusText.NONE);
    private final StringBinding logStatusText;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");

    ConsoleTabViewModel(TaskExecutor tasks, DialogService dialogs, I18n i18n, TerminalServer server) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.server = server;
        this.logTask = new LatestTask(tasks);
        this.live = new TerminalViewModel(tasks, i18n, server.instanceName() + "-console", server::openConsole, true);
        this.logStatusText = LocalText.of(i18n, logStatus);
    }

    /** The tab of the instance in {@code context}, talking to its remote. */
    public static ConsoleTabViewModel of(InstanceContext context) {
        return new ConsoleTabViewModel(context.tasks(), context.dialogs(), context.i18n(),
                new RemoteTerminalServer(context.remote(), context.instanceName()));
    }

    public I18n i18n() {
        return i18n;
    }

    /** The live console. */
    public TerminalViewModel live() {
        return live;
    }

    /** The console log as last read. */
    public ReadOnlyStringProperty logProperty() {
        return log.getReadOnlyProperty();
    }

    /** What happened to the log last (its size, cleared, a failure), in the language of the moment. */
    public StringBinding logStatusProperty() {
        return logStatusText;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Whether showing the tab should attach to the console. */
    public boolean attachesOnShow(boolean tabShown, boolean liveShown) {
        return tabShown && liveShown && running.get() && live.state() == TerminalViewModel.State.CLOSED;
    }

    /** Reads the console log from the server again. */
    public void refreshLog() {
        logStatus.set(StatusText.of("console.log.loading"));
        logTask.run(BackgroundTask.of(progress -> server.consoleLog())
                .onSuccess(text -> {
                    log.set(text);
                    logStatus.set(StatusText.of("console.log.size", text.length()));
                })
                .onFailure(failure -> logStatus.set(StatusText.failure("console.log.failed", failure))));
    }

    /** Clears the server's console log once the user has confirmed it. */
    public void clearLog() {
        if (dialogs.confirm(i18n.format("console.log.clearConfirm", server.instanceName()), "")) {
            clearLogNow();
        }
    }

    /** Clears the server's console log without asking. */
    public void clearLogNow() {
        // A read still under way would show the log from before: its result no longer counts.
        logTask.cancel();
        // LXD removes the log file on clear, so reading it back at once would fail: show it empty.
        tasks.execute(BackgroundTask.ofRunnable(server::clearConsoleLog)
                .onSuccess(done -> {
                    log.set("");
                    logStatus.set(StatusText.of("console.log.cleared"));
                })
                .onFailure(failure -> logStatus.set(StatusText.failure("console.log.failed", failure))));
    }

    /** The instance started or stopped. */
    public void instanceChanged(boolean isRunning) {
        running.set(isRunning);
        live.instanceRunning(isRunning);
    }

    /** Ends the console session. */
    public void dispose() {
        logTask.cancel();
        live.close();
    }
}
