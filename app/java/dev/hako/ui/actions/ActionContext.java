package dev.hako.ui.actions;

import dev.hako.lxd.LxdClient;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.ui.common.Dialogs;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/**
 * What actions need: the window to own their dialogs, the language, the workspace,
 * and one way to run server calls in the background and report failures.
 */
public final class ActionContext {

    /** How many calls of one bulk action run at once; the server serialises much of it anyway. */
    private static final int BULK_PARALLELISM = 4;
    private static final ExecutorService BULK = Executors.newFixedThreadPool(BULK_PARALLELISM, r -> {
        Thread t = new Thread(r, "hako-bulk");
        t.setDaemon(true);
        return t;
    });

    private final Supplier<Window> owner;
    private final I18n i18n;
    private final Workspace workspace;

    /** {@code workspace} may be null for actions that work on one known remote (detail views). */
    public ActionContext(Supplier<Window> owner, I18n i18n, Workspace workspace) {
        this.owner = owner;
        this.i18n = i18n;
        this.workspace = workspace;
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

    /** The connected client of a remote, or null after telling the user it is offline. */
    LxdClient clientOf(RemoteModel remote) {
        LxdClient client = remote.client();
        if (client == null) {
            Dialogs.showError(owner(), i18n, i18n.format("action.reachRemote", remote.name()),
                    new dev.hako.lxd.UnreachableException(remote.state().reason() == null ? remote.name()
                            : remote.state().reason(), null));
        }
        return client;
    }

    /** Runs one server call in the background; a failure is shown with the server's words. */
    void perform(String action, Runnable work, Runnable onSuccess) {
        TaskRunner.run(work, onSuccess, failure -> Dialogs.showError(owner(), i18n, action, failure));
    }

    void perform(String action, Runnable work) {
        perform(action, work, () -> { });
    }

    /**
     * Runs the same call for several objects, a few at a time, and reports every
     * failure together; the others still happen.
     */
    void performEach(String action, List<String> names, Consumer<String> work, Runnable onDone) {
        TaskRunner.run(() -> {
            Map<String, Future<?>> running = new LinkedHashMap<>();
            for (String name : names) {
                running.put(name, BULK.submit(() -> work.accept(name)));
            }
            Map<String, String> failures = new LinkedHashMap<>();
            running.forEach((name, future) -> {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable cause = e.getCause();
                    failures.put(name, cause instanceof dev.hako.lxd.LxdException lxd && lxd.serverMessage() != null
                            ? lxd.serverMessage() : String.valueOf(cause.getMessage()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures.put(name, "interrupted");
                }
            });
            return failures;
        }, failures -> {
            onDone.run();
            if (!failures.isEmpty()) {
                showFailures(action, failures);
            }
        }, failure -> Dialogs.showError(owner(), i18n, action, failure));
    }

    private void showFailures(String action, Map<String, String> failures) {
        if (failures.size() == 1) {
            var only = failures.entrySet().iterator().next();
            Dialogs.showError(owner(), i18n, action + " (" + only.getKey() + ")",
                    new dev.hako.lxd.LxdException(only.getValue(), 0, only.getValue()));
            return;
        }
        List<String> lines = new ArrayList<>();
        failures.forEach((name, message) -> lines.add(name + ": " + message));
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner());
        dev.hako.ui.common.Theme.styleDialog(alert.getDialogPane(), owner());
        alert.setTitle(i18n.get("error.title"));
        alert.setHeaderText(i18n.format("error.bulkHeader", action, failures.size()));
        TextArea text = new TextArea(String.join("\n", lines));
        text.setEditable(false);
        text.setWrapText(true);
        alert.getDialogPane().setContent(text);
        alert.show();
    }
}
