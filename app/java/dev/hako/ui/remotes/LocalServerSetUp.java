package dev.hako.ui.remotes;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.UnreachableException;
import dev.hako.model.ConnectionState;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.remote.LocalServers;
import dev.hako.remote.LocalServers.LocalServer;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.welcome.SocketAccess;
import dev.hako.ui.welcome.UserAccount;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * "Set up a server on this computer": looks again for a local LXD or Incus this user can
 * reach (one installed, or made reachable, since Hako started), opens it as a remote and
 * starts the initialisation wizard on it. Finding none, it says what to install.
 */
final class LocalServerSetUp {

    private final Workspace workspace;
    private final Map<String, String> env;
    private final UserAccount user;
    private final TaskExecutor tasks;

    LocalServerSetUp(Workspace workspace, Map<String, String> env, UserAccount user, TaskExecutor tasks) {
        this.workspace = workspace;
        this.env = env;
        this.user = user;
        this.tasks = tasks;
    }

    /**
     * Called on the FX thread; the sockets are looked at in the background. {@code wizard} opens
     * the initialisation wizard on a connected remote.
     */
    void run(DialogService dialogs, Consumer<RemoteModel> wizard) {
        I18n i18n = dialogs.i18n();
        tasks.execute(BackgroundTask.of(progress -> LocalServers.discover(env).stream()
                        .filter(s -> SocketAccess.check(s, user).verdict() == SocketAccess.Verdict.USABLE).findFirst())
                .onSuccess(usable -> {
                    if (usable.isEmpty()) {
                        dialogs.inform(i18n.get("welcome.init.title"), i18n.get("welcome.init.noneFound"));
                        return;
                    }
                    whenConnected(open(usable.get()), dialogs, wizard);
                })
                .onFailure(failure -> dialogs.showError(i18n.get("welcome.init.title"), failure)));
    }

    /** The remote of that socket: the one already open under its name, or a new one added to the window. */
    private RemoteModel open(LocalServer local) {
        RemoteModel known = workspace.remote(local.name());
        if (known != null) {
            return known;
        }
        RemoteModel remote = new RemoteModel(local.name(), new Endpoint.UnixSocket(local.socket()));
        workspace.add(remote);
        return remote;
    }

    /** The wizard reads the server first, so it opens once the remote has connected (or says why it cannot). */
    private void whenConnected(RemoteModel remote, DialogService dialogs, Consumer<RemoteModel> wizard) {
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Consumer<ConnectionState>> self = new AtomicReference<>();
        Consumer<ConnectionState> onState = state -> {
            boolean ready = state.online() && remote.client() != null;
            boolean failed = state.status() == ConnectionState.Status.OFFLINE
                    || state.status() == ConnectionState.Status.TOO_OLD;
            if ((ready || failed) && done.compareAndSet(false, true)) {
                // Only the first decisive state matters: later reconnects are not questions to this wizard.
                remote.removeStateListener(self.get());
                tasks.runOnUi(() -> {
                    if (ready) {
                        wizard.accept(remote);
                    } else {
                        dialogs.showError(dialogs.i18n().format("init.startFailed", remote.name()),
                                new UnreachableException(remote.name(), null));
                    }
                });
            }
        };
        self.set(onState);
        // Called at once with the state as it is, then on each change.
        remote.addStateListener(onState);
    }
}
