package dev.hako.ui.cluster;

import dev.hako.lxd.Endpoint;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.remote.RemoteConfig;
import dev.hako.remote.ServerCertificate;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.remotes.RemotesController;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A server that joins a cluster answers HTTPS with the cluster's certificate from then
 * on. The wizard checked that certificate (it came from the cluster over a pinned
 * connection), so the joined remote is pinned to it here, in the saved remotes too,
 * instead of the user being asked to review a "changed" certificate.
 */
public final class MemberCertificates {

    private static final Logger LOG = Logger.getLogger(MemberCertificates.class.getName());
    private static volatile RemotesController saved;

    private MemberCertificates() {
    }

    /** The window's saved remotes, so a re-pin is written to the remotes file. */
    public static void useSavedRemotes(RemotesController remotes) {
        saved = remotes;
    }

    /** The client certificate a remote is reached with over HTTPS (none for a unix socket). */
    static List<X509Certificate> clientCertificates(RemoteModel remote) {
        return remote.endpoint() instanceof Endpoint.Https https && https.identity() != null
                ? List.of(https.identity().certificate()) : List.of();
    }

    /**
     * Pins the joined remote to the cluster certificate and reconnects it; a unix socket
     * remote is re-read. The remotes file is written in the background; the remote is
     * reopened on the UI thread once it is.
     */
    static void repin(TaskExecutor tasks, Workspace workspace, RemoteModel joined, String clusterCertificatePem) {
        if (!(joined.endpoint() instanceof Endpoint.Https https) || clusterCertificatePem == null) {
            joined.refresh();
            return;
        }
        String fingerprint = ServerCertificate.fromPem(clusterCertificatePem).fingerprint();
        if (fingerprint.equals(https.pinnedFingerprint())) {
            joined.refresh();
            return;
        }
        Runnable pinHere = () -> {
            workspace.remove(joined.name());
            workspace.add(new RemoteModel(joined.name(), new Endpoint.Https(https.host(), https.port(),
                    https.identity(), fingerprint), joined.project()));
        };
        RemotesController remotes = saved;
        RemoteConfig config = remotes == null || remotes.workspace() != workspace ? null
                : remotes.file().find(joined.name()).orElse(null);
        if (config == null) {
            pinHere.run();
            return;
        }
        RemoteConfig updated = config.withServerCertificate(clusterCertificatePem, fingerprint);
        tasks.execute(BackgroundTask.ofRunnable(() -> remotes.file().replace(updated))
                .onSuccess(written -> {
                    try {
                        remotes.reopen(joined.name(), updated);
                    } catch (IOException | RuntimeException e) {
                        LOG.log(Level.WARNING, "cannot reopen " + joined.name(), e);
                        pinHere.run();
                    }
                })
                .onFailure(failure -> {
                    LOG.log(Level.WARNING, "cannot save the new certificate of " + joined.name(), failure);
                    pinHere.run();
                }));
    }
}
