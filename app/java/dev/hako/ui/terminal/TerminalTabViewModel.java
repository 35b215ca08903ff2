package dev.hako.ui.terminal;

import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.view.instance.InstanceContext;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Terminal tab of an instance: any number of terminals, each an interactive exec with its
 * own pty, opened with the options chosen for new terminals; whether the instance runs (only
 * then can one be opened). The first terminal opens when the tab is first shown, never merely
 * because the instance was selected.
 */
public final class TerminalTabViewModel {

    private final TaskExecutor tasks;
    private final I18n i18n;
    private final TerminalServer server;
    private final ObjectProperty<TerminalOptions> options = new SimpleObjectProperty<>(this, "options",
            TerminalOptions.shell());
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ObservableList<TerminalViewModel> terminals = FXCollections.observableArrayList();
    private final Map<TerminalViewModel, Integer> numbers = new HashMap<>();
    private int counter;

    TerminalTabViewModel(TaskExecutor tasks, I18n i18n, TerminalServer server) {
        this.tasks = tasks;
        this.i18n = i18n;
        this.server = server;
    }

    /** The tab of the instance in {@code context}, talking to its remote. */
    public static TerminalTabViewModel of(InstanceContext context) {
        return new TerminalTabViewModel(context.tasks(), context.i18n(),
                new RemoteTerminalServer(context.remote(), context.instanceName()));
    }

    public I18n i18n() {
        return i18n;
    }

    /** The options new terminals start with. */
    public ObjectProperty<TerminalOptions> optionsProperty() {
        return options;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The open terminals, in the order they were opened. */
    public ObservableList<TerminalViewModel> terminals() {
        return FXCollections.unmodifiableObservableList(terminals);
    }

    /**
     * One more terminal with the current options, not yet connected: the view puts its screen
     * on it first, then {@link TerminalViewModel#connect()}s it.
     */
    public TerminalViewModel newTerminal() {
        TerminalOptions chosen = options.get();
        int number = ++counter;
        TerminalViewModel terminal = new TerminalViewModel(tasks, i18n, server.instanceName() + "-" + number,
                (columns, rows) -> server.openShell(chosen, columns, rows), false);
        terminal.instanceRunning(running.get());
        numbers.put(terminal, number);
        terminals.add(terminal);
        return terminal;
    }

    /** The title of an open terminal ("Terminal 2"), in the language of the moment. */
    public StringBinding title(TerminalViewModel terminal) {
        return LocalText.format(i18n, "terminal.title", numbers.getOrDefault(terminal, 0));
    }

    /** The user closed a terminal: its session ends. */
    public void closeTerminal(TerminalViewModel terminal) {
        if (terminals.remove(terminal)) {
            numbers.remove(terminal);
            terminal.close();
        }
    }

    /** Whether showing the tab should open the first terminal. */
    public boolean opensFirstTerminal(boolean tabShown) {
        return tabShown && terminals.isEmpty() && running.get();
    }

    /** A form showing the options for new terminals; {@link #applyOptions} takes it back. */
    public ExecForm optionsForm() {
        return ExecForm.of(i18n, options.get());
    }

    /** The form's options for new terminals; false (and nothing changes) while it has a problem. */
    public boolean applyOptions(ExecForm form) {
        if (form.problem() != null) {
            return false;
        }
        options.set(form.parse());
        return true;
    }

    /** The instance started or stopped. */
    public void instanceChanged(boolean isRunning) {
        running.set(isRunning);
        terminals.forEach(t -> t.instanceRunning(isRunning));
    }

    /** Ends every session. */
    public void dispose() {
        terminals.forEach(TerminalViewModel::close);
        terminals.clear();
        numbers.clear();
    }
}
