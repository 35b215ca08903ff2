package dev.hako.ui.remotes;

import dev.hako.lxd.CertificateFingerprint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.model.ConnectionState;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.remote.ClientIdentities;
import dev.hako.remote.RemoteConfig;
import dev.hako.remote.RemotesFile;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.io.IOException;
import java.util.function.Consumer;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Manage remotes: the saved remotes in their order, with the default marked; rename,
 * remove (optionally taking our certificate out of the server's trust store first),
 * set the default and reorder. Every change is saved to {@code remotes.yml} at once;
 * a refused change is shown on one error line in the user's language.
 */
public final class ManageRemotesViewModel {

    /** Replaces an open remote's model after its name changed. */
    @FunctionalInterface
    public interface Reopener {
        void reopen(String oldName, RemoteConfig remote) throws IOException;
    }

    /** A failure and the sentence it is shown in ({@code key} with the failure's text as its argument). */
    private record Refusal(String key, Throwable failure) {
    }

    private final TaskExecutor executor;
    private final I18n i18n;
    private final RemotesFile file;
    private final Workspace workspace;
    private final ClientIdentities identities;
    private final Reopener reopener;
    private final ObservableList<RemoteConfig> remotes = FXCollections.observableArrayList();
    private final ObjectProperty<RemoteConfig> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<Refusal> refusal = new ReadOnlyObjectWrapper<>(this, "refusal");
    private final StringBinding errorText;
    private final Consumer<RemotesFile> fileChanged;

    public ManageRemotesViewModel(TaskExecutor executor, I18n i18n, RemotesFile file, Workspace workspace,
                                  ClientIdentities identities, Reopener reopener) {
        this.executor = executor;
        this.i18n = i18n;
        this.file = file;
        this.workspace = workspace;
        this.identities = identities;
        this.reopener = reopener;
        this.fileChanged = changed -> executor.runOnUi(this::reload);
        this.errorText = Texts.of(i18n, () -> {
            Refusal now = refusal.get();
            return now == null ? "" : now.key() == null ? FailureText.of(i18n, now.failure())
                    : i18n.format(now.key(), FailureText.of(i18n, now.failure()));
        }, refusal);
        reload();
    }

    /** Follows changes of the file made elsewhere until {@link #close()}. */
    public void open() {
        file.addListener(fileChanged);
    }

    public void close() {
        file.removeListener(fileChanged);
    }

    /** Reads the list again, keeping the selection by name. */
    public void reload() {
        String chosen = selected.get() == null ? null : selected.get().name();
        remotes.setAll(file.remotes());
        selected.set(chosen == null ? null : remotes.stream().filter(r -> r.name().equals(chosen)).findFirst()
                .orElse(null));
    }

    // --- what the table shows ----------------------------------------------------------------

    public String nameText(RemoteConfig remote) {
        return (remote.name().equals(file.defaultRemote()) ? "★ " : "") + remote.name();
    }

    public String kindText(RemoteConfig remote) {
        return i18n.get(remote.imageOnly() ? "remotes.manage.kindImages" : "remotes.manage.kindServer");
    }

    public String stateText(RemoteConfig remote) {
        if (remote.imageOnly()) {
            return i18n.get("remotes.manage.stateImages");
        }
        RemoteModel model = workspace.remote(remote.name());
        if (model == null) {
            return i18n.get("remotes.manage.stateClosed");
        }
        ConnectionState state = model.state();
        return switch (state.status()) {
            case ONLINE -> i18n.get("remotes.manage.stateOnline");
            case CONNECTING -> i18n.get("remotes.manage.stateConnecting");
            case OFFLINE -> i18n.format("remotes.manage.stateOffline", state.reason() == null ? "" : state.reason());
            case TOO_OLD -> FailureText.of(i18n, state.failure());
        };
    }

    /** Whether a remote has a server certificate to review (not an image server, not the local socket). */
    public static boolean reviewable(RemoteConfig remote) {
        return remote != null && !remote.imageOnly() && !remote.isLocal();
    }

    // --- changes ----------------------------------------------------------------------------

    private interface Change {
        void run() throws IOException;
    }

    /** Saves one change of the (small, local) file at once; a refusal is shown, not thrown. */
    private boolean save(Change change) {
        refusal.set(null);
        try {
            change.run();
            return true;
        } catch (IOException | RuntimeException e) {
            refusal.set(new Refusal("remotes.error.save", e));
            return false;
        }
    }

    public void setDefault() {
        RemoteConfig remote = selected.get();
        if (remote != null) {
            save(() -> file.setDefault(remote.name()));
        }
    }

    public void move(int delta) {
        RemoteConfig remote = selected.get();
        if (remote != null) {
            save(() -> file.move(remote.name(), delta));
        }
    }

    /** What is wrong with {@code newName} for the remote now called {@code oldName}, or null. */
    public String renameProblem(String oldName, String newName) {
        if (newName.equals(oldName)) {
            return null;
        }
        try {
            RemoteConfig.checkName(newName);
        } catch (IllegalArgumentException bad) {
            return FailureText.of(i18n, bad);
        }
        if (file.find(newName).isPresent() || workspace.remote(newName) != null) {
            return i18n.format("remotes.add.nameTaken", newName);
        }
        return null;
    }

    /** Renames in the file, and the open remote with it. */
    public void rename(RemoteConfig remote, String newName) {
        if (newName.equals(remote.name()) || !save(() -> file.rename(remote.name(), newName))) {
            return;
        }
        file.find(newName).ifPresent(renamed -> {
            if (workspace.remote(remote.name()) != null) {
                save(() -> reopener.reopen(remote.name(), renamed));
            }
        });
    }

    /** Whether our certificate can be taken out of the server's trust store: online, ours, over HTTPS. */
    public boolean canUntrust(RemoteConfig remote) {
        RemoteModel model = workspace.remote(remote.name());
        return model != null && model.state().online() && !remote.isLocal() && !remote.imageOnly()
                && remote.clientCertificate() == null;
    }

    /** Why the trust store is or is not offered for {@code remote}. */
    public String untrustNote(RemoteConfig remote) {
        if (remote.clientCertificate() != null) {
            return i18n.get("remotes.manage.untrustCli");
        }
        return i18n.get(canUntrust(remote) ? "remotes.manage.untrustHint" : "remotes.manage.untrustOffline");
    }

    /**
     * Removes the remote from the file and the window; with {@code alsoUntrust} first
     * removes our certificate from the server's trust store, and keeps the remote when
     * the server refuses.
     */
    public void remove(RemoteConfig remote, boolean alsoUntrust) {
        refusal.set(null);
        RemoteModel model = workspace.remote(remote.name());
        LxdClient client = model == null ? null : model.client();
        if (!alsoUntrust || !canUntrust(remote) || client == null) {
            forget(remote);
            return;
        }
        executor.execute(BackgroundTask.ofRunnable(() -> {
            try {
                client.certificates().delete(CertificateFingerprint.sha256(identities.of(remote).certificate()));
            } catch (NotFoundException alreadyGone) {
                // not in the trust store (any more): nothing to undo
            }
        }).onSuccess(done -> forget(remote))
                .onFailure(failure -> refusal.set(new Refusal("remotes.manage.untrustFailed", failure))));
    }

    private void forget(RemoteConfig remote) {
        if (save(() -> file.remove(remote.name()))) {
            workspace.remove(remote.name());
        }
    }

    // --- properties ---------------------------------------------------------------------

    public ObservableList<RemoteConfig> remotes() {
        return remotes;
    }

    public ObjectProperty<RemoteConfig> selectedProperty() {
        return selected;
    }

    /** The last refusal in the user's language, or "". */
    public StringBinding errorText() {
        return errorText;
    }

    /** Where the list is saved, and what ★ means only while a listed remote carries it. */
    public String fileText() {
        boolean starred = remotes.stream().anyMatch(r -> r.name().equals(file.defaultRemote()));
        return i18n.format(starred ? "remotes.manage.hint" : "remotes.manage.hintNoDefault", file.file());
    }

    public I18n i18n() {
        return i18n;
    }
}
