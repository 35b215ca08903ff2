package dev.hako.ui.remotes;

import dev.hako.lxd.Endpoint;
import dev.hako.model.ConnectionState;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.remote.RemoteConfig;
import dev.hako.remote.ServerCertificate;
import dev.hako.remote.ServerCertificateProbe;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * Notices a saved remote whose server now presents another certificate than the
 * pinned one. The connection is already refused by the pin; this tells the user why
 * (once per new certificate) and offers the review, instead of a silent "offline".
 */
final class CertificateChangeWatch {

    private static final long FIRST_PROBE_MILLIS = 1000;
    private static final long MAX_PROBE_MILLIS = 30_000;
    private static final ScheduledExecutorService PROBES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hako-certificate-watch");
        t.setDaemon(true);
        return t;
    });

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
            if (state.status() == ConnectionState.Status.OFFLINE && probing.add(model.name())) {
                PROBES.execute(() -> check(model, https, FIRST_PROBE_MILLIS));
            }
        });
    }

    /**
     * Probes the address while the remote stays offline (a server that is down now
     * may come back with another certificate), with backoff; stops once it is
     * online, removed, or the change was reported.
     */
    private void check(RemoteModel model, Endpoint.Https pinned, long delayMillis) {
        RemoteConfig saved = remotes.file().find(model.name()).orElse(null);
        if (saved == null || saved.isLocal() || remotes.workspace().remote(model.name()) != model
                || model.state().status() != ConnectionState.Status.OFFLINE) {
            probing.remove(model.name());
            return;
        }
        try {
            ServerCertificate presented = ServerCertificateProbe.probe(saved.httpsAddress());
            if (!presented.fingerprint().equals(pinned.pinnedFingerprint())) {
                probing.remove(model.name());
                if (!presented.fingerprint().equals(reported.get(model.name()))) {
                    reported.put(model.name(), presented.fingerprint());
                    show(saved, presented);
                }
                return;
            }
        } catch (RuntimeException unreachable) {
            // down or unreachable: try again later
        }
        PROBES.schedule(() -> check(model, pinned, Math.min(MAX_PROBE_MILLIS, delayMillis * 2)), delayMillis,
                TimeUnit.MILLISECONDS);
    }

    private void show(RemoteConfig saved, ServerCertificate presented) {
        Platform.runLater(() -> new CertificateReviewDialog(remotes, remotes.i18n(), saved, presented)
                .show(owner.get()));
    }
}
