package dev.hako.ui.remotes;

import dev.hako.lxd.CertificateFingerprint;
import dev.hako.lxd.ServerKind;
import dev.hako.model.ActionCommands;
import dev.hako.model.Workspace;
import dev.hako.remote.AddRemote;
import dev.hako.remote.CliRemotes;
import dev.hako.remote.RemoteAddress;
import dev.hako.remote.RemoteConfig;
import dev.hako.remote.ServerCertificate;
import dev.hako.remote.TrustToken;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.LatestTask;
import dev.hako.ui.common.TaskExecutor;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Add remote": the address (or a pasted trust token that names it), the server's
 * certificate reviewed and accepted, trust asked for with a password or a token, then
 * enrolment and saving in one go ({@link AddRemote}). Each page says what is wrong
 * with it in the user's language; the server calls run through the task executor and
 * {@link #revisionProperty()} moves whenever one of them changed what a page shows.
 * The trust page's choices are {@link #trust()}; its secrets are cleared once sent and
 * when the wizard closes.
 */
public final class AddRemoteViewModel {

    /** The wizard's pages, in order. */
    public enum Page { ADDRESS, CERTIFICATE, TRUST, CONNECT }

    /** Opens a saved remote in the window (its tree appears). */
    @FunctionalInterface
    public interface RemoteOpener {
        void open(RemoteConfig remote) throws IOException;
    }

    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final I18n i18n;
    private final AddRemote addRemote;
    private final Workspace workspace;
    private final RemoteOpener opener;
    private final LatestTask probing;
    private final LatestTask detecting;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final BooleanProperty imageServer = new SimpleBooleanProperty(this, "imageServer");
    private final BooleanProperty accepted = new SimpleBooleanProperty(this, "accepted");
    private final TrustChoiceViewModel trust;

    private final ReadOnlyObjectWrapper<AddRemote.Target> target = new ReadOnlyObjectWrapper<>(this, "target");
    private final ReadOnlyObjectWrapper<ServerCertificate> certificate = new ReadOnlyObjectWrapper<>(this, "cert");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");
    private final ReadOnlyObjectWrapper<RemoteConfig> saved = new ReadOnlyObjectWrapper<>(this, "saved");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private AddRemote.Target probed;
    private Throwable probeFailure;
    private Throwable kindFailure;
    private Throwable finishFailure;

    public AddRemoteViewModel(TaskExecutor executor, DialogService dialogs, I18n i18n, AddRemote addRemote,
                              Workspace workspace, Supplier<List<CliRemotes.CliConfig>> cliConfigs,
                              RemoteOpener opener) {
        this.executor = executor;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.addRemote = addRemote;
        this.workspace = workspace;
        this.trust = new TrustChoiceViewModel(i18n, addRemote.identities(), cliConfigs);
        this.opener = opener;
        this.probing = new LatestTask(executor);
        this.detecting = new LatestTask(executor);
        probing.runningProperty().addListener((o, a, b) -> changed());
        detecting.runningProperty().addListener((o, a, b) -> changed());
        working.addListener((o, a, b) -> changed());
    }

    // --- the pages' checks ----------------------------------------------------------

    /** What is wrong with {@code page} now, in the user's language, or null. */
    public String problem(Page page) {
        return switch (page) {
            case ADDRESS -> addressProblem();
            case CERTIFICATE -> certificateProblem();
            case TRUST -> trustProblem();
            case CONNECT -> finishFailure == null ? null
                    : i18n.format("remotes.error.add", FailureText.of(i18n, finishFailure));
        };
    }

    String addressProblem() {
        String chosen = name.get().strip();
        try {
            RemoteConfig.checkName(chosen);
        } catch (IllegalArgumentException bad) {
            return FailureText.of(i18n, bad);
        }
        if (addRemote.file().find(chosen).isPresent() || workspace.remote(chosen) != null) {
            return i18n.format("remotes.add.nameTaken", chosen);
        }
        try {
            resolve();
        } catch (IllegalArgumentException bad) {
            boolean pastedToken = !imageServer.get() && AddRemote.looksLikeToken(address.get().strip());
            return i18n.format(pastedToken ? "remotes.trust.badToken" : "remotes.add.badAddress",
                    FailureText.of(i18n, bad));
        }
        return null;
    }

    private AddRemote.Target resolve() {
        if (imageServer.get()) {
            AddRemote.imageServer(name.get().strip(), address.get());
            return null;
        }
        return AddRemote.target(address.get());
    }

    String certificateProblem() {
        if (imageServer.get()) {
            return null;
        }
        if (probeFailure != null) {
            return FailureText.of(i18n, probeFailure);
        }
        if (certificate.get() == null) {
            return i18n.format("remotes.cert.reading", target.get() == null ? "" : target.get().address().url());
        }
        if (pastedToken() != null && !tokenMatches()) {
            return i18n.get("remotes.cert.tokenDiffers");
        }
        return accepted.get() ? null : i18n.get("remotes.cert.needAccept");
    }

    String trustProblem() {
        if (imageServer.get()) {
            return null;
        }
        if (kindFailure != null) {
            return i18n.format("remotes.error.connect", FailureText.of(i18n, kindFailure));
        }
        if (trust.kindProperty().get() == null) {
            return i18n.get("remotes.trust.detecting");
        }
        return trust.problem(certificate.get());
    }

    // --- moving through the pages -------------------------------------------------------

    /** The wizard shows {@code page}: start what it needs from the server, unless that is known already. */
    public void enter(Page page) {
        switch (page) {
            case CERTIFICATE -> enterCertificate();
            case TRUST -> enterTrust();
            case CONNECT -> {
                finishFailure = null;
                changed();
            }
            default -> { }
        }
    }

    private void enterCertificate() {
        AddRemote.Target now;
        try {
            now = resolve();
        } catch (IllegalArgumentException bad) {
            return; // the address page does not let this happen
        }
        target.set(now);
        if (now == null || now.equals(probed) && (certificate.get() != null || probing.isRunning())) {
            return;
        }
        probed = now;
        certificate.set(null);
        trust.setKind(null);
        probeFailure = null;
        kindFailure = null;
        accepted.set(false);
        if (now.token() != null) {
            trust.usePastedToken(now.token());
        }
        probing.run(BackgroundTask.of(progress -> addRemote.probe(now.address())).onSuccess(found -> {
            certificate.set(found);
            // The token's fingerprint is the independent check the CLI relies on: a match is accepted.
            accepted.set(now.token() != null && tokenMatches());
            changed();
        }).onFailure(failure -> {
            probeFailure = failure;
            changed();
        }));
    }

    private void enterTrust() {
        trust.refreshIdentities();
        ServerCertificate accepted = certificate.get();
        AddRemote.Target where = target.get();
        if (imageServer.get() || accepted == null || where == null || trust.kindProperty().get() != null
                || detecting.isRunning()) {
            return;
        }
        kindFailure = null;
        // LXD or Incus, asked over a connection pinned to the accepted certificate, before any secret is asked for.
        detecting.run(BackgroundTask.of(progress -> addRemote.kind(where.address(), accepted))
                .onSuccess(this::kindFound)
                .onFailure(failure -> {
                    kindFailure = failure;
                    changed();
                }));
    }

    /** The server said what it is. */
    void kindFound(ServerKind found) {
        kindFailure = null;
        trust.setKind(found);
        changed();
    }

    /**
     * Enrols and saves (an image server is only saved), then opens the remote; the
     * wizard closes through {@code done} or stays open with the reason on its last page
     * through {@code failed}.
     */
    public void finish(Runnable done, Runnable failed) {
        finishFailure = null;
        working.set(true);
        BackgroundTask<RemoteConfig> task;
        if (imageServer.get()) {
            RemoteConfig images = AddRemote.imageServer(name.get().strip(), address.get());
            task = BackgroundTask.of(progress -> addRemote.addImageServer(images));
        } else {
            AddRemote.Request request = new AddRemote.Request(name.get().strip(), target.get().address(),
                    certificate.get(), trust.clientDirectory(), trust.credential());
            task = BackgroundTask.of(progress -> addRemote.add(request).remote());
        }
        executor.execute(task.onSuccess(remote -> {
            saved.set(remote);
            clearSecrets();
            if (!remote.imageOnly()) {
                open(remote);
            }
            done.run();
        }).onFailure(failure -> {
            finishFailure = failure;
            failed.run();
        }).onFinished(() -> working.set(false)));
    }

    private void open(RemoteConfig remote) {
        try {
            opener.open(remote);
        } catch (IOException | RuntimeException failure) {
            // Saved all the same: it opens with the next start.
            dialogs.showError(i18n.format("remotes.openFailed", remote.name()), failure);
        }
    }

    /** Forgets the password and the token (after use, and when the wizard closes). */
    public void clearSecrets() {
        trust.clearSecrets();
    }

    /** The wizard closed: what still runs for its pages is dropped, and the secrets are forgotten. */
    public void close() {
        probing.cancel();
        detecting.cancel();
        clearSecrets();
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }

    // --- what the pages show -------------------------------------------------------------

    private TrustToken pastedToken() {
        return target.get() == null ? null : target.get().token();
    }

    /** Whether the address field held a trust token. */
    public boolean tokenPasted() {
        return pastedToken() != null;
    }

    /** Whether the pasted token names the certificate the address presented. */
    public boolean tokenMatches() {
        TrustToken pasted = pastedToken();
        return pasted != null && certificate.get() != null
                && CertificateFingerprint.normalise(pasted.fingerprint()).equals(certificate.get().fingerprint());
    }

    /** Whether the user may tick "this is the server's certificate": not when the pasted token says otherwise. */
    public boolean acceptable() {
        return certificate.get() != null && (pastedToken() == null || tokenMatches());
    }

    /** The address the pages talk about ({@code https://host:port}), or "". */
    public String url() {
        RemoteAddress where = target.get() == null ? null : target.get().address();
        return where == null ? "" : where.url();
    }

    /** What Finish will do, for the last page. */
    public String summary() {
        String where = addRemote.file().file().toString();
        if (imageServer.get()) {
            return i18n.format("remotes.connect.summaryImages", name.get().strip(), address.get().strip(), where);
        }
        return i18n.format("remotes.connect.summary", name.get().strip(), url(),
                trust.identityText(trust.identityProperty().get()), trust.howText(), where);
    }

    /** The CLI line that adds the same remote, with no secret on it (see {@link ActionCommands#addRemote}). */
    public String command() {
        return ActionCommands.addRemote(trust.kindProperty().get(), name.get().strip(), imageServer.get()
                ? AddRemote.imageServerUrl(address.get()) : url(), imageServer.get(),
                tokenPasted() || trust.trustProperty().get() == TrustChoiceViewModel.Trust.TOKEN);
    }

    /** The state of the last page's work: running, failed, or nothing yet. */
    public String status() {
        if (working.get()) {
            return imageServer.get() ? i18n.get("remotes.connect.saving") : i18n.format("remotes.connect.running", url());
        }
        return finishFailure == null ? "" : i18n.get("remotes.connect.failed");
    }

    public String trustServerText() {
        ServerKind kind = trust.kindProperty().get();
        return i18n.format("remotes.trust.server", url(), kind == null ? "?" : kind.displayName());
    }

    // --- properties --------------------------------------------------------------------

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public BooleanProperty imageServerProperty() {
        return imageServer;
    }

    public BooleanProperty acceptedProperty() {
        return accepted;
    }

    /** The trust page's choices. */
    public TrustChoiceViewModel trust() {
        return trust;
    }

    public ReadOnlyObjectProperty<ServerCertificate> certificateProperty() {
        return certificate.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** The remote once saved, else null. */
    public ReadOnlyObjectProperty<RemoteConfig> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    /** Moves whenever background work changed what a page shows or checks. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public I18n i18n() {
        return i18n;
    }

    @Override
    public String toString() {
        return "AddRemoteViewModel[" + name.get() + ", " + Objects.toString(target.get()) + "]";
    }
}
