package dev.hako.ui.profiles;

import dev.hako.lxd.ServerKind;
import dev.hako.model.CommandLine;
import dev.hako.model.NameRules;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Renaming a profile: the new name (the rules profile names are created with, not the
 * current one, not taken), the equivalent command, and the rename; a refusal reopens the
 * form with the name as typed. The {@code default} profile is never renamed: the servers
 * refuse it, so it is not offered.
 */
public final class ProfileRenameViewModel {

    public static final String DEFAULT = "default";

    /** Renames (blocking); {@code client.profiles()::rename} in the application. */
    @FunctionalInterface
    public interface Renamer {
        void rename(String name, String newName) throws Exception;
    }

    private final I18n i18n;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final ServerKind kind;
    private final String remote;
    private final String profile;
    private final Supplier<Set<String>> existing;
    private final Renamer renamer;
    private final StringProperty newName;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper command = new ReadOnlyStringWrapper(this, "command", "");
    private final BooleanBinding invalid = Bindings.isNotEmpty(problem);

    public ProfileRenameViewModel(I18n i18n, TaskExecutor tasks, DialogService dialogs, ServerKind kind,
                                  String remote, String profile, Supplier<Set<String>> existing, Renamer renamer) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.kind = kind;
        this.remote = remote;
        this.profile = profile;
        this.existing = existing;
        this.renamer = renamer;
        this.newName = new SimpleStringProperty(this, "newName", profile);
        newName.addListener(o -> refresh());
        refresh();
    }

    /** Whether a profile can be renamed at all ({@code default} cannot). */
    public static boolean renamable(String profile) {
        return !DEFAULT.equals(profile);
    }

    public String profile() {
        return profile;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty commandProperty() {
        return command.getReadOnlyProperty();
    }

    public BooleanBinding invalidProperty() {
        return invalid;
    }

    private String typed() {
        return newName.get() == null ? "" : newName.get().trim();
    }

    private void refresh() {
        String found = findProblem().orElse("");
        problem.set(found);
        command.set(found.isEmpty() ? CommandLine.of(kind).add("profile", "rename", remote + ":" + profile, typed())
                .toString() : "");
    }

    private Optional<String> findProblem() {
        String n = typed();
        if (n.equals(profile)) {
            return Optional.of(i18n.get("profile.rename.same"));
        }
        Optional<NameRules.Problem> bad = NameRules.check(n);
        if (bad.isPresent()) {
            return Optional.of(i18n.get(bad.get().messageKey));
        }
        if (n.equals(DEFAULT) || existing.get().contains(n)) {
            return Optional.of(i18n.format("profile.rename.exists", n));
        }
        return Optional.empty();
    }

    /** Renames in the background; a refusal is shown, then {@code reopen} brings the form back as typed. */
    public void rename(Runnable reopen) {
        if (invalid.get()) {
            return;
        }
        String target = typed();
        tasks.execute(BackgroundTask.ofRunnable(() -> renamer.rename(profile, target)).onFailure(failure -> {
            dialogs.showError(i18n.format("profile.rename.failed", profile, target), failure);
            reopen.run();
        }));
    }
}
