package dev.hako.ui.network;

import dev.hako.lxd.ServerKind;
import dev.hako.model.NameRules;
import dev.hako.model.network.NetworkSpec;
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
 * Renaming a managed network: the new name (the server's name rules, at most 15
 * characters, not taken), the equivalent command, and the rename; a refusal reopens
 * the form with the name as typed.
 */
public final class NetworkRenameViewModel {

    /** Renames (blocking); {@code client.networks()::rename} in the application. */
    @FunctionalInterface
    public interface Renamer {
        void rename(String name, String newName) throws Exception;
    }

    private final I18n i18n;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final ServerKind kind;
    private final String remote;
    private final String network;
    private final Supplier<Set<String>> existing;
    private final Renamer renamer;
    private final StringProperty newName;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper command = new ReadOnlyStringWrapper(this, "command", "");
    private final BooleanBinding invalid = Bindings.isNotEmpty(problem);

    public NetworkRenameViewModel(I18n i18n, TaskExecutor tasks, DialogService dialogs, ServerKind kind,
                                  String remote, String network, Supplier<Set<String>> existing, Renamer renamer) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.kind = kind;
        this.remote = remote;
        this.network = network;
        this.existing = existing;
        this.renamer = renamer;
        this.newName = new SimpleStringProperty(this, "newName", network);
        newName.addListener(o -> refresh());
        refresh();
    }

    public String network() {
        return network;
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

    private void refresh() {
        String found = findProblem().orElse("");
        problem.set(found);
        command.set(found.isEmpty() ? NetworkSpec.renameCommand(kind, remote, network, newName.get().trim()) : "");
    }

    private Optional<String> findProblem() {
        String n = newName.get().trim();
        if (n.equals(network)) {
            return Optional.of(i18n.get("network.rename.same"));
        }
        Optional<NameRules.Problem> bad = NameRules.check(n);
        if (bad.isPresent()) {
            return Optional.of(i18n.get(bad.get().messageKey));
        }
        if (n.length() > NetworkCreateViewModel.MAX_NAME) {
            return Optional.of(i18n.get("action.network.tooLong"));
        }
        if (existing.get().contains(n)) {
            return Optional.of(i18n.format("network.problem.exists", n));
        }
        return Optional.empty();
    }

    /** Renames in the background; a refusal is shown, then {@code reopen} brings the form back as typed. */
    public void rename(Runnable reopen) {
        if (invalid.get()) {
            return;
        }
        String target = newName.get().trim();
        tasks.execute(BackgroundTask.ofRunnable(() -> renamer.rename(network, target)).onFailure(failure -> {
            dialogs.showError(i18n.format("network.rename.failed", network, target), failure);
            reopen.run();
        }));
    }
}
