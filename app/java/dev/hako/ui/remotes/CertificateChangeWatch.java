package dev.hako.ui.remotes;

import dev.hako.lxd.Endpoint;
import dev.hako.model.ConnectionState;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.remote.RemoteConfig;
import dev.hako.remote.ServerCertificate;
import dev.hako.remote.ServerCertificateProbe;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.TaskExecutor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * Notices a saved remote whose server now presents another certificate than the
 * pinned one. The connection is already refused by the pin; this tells the user why
 * (once per new certificate) and offers the review, instead of a silent "offline".
 * Probes run through the task executor; the waits between them are timelines on the
 * UI thread, where all of this class's state lives.
 */
final class CertificateChangeWatch {

    static final long FIRST_RETRY_MILLIS = 1000;
    static final long MAX_RETRY_MILLIS = 30_000;

    /** What a probe of an offline remote means. */
    enum Outcome {
        /** The pinned certificate (the server is just down or unreachable): probe again later. */
        RETRY,
        /** Another certificate, not reported yet: tell the user. */
        REPORT,
        /** Another certificate that was reported already: stay quiet. */
        QUIET
    }

    private final RemotesController remotes;
    private final TaskExecutor executor;
    private final BiConsumer<RemoteConfig, ServerCertificate> report;
    private final Set<String> probing = new HashSet<>();
    private final Map<String, String> reported = new HashMap<>();
    private boolean started;

    /** {@code report} shows the review of a remote whose server presents another certificate. */
    CertificateChangeWatch(RemotesController remotes, TaskExecutor executor,
                           BiConsumer<RemoteConfig, ServerCertificate> report) {
        this.remotes = remotes;
        this.executor = executor;
        this.report = report;
    }

    static Outcome outcome(String pinned, String presented, String alreadyReported) {
        if (presented.equals(pinned)) {
            return Outcome.RETRY;
        }
        return presented.equals(alreadyReported) ? Outcome.QUIET : Outcome.REPORT;
    }

    /** The wait after {@code delay}: doubled, up to the maximum. */
    static long nextDelay(long delay) {
        return Math.min(MAX_RETRY_MILLIS, delay * 2);
    }

    void start() {
        if (started) {
            return;
        }
        started = true;
        remotes.workspace().remotes().forEach(this::watch);
        remotes.workspace().addListener(new Workspace.Listener() {
            @Override
            public void added(RemoteModel remote) {
                executor.runOnUi(() -> watch(remote));
            }

            @Override
            public void removed(RemoteModel remote) {
                executor.runOnUi(() -> reported.remove(remote.name()));
            }
        });
    }

    private void watch(RemoteModel model) {
        if (!(model.endpoint() instanceof Endpoint.Https https)) {
            return;
        }
        model.addStateListener(state -> executor.runOnUi(() -> {
            if (state.status() == ConnectionState.Status.OFFLINE && probing.add(model.name())) {
                check(model, https, FIRST_RETRY_MILLIS);
            }
        }));
    }

    /**
     * Probes the address while the remote stays offline (a server that is down now
     * may come back with another certificate), waiting longer each time; stops once it
     * is online, removed, or the change was reported.
     */
    private void check(RemoteModel model, Endpoint.Https pinned, long delayMillis) {
        RemoteConfig saved = remotes.file().find(model.name()).orElse(null);
        if (saved == null || saved.isLocal() || remotes.workspace().remote(model.name()) != model
                || model.state().status() != ConnectionState.Status.OFFLINE) {
            probing.remove(model.name());
            return;
        }
        executor.execute(BackgroundTask.of(progress -> ServerCertificateProbe.probe(saved.httpsAddress()))
                .onSuccess(presented -> {
                    switch (outcome(pinned.pinnedFingerprint(), presented.fingerprint(), reported.get(model.name()))) {
                        case RETRY -> later(model, pinned, delayMillis);
                        case QUIET -> probing.remove(model.name());
                        case REPORT -> {
                            probing.remove(model.name());
                            reported.put(model.name(), presented.fingerprint());
                            report.accept(saved, presented);
                        }
                    }
                })
                .onFailure(unreachable -> later(model, pinned, delayMillis)));
    }

    private void later(RemoteModel model, Endpoint.Https pinned, long delayMillis) {
        new Timeline(new KeyFrame(Duration.millis(delayMillis),
                e -> check(model, pinned, nextDelay(delayMillis)))).play();
    }
}
