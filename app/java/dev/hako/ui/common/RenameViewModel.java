package dev.hako.ui.common;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Renaming one server object: the new name checked as it is typed, the equivalent command
 * line, and the rename in the background; a refusal is shown and reopens the form with the
 * name as typed. What differs between objects (their name rules, their command, their words)
 * is each subclass's.
 */
public abstract class RenameViewModel {

    /** Renames (blocking); e.g. {@code client.networks()::rename} in the application. */
    @FunctionalInterface
    public interface Renamer {
        void rename(String name, String newName) throws Exception;
    }

    protected final I18n i18n;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final String name;
    private final Renamer renamer;
    private final StringProperty newName;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper command = new ReadOnlyStringWrapper(this, "command", "");
    private final BooleanBinding invalid = Bindings.isNotEmpty(problem);

    protected RenameViewModel(I18n i18n, TaskExecutor tasks, DialogService dialogs, String name, Renamer renamer) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.name = name;
        this.renamer = renamer;
        this.newName = new SimpleStringProperty(this, "newName", name);
        newName.addListener(o -> refresh());
    }

    /** The first rule {@code typed} (trimmed, not the current name) breaks, in the user's language. */
    protected abstract Optional<String> problemOf(String typed);

    /** The CLI line for renaming to {@code typed}. */
    protected abstract String commandFor(String typed);

    /** The headline of a refused rename ("Could not rename web to db"). */
    protected abstract String failedHeadline(String typed);

    /** What the field holds when it is not a new name: the current name again. */
    protected abstract String sameNameProblem();

    /** The current name. */
    public final String name() {
        return name;
    }

    public final StringProperty newNameProperty() {
        return newName;
    }

    public final ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public final ReadOnlyStringProperty commandProperty() {
        return command.getReadOnlyProperty();
    }

    public final BooleanBinding invalidProperty() {
        return invalid;
    }

    private String typed() {
        return newName.get() == null ? "" : newName.get().trim();
    }

    /** Checks the name as it stands; subclasses call it once their own fields are set. */
    protected final void refresh() {
        String typed = typed();
        String found = typed.equals(name) ? sameNameProblem() : problemOf(typed).orElse("");
        problem.set(found);
        command.set(found.isEmpty() ? commandFor(typed) : "");
    }

    /** Renames in the background; a refusal is shown, then {@code reopen} brings the form back as typed. */
    public final void rename(Runnable reopen) {
        if (invalid.get()) {
            return;
        }
        String target = typed();
        tasks.execute(BackgroundTask.ofRunnable(() -> renamer.rename(name, target)).onFailure(failure -> {
            dialogs.showError(failedHeadline(target), failure);
            reopen.run();
        }));
    }
}
