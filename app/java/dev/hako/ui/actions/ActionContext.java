package dev.hako.ui.actions;

import dev.hako.lxd.LxdClient;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.BulkCalls;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.FxDialogService;
import dev.hako.ui.common.FxTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * What actions need: the window to own their dialogs, the language, the workspace,
 * the task executor for server calls and the dialog service to report failures.
 */
public final class ActionContext {

    /** How many calls of one bulk action run at once; the server serialises much of it anyway. */
    private static final int BULK_PARALLELISM = 4;

    private final Supplier<Window> owner;
    private final I18n i18n;
    private final Workspace workspace;
    private final TaskExecutor tasks;
    private final DialogService dialogs;

    /** {@code workspace} may be null for actions that work on one known remote (detail views). */
    public ActionContext(Supplier<Window> owner, I18n i18n, Workspace workspace) {
        this(owner, i18n, workspace, FxTaskExecutor.get(), new FxDialogService(owner, i18n));
    }

    public ActionContext(Supplier<Window> owner, I18n i18n, Workspace workspace, TaskExecutor tasks,
                         DialogService dialogs) {
        this.owner = owner;
        this.i18n = i18n;
        this.workspace = workspace;
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    public Window owner() {
        return owner.get();
    }

    public I18n i18n() {
        return i18n;
    }

    public Workspace workspace() {
        return workspace;
    }

    public TaskExecutor tasks() {
        return tasks;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    /** The connected client of a remote, or null after telling the user it is offline. */
    LxdClient clientOf(RemoteModel remote) {
        LxdClient client = remote.client();
        if (client == null) {
            dialogs.showError(i18n.format("action.reachRemote", remote.name()),
                    new dev.hako.lxd.UnreachableException(remote.state().reason() == null ? remote.name()
                            : remote.state().reason(), null));
        }
        return client;
    }

    /** Runs one server call in the background; a failure is shown with the server's words. */
    void perform(String action, Runnable work, Runnable onSuccess) {
        tasks.execute(BackgroundTask.ofRunnable(work::run).onSuccess(ignored -> onSuccess.run())
                .onFailure(failure -> dialogs.showError(action, failure)));
    }

    void perform(String action, Runnable work) {
        perform(action, work, () -> { });
    }

    /**
     * Runs the same call for several objects, a few at a time, and reports every
     * failure together; the others still happen.
     */
    void performEach(String action, List<String> names, Consumer<String> work, Runnable onDone) {
        tasks.execute(BackgroundTask.<java.util.Map<String, String>>of(progress -> BulkCalls.run(names, work, BULK_PARALLELISM,
                        failure -> FailureText.of(i18n, failure)))
                .onSuccess(failures -> {
                    onDone.run();
                    if (failures.size() == 1) {
                        var only = failures.entrySet().iterator().next();
                        dialogs.showError(action + " (" + only.getKey() + ")",
                                new dev.hako.lxd.LxdException(only.getValue(), 0, only.getValue()));
                    } else if (!failures.isEmpty()) {
                        dialogs.showErrors(action, failures);
                    }
                })
                .onFailure(failure -> dialogs.showError(action, failure)));
    }
}
