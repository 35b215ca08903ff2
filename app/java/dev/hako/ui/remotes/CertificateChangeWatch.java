package dev.hako.ui.remotes;

import dev.hako.lxd.Endpoint;
import dev.hako.model.ConnectionState;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.remote.RemoteConfig;
import dev.hako.remote.ServerCertificate;
import dev.hako.remote.ServerCertificateProbe;
import dev.hako.ui.common.TaskRunner;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * Notices a saved remote whose server now presents another certificate than the
 * pinned one. The connection is already refused by the pin; this tells the user why
 * (once per new certificate) and offers the review, instead of a silent "offline".
 */
final class CertificateChangeWatch {

    private final RemotesController remotes;
    private final Set<String> probing = ConcurrentHashMap.newKeySet();
    private final Map<String, String> reported = new ConcurrentHashMap<>();
    private volatile Supplier<Window> owner = () -> null;
    private boolean started;

    CertificateChangeWatch(RemotesController remotes) {
        this.remotes = remotes;
    }

    void setOwner(Supplier<Window> owner) {
        this.owner = owner;
    }

    synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        remotes.workspace().remotes().forEach(this::watch);
        remotes.workspace().addListener(new Workspace.Listener() {
            @Override
            public void added(RemoteModel remote) {
                watch(remote);
            }

            @Override
            public void removed(RemoteModel remote) {
                reported.remove(remote.name());
            }
        });
    }

    private void watch(RemoteModel model) {
        if (!(model.endpoint() instanceof Endpoint.Https https)) {
            return;
        }
        model.addStateListener(state -> {
            if (state.status() == ConnectionState.Status.OFFLINE) {
                check(model, https);
            }
        });
    }

    private void check(RemoteModel model, Endpoint.Https pinned) {
        RemoteConfig saved = remotes.file().find(model.name()).orElse(null);
        if (saved == null || saved.isLocal() || !probing.add(model.name())) {
            return;
        }
        TaskRunner.run(() -> ServerCertificateProbe.probe(saved.httpsAddress()), presented -> {
            probing.remove(model.name());
            if (!presented.fingerprint().equals(pinned.pinnedFingerprint())
                    && !presented.fingerprint().equals(reported.get(model.name()))
                    && remotes.workspace().remote(model.name()) == model) {
                reported.put(model.name(), presented.fingerprint());
                show(saved, presented);
            }
        }, unreachable -> probing.remove(model.name()));
    }

    private void show(RemoteConfig saved, ServerCertificate presented) {
        Platform.runLater(() -> new CertificateReviewDialog(remotes, remotes.i18n(), saved, presented)
                .show(owner.get()));
    }
}
