package dev.hako.ui.remotes;

import dev.hako.remote.RemoteConfig;
import dev.hako.remote.ServerCertificate;
import dev.hako.remote.ServerCertificateProbe;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.io.IOException;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * What a saved remote's address presents now against the pinned certificate. A
 * different certificate stays refused until the user, having checked it with the
 * server's administrator, confirms and accepts it here; it is then pinned and the
 * remote reconnects.
 */
public final class CertificateReviewViewModel {

    /** Pins the new certificate: saves {@code updated} in place of {@code old} and reopens the remote. */
    @FunctionalInterface
    public interface Pinner {
        void pin(RemoteConfig old, RemoteConfig updated) throws IOException;
    }

    private final TaskExecutor executor;
    private final I18n i18n;
    private final RemoteConfig remote;
    private final Pinner pinner;
    private final ReadOnlyObjectWrapper<ServerCertificate> presented = new ReadOnlyObjectWrapper<>(this, "presented");
    private final ReadOnlyObjectWrapper<Throwable> probeFailure = new ReadOnlyObjectWrapper<>(this, "probeFailure");
    private final ReadOnlyObjectWrapper<Throwable> refusal = new ReadOnlyObjectWrapper<>(this, "refusal");
    private final BooleanProperty confirmed = new SimpleBooleanProperty(this, "confirmed");

    /** {@code presented} is what the address showed already, or null to read it now. */
    public CertificateReviewViewModel(TaskExecutor executor, I18n i18n, RemoteConfig remote,
                                      ServerCertificate presented, Pinner pinner) {
        this.executor = executor;
        this.i18n = i18n;
        this.remote = remote;
        this.pinner = pinner;
        this.presented.set(presented);
    }

    /** Reads the certificate the address presents, unless it is known. */
    public void start() {
        if (presented.get() != null) {
            return;
        }
        executor.execute(BackgroundTask.of(progress -> ServerCertificateProbe.probe(remote.httpsAddress()))
                .onSuccess(presented::set).onFailure(probeFailure::set));
    }

    /** Whether the address presents the pinned certificate. */
    public boolean same() {
        return presented.get() != null && presented.get().fingerprint().equals(remote.fingerprint());
    }

    /** Pins the presented certificate once confirmed; {@code done} closes the dialog. */
    public void accept(Runnable done) {
        if (presented.get() == null || same() || !confirmed.get()) {
            return;
        }
        refusal.set(null);
        RemoteConfig updated = remote.withServerCertificate(presented.get().pem(), presented.get().fingerprint());
        try {
            pinner.pin(remote, updated);
            done.run();
        } catch (IOException | RuntimeException e) {
            refusal.set(e);
        }
    }

    public StringBinding titleText() {
        return Texts.of(i18n, () -> i18n.format("remotes.review.title", remote.name()));
    }

    /** What is going on before the certificate is known: reading it, or why it could not be read. */
    public StringBinding waitingText() {
        return Texts.of(i18n, () -> probeFailure.get() == null
                ? i18n.format("remotes.review.probing", remote.address()) : FailureText.of(i18n, probeFailure.get()),
                probeFailure);
    }

    public StringBinding headlineText() {
        return Texts.of(i18n, () -> same() ? i18n.format("remotes.review.same", remote.name())
                : i18n.format("remotes.review.changed", remote.name(), remote.address()), presented);
    }

    public StringBinding errorText() {
        return Texts.of(i18n, () -> refusal.get() == null ? ""
                : i18n.format("remotes.error.save", FailureText.of(i18n, refusal.get())), refusal);
    }

    public RemoteConfig remote() {
        return remote;
    }

    public ReadOnlyObjectProperty<ServerCertificate> presentedProperty() {
        return presented.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Throwable> probeFailureProperty() {
        return probeFailure.getReadOnlyProperty();
    }

    public BooleanProperty confirmedProperty() {
        return confirmed;
    }

    public I18n i18n() {
        return i18n;
    }
}
