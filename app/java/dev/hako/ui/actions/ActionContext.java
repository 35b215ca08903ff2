package dev.hako.ui.actions;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.UnreachableException;
import dev.hako.model.ActionCommands;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
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
    private java.util.function.BiConsumer<String, String> showInstance = (remote, instance) -> { };

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

    /** How an action brings the instance it made or renamed into view (the main window selects its row). */
    public void onShowInstance(java.util.function.BiConsumer<String, String> show) {
        this.showInstance = show;
    }

    /** Brings an instance into view once the window knows it. */
    public void showInstance(String remote, String instance) {
        showInstance.accept(remote, instance);
    }

    /** The command lines for actions on {@code remote}'s objects, in the project its client works in. */
    public static ActionCommands commands(RemoteModel remote, LxdClient client) {
        return new ActionCommands(client.kind(), remote.name(), client.project());
    }

    /** The connected client of a remote, or null after telling the user it is offline. */
    public LxdClient clientOf(RemoteModel remote) {
        LxdClient client = remote.client();
        if (client == null) {
            dialogs.showError(i18n.format("action.notConnected", remote.name()),
                    new UnreachableException(remote.state().reason() == null ? remote.name()
                            : remote.state().reason(), null));
        }
        return client;
    }

    /**
     * Runs one server call in the background; a failure is shown under {@code headline}, a
     * finished sentence that names what could not be done ("Could not rename web"), with the
     * server's words below it.
     */
    public void perform(String headline, BackgroundTask.ThrowingRunnable work, Runnable onSuccess) {
        tasks.execute(BackgroundTask.ofRunnable(work).onSuccess(ignored -> onSuccess.run())
                .onFailure(failure -> dialogs.showError(headline, failure)));
    }

    public void perform(String headline, BackgroundTask.ThrowingRunnable work) {
        perform(headline, work, () -> { });
    }

    /**
     * The headlines of a bulk action's failures, each a finished sentence in the user's
     * language: {@code one} when a single call failed, given that object's name ("Could not
     * start web"); {@code many} when several did, given how many of how many ("Could not
     * start 2 of 5 instances").
     */
    public record BulkHeadlines(Function<String, String> one, Counted many) {

        /** The headline when none of {@code names} came through (one object named, several counted). */
        public String all(List<String> names) {
            return names.size() == 1 ? one.apply(names.get(0)) : many.of(names.size(), names.size());
        }

        /** The headline for {@code failed} failed calls out of {@code total}. */
        @FunctionalInterface
        public interface Counted {
            String of(int failed, int total);
        }
    }

    /**
     * Runs the same call for several objects, a few at a time, and reports every
     * failure together; the others still happen. One failure alone is shown as such,
     * with its hint.
     */
    public void performEach(BulkHeadlines headlines, List<String> names, Consumer<String> work, Runnable onDone) {
        Map<String, Throwable> failures = new ConcurrentHashMap<>();
        tasks.execute(BackgroundTask.of(progress -> BulkCalls.run(names, name -> {
                    try {
                        work.accept(name);
                    } catch (RuntimeException failure) {
                        failures.put(name, failure);
                        throw failure;
                    }
                }, BULK_PARALLELISM, failure -> FailureText.of(i18n, failure)))
                .onSuccess(described -> {
                    onDone.run();
                    reportEach(headlines, names.size(), described, failures);
                })
                // Interrupted before the calls were done: what became of them is not known.
                .onFailure(failure -> dialogs.showError(headlines.all(names), failure)));
    }

    private void reportEach(BulkHeadlines headlines, int total, Map<String, String> described,
                            Map<String, Throwable> failures) {
        if (described.size() == 1) {
            String name = described.keySet().iterator().next();
            dialogs.showError(headlines.one().apply(name), failures.get(name));
        } else if (!described.isEmpty()) {
            dialogs.showErrors(headlines.many().of(described.size(), total), described);
        }
    }
}
