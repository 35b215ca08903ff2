package dev.hako.ui.common;

import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The view model of a form that sends one change: the first rule its input breaks (empty when
 * none, and then OK is enabled), the equivalent command line for valid input, and a submit
 * that shows the server's refusal and brings the form back as typed.
 */
public abstract class CheckedForm {

    protected final I18n i18n;
    protected final TaskExecutor tasks;
    private final DialogService dialogs;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper command = new ReadOnlyStringWrapper(this, "command", "");
    private final BooleanBinding invalid = Bindings.isNotEmpty(problem);

    protected CheckedForm(I18n i18n, TaskExecutor tasks, DialogService dialogs) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    /** Re-checks whenever one of {@code inputs} changes, and now (call it once the subclass is set up). */
    protected final void watch(Observable... inputs) {
        for (Observable input : inputs) {
            input.addListener(o -> refresh());
        }
        refresh();
    }

    protected final void refresh() {
        String found = findProblem().orElse("");
        problem.set(found);
        command.set(found.isEmpty() ? commandLine() : "");
    }

    /** The first rule the input breaks, in the window's language. */
    protected abstract Optional<String> findProblem();

    /** The equivalent command for valid input. */
    protected abstract String commandLine();

    public final ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public final ReadOnlyStringProperty commandProperty() {
        return command.getReadOnlyProperty();
    }

    public final BooleanBinding invalidProperty() {
        return invalid;
    }

    /** Runs {@code work} in the background; a refusal is shown under {@code failed}, then {@code reopen} runs. */
    protected final void submit(String failed, BackgroundTask.ThrowingRunnable work, Runnable reopen) {
        if (invalid.get()) {
            return;
        }
        tasks.execute(BackgroundTask.ofRunnable(work).onFailure(failure -> {
            dialogs.showError(failed, failure);
            reopen.run();
        }));
    }
}
