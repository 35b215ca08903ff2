package dev.hako.ui.volumes;

import dev.hako.lxd.ServerKind;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What every volume form shares: the first rule its input breaks (empty when none, and
 * then OK is enabled), the equivalent command, and a submit that shows the server's
 * refusal and brings the form back as typed.
 */
abstract class VolumeForm {

    protected final I18n i18n;
    protected final TaskExecutor tasks;
    protected final DialogService dialogs;
    protected final ServerKind kind;
    /** The remote's name, for the command lines ({@code remote:pool}, {@code remote:instance}). */
    protected final String remote;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper command = new ReadOnlyStringWrapper(this, "command", "");
    private final BooleanBinding invalid = Bindings.isNotEmpty(problem);

    VolumeForm(I18n i18n, TaskExecutor tasks, DialogService dialogs, ServerKind kind, String remote) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.kind = kind;
        this.remote = remote;
    }

    /** Re-checks whenever one of {@code inputs} changes, and now. */
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

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty commandProperty() {
        return command.getReadOnlyProperty();
    }

    public BooleanBinding invalidProperty() {
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

    /** The instance names in a volume's {@code used_by} URLs ({@code /1.0/instances/c1?project=p}). */
    static java.util.List<String> instancesIn(java.util.List<String> usedBy) {
        if (usedBy == null) {
            return java.util.List.of();
        }
        String prefix = "/1.0/instances/";
        return usedBy.stream().filter(u -> u.startsWith(prefix)).map(u -> {
            String rest = u.substring(prefix.length());
            int query = rest.indexOf('?');
            String name = query < 0 ? rest : rest.substring(0, query);
            return java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8);
        }).filter(n -> !n.contains("/")).toList();
    }
}
