package dev.hako.ui.common;

import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Renaming one server object: the new name checked as it is typed, the equivalent command
 * line, and the rename in the background ({@link CheckedForm}). What differs between objects
 * (their name rules, their command, their words) is each subclass's.
 */
public abstract class RenameViewModel extends CheckedForm {

    /** Renames (blocking); e.g. {@code client.networks()::rename} in the application. */
    @FunctionalInterface
    public interface Renamer {
        void rename(String name, String newName) throws Exception;
    }

    private final String name;
    private final Renamer renamer;
    private final StringProperty newName;

    protected RenameViewModel(I18n i18n, TaskExecutor tasks, DialogService dialogs, String name, Renamer renamer) {
        super(i18n, tasks, dialogs);
        this.name = name;
        this.renamer = renamer;
        this.newName = new SimpleStringProperty(this, "newName", name);
    }

    /** The first rule {@code typed} (trimmed, not the current name) breaks, in the user's language. */
    protected abstract Optional<String> problemOf(String typed);

    /** The CLI line for renaming to {@code typed}. */
    protected abstract String commandFor(String typed);

    /** The headline of a refused rename ("Could not rename web to db"). */
    protected abstract String failedHeadline(String typed);

    /** What the field holds when it is not a new name: the current name again. */
    protected abstract String sameNameProblem();

    /** Starts checking the name; subclasses call it once their own fields are set. */
    protected final void watchName() {
        watch(newName);
    }

    /** The current name. */
    public final String name() {
        return name;
    }

    public final StringProperty newNameProperty() {
        return newName;
    }

    private String typed() {
        return newName.get() == null ? "" : newName.get().trim();
    }

    @Override
    protected final Optional<String> findProblem() {
        String typed = typed();
        return typed.equals(name) ? Optional.of(sameNameProblem()) : problemOf(typed);
    }

    @Override
    protected final String commandLine() {
        return commandFor(typed());
    }

    /** Renames in the background; a refusal is shown, then {@code reopen} brings the form back as typed. */
    public final void rename(Runnable reopen) {
        String target = typed();
        submit(failedHeadline(target), () -> renamer.rename(name, target), reopen);
    }
}
