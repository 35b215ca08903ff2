package dev.hako.ui.wizard.init;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.UnreachableException;
import dev.hako.lxd.api.Network;
import dev.hako.model.RemoteModel;
import dev.hako.remote.init.Initialisation.Existing;
import dev.hako.remote.init.ServerFacts;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * What the wizard starts from: what the server is (read afresh) and what it has (from the
 * remote's live collections once they have loaded; read from the server only before that).
 */
final class InitialisationStart {

    private InitialisationStart() {
    }

    /**
     * Reads what the server is and has, then hands a view model to {@code ready}; says why not
     * through {@code dialogs} when the server cannot be read.
     */
    static void load(TaskExecutor executor, DialogService dialogs, I18n i18n, RemoteModel remote,
                     Consumer<InitialisationViewModel> ready) {
        String headline = i18n.format("init.startFailed", remote.name());
        LxdClient client = remote.client();
        if (client == null) {
            dialogs.showError(headline, new UnreachableException(remote.name(), null));
            return;
        }
        Optional<Existing> known = existing(remote);
        record Start(ServerFacts facts, Existing existing) {
        }
        executor.execute(BackgroundTask.of(progress -> new Start(ServerFacts.read(client),
                        known.orElseGet(() -> Existing.read(client))))
                .onSuccess(start -> ready.accept(new InitialisationViewModel(executor, dialogs, i18n, remote,
                        start.facts(), start.existing())))
                .onFailure(failure -> dialogs.showError(headline, failure)));
    }

    /** What the server has according to the remote's live collections, once they have all loaded. */
    static Optional<Existing> existing(RemoteModel remote) {
        if (!remote.storagePools().isLoaded() || !remote.networks().isLoaded() || !remote.projects().isLoaded()
                || !remote.profiles().isLoaded()) {
            return Optional.empty();
        }
        return Optional.of(new Existing(remote.storagePools().snapshot().keySet(),
                new TreeSet<>(remote.networks().snapshot().values().stream().filter(Network::managed)
                        .map(Network::name).toList()),
                remote.projects().snapshot().keySet(), remote.profiles().snapshot().keySet()));
    }
}
