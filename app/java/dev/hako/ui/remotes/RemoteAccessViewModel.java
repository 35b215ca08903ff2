package dev.hako.ui.remotes;

import dev.hako.lxd.CertificateFingerprint;
import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Certificate;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.remote.RemoteAccess;
import dev.hako.remote.RemoteConfig;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.LatestTask;
import dev.hako.ui.common.TaskExecutor;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Remote access, seen from the server: where it listens for HTTPS, its trust password
 * (LXD; Incus has none), trust tokens (issue, pending, revoke) and the certificates it
 * trusts, for any connected remote. Every server call runs through the task executor;
 * a reload only counts when it is the latest.
 */
public final class RemoteAccessViewModel {

    /** What the server's side looks like now. */
    public record Snapshot(RemoteAccess.Settings settings, List<RemoteAccess.PendingToken> pending,
                           List<Certificate> trusted) {
    }

    /** A sentence of the bundles: with the failure's text as its argument, or with {@code arguments}. */
    private record Refusal(String key, Throwable failure, Object... arguments) {
    }

    /** A freshly issued token and whom it is for. */
    private record Issued(String clientName, RemoteAccess.IssuedToken token) {
    }

    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final I18n i18n;
    private final Workspace workspace;
    private final LatestTask loading;
    private final ObservableList<String> remotes = FXCollections.observableArrayList();
    private final StringProperty remote = new SimpleStringProperty(this, "remote");
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ObservableList<RemoteAccess.PendingToken> pending = FXCollections.observableArrayList();
    private final ObservableList<Certificate> trusted = FXCollections.observableArrayList();
    private final StringProperty httpsAddress = new SimpleStringProperty(this, "httpsAddress", "");
    private final StringProperty newPassword = new SimpleStringProperty(this, "newPassword", "");
    private final StringProperty tokenName = new SimpleStringProperty(this, "tokenName", "");
    private final ObjectProperty<Issued> issued = new SimpleObjectProperty<>(this, "issued");
    private final ReadOnlyStringWrapper issuedToken = new ReadOnlyStringWrapper(this, "issuedToken", "");
    private final ReadOnlyObjectWrapper<Refusal> refusal = new ReadOnlyObjectWrapper<>(this, "refusal");
    private final StringBinding errorText;
    private final StringBinding infoText;

    public RemoteAccessViewModel(TaskExecutor executor, DialogService dialogs, I18n i18n, Workspace workspace,
                                 String preferred) {
        this.executor = executor;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.workspace = workspace;
        this.loading = new LatestTask(executor);
        List<String> online = workspace.remotes().stream().filter(r -> r.state().online()).map(RemoteModel::name)
                .toList();
        remotes.setAll(online);
        remote.set(preferred != null && online.contains(preferred) ? preferred : online.isEmpty() ? null
                : online.get(0));
        remote.addListener((o, was, now) -> reload());
        issued.addListener((o, a, now) -> issuedToken.set(now == null ? "" : now.token().token().encoded()));
        errorText = Texts.of(i18n, () -> {
            Refusal now = refusal.get();
            return now == null ? "" : now.failure() == null ? i18n.format(now.key(), now.arguments())
                    : i18n.format(now.key(), FailureText.of(i18n, now.failure()));
        }, refusal);
        infoText = Texts.of(i18n, () -> {
            Snapshot now = snapshot.get();
            if (remote.get() == null) {
                return i18n.get("remotes.access.noneOnline");
            }
            return now == null ? "" : i18n.format("remotes.access.info", remote.get(),
                    now.settings().kind().displayName());
        }, snapshot, remote);
    }

    /** Reads the chosen server's settings, pending tokens and trust store; only the latest read counts. */
    public void reload() {
        refusal.set(null);
        RemoteAccess access = access();
        if (access == null) {
            return;
        }
        loading.run(BackgroundTask.of(progress -> new Snapshot(access.settings(), access.pendingTokens(),
                access.trustedCertificates())).onSuccess(this::show).onFailure(this::refused));
    }

    private void show(Snapshot found) {
        snapshot.set(found);
        String address = found.settings().httpsAddress();
        httpsAddress.set(address.isBlank() ? RemoteAccess.DEFAULT_LISTEN : address);
        pending.setAll(found.pending());
        trusted.setAll(found.trusted());
    }

    private void refused(Throwable failure) {
        refusal.set(new Refusal("remotes.access.failed", failure));
    }

    private RemoteAccess access() {
        RemoteModel model = remoteModel();
        LxdClient client = model == null ? null : model.client();
        if (client == null) {
            if (remote.get() != null) {
                refusal.set(new Refusal("remotes.access.notConnected", null));
            }
            return null;
        }
        return new RemoteAccess(client);
    }

    private RemoteModel remoteModel() {
        return remote.get() == null ? null : workspace.remote(remote.get());
    }

    private interface ServerChange {
        void apply(RemoteAccess access) throws Exception;
    }

    /** One change on the server, then a fresh read. */
    private void change(ServerChange change) {
        refusal.set(null);
        RemoteAccess access = access();
        if (access != null) {
            executor.execute(BackgroundTask.ofRunnable(() -> change.apply(access))
                    .onSuccess(done -> reload()).onFailure(this::refused));
        }
    }

    public void applyHttpsAddress() {
        String address = httpsAddress.get();
        change(access -> access.setHttpsAddress(address));
    }

    public void stopListening() {
        if (dialogs.confirm(i18n.get("remotes.access.title"), i18n.get("remotes.access.stopConfirm"))) {
            change(access -> access.setHttpsAddress(""));
        }
    }

    /** Sets the typed password; the field is cleared as it is sent. */
    public void setPassword() {
        String value = newPassword.get();
        if (value.isEmpty()) {
            refusal.set(new Refusal("remotes.trust.needPassword", null));
            return;
        }
        newPassword.set("");
        change(access -> access.setTrustPassword(value));
    }

    public void clearPassword() {
        change(RemoteAccess::clearTrustPassword);
    }

    /** Issues a token for the typed client name; it is shown once, to be copied. */
    public void issueToken() {
        String name = tokenName.get() == null ? "" : tokenName.get().strip();
        try {
            RemoteConfig.checkName(name);
        } catch (IllegalArgumentException bad) {
            refusal.set(new Refusal("remotes.access.badTokenName", null, name));
            return;
        }
        refusal.set(null);
        RemoteAccess access = access();
        if (access != null) {
            executor.execute(BackgroundTask.of(progress -> access.issueToken(name)).onSuccess(token -> {
                issued.set(new Issued(name, token));
                reload();
            }).onFailure(this::refused));
        }
    }

    public void revoke(RemoteAccess.PendingToken token) {
        change(access -> access.revokeToken(token.operationId()));
    }

    /** Removes a certificate from the trust store once confirmed; warns when it is the one Hako uses here. */
    public void removeCertificate(Certificate certificate) {
        String question = i18n.format("remotes.access.removeConfirm", certificate.name(),
                certificate.fingerprint().substring(0, Math.min(12, certificate.fingerprint().length())))
                + (isOwn(certificate) ? "\n\n" + i18n.get("remotes.access.removeOwnWarning") : "");
        if (dialogs.confirm(i18n.get("remotes.access.title"), question)) {
            change(access -> access.removeTrustedCertificate(certificate.fingerprint()));
        }
    }

    /** Whether Hako reaches the chosen server with this certificate. */
    public boolean isOwn(Certificate certificate) {
        RemoteModel model = remoteModel();
        return model != null && model.endpoint() instanceof Endpoint.Https https && https.identity() != null
                && certificate.fingerprint().equals(CertificateFingerprint.sha256(https.identity().certificate()));
    }

    /** Forgets the typed password and the issued token (when the dialog closes). */
    public void close() {
        loading.cancel();
        newPassword.set("");
        issued.set(null);
    }

    // --- texts ---------------------------------------------------------------------------------

    private String date(Instant when) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(i18n.locale())
                .withZone(ZoneId.systemDefault()).format(when);
    }

    public String pendingText(RemoteAccess.PendingToken token) {
        return i18n.format("remotes.access.pendingItem", token.clientName(),
                token.createdAt() == null ? "?" : date(token.createdAt()),
                token.expiresAt() == null ? i18n.get("remotes.access.noExpiry") : date(token.expiresAt()));
    }

    public String trustedName(Certificate certificate) {
        return certificate.name() + (isOwn(certificate) ? "  (" + i18n.get("remotes.access.thisComputer") + ")" : "");
    }

    public StringBinding issuedText() {
        return Texts.of(i18n, () -> {
            Issued now = issued.get();
            if (now == null) {
                return "";
            }
            Instant expires = now.token().token().expiresAt();
            return expires == null ? i18n.format("remotes.access.issuedNoExpiry", now.clientName())
                    : i18n.format("remotes.access.issuedExpires", now.clientName(), date(expires));
        }, issued);
    }

    public StringBinding listeningText() {
        return Texts.of(i18n, () -> {
            Snapshot now = snapshot.get();
            if (now == null) {
                return "";
            }
            String address = now.settings().httpsAddress();
            return address.isBlank() ? i18n.get("remotes.access.notListening")
                    : i18n.format("remotes.access.listening", address);
        }, snapshot);
    }

    public StringBinding passwordText() {
        return Texts.of(i18n, () -> snapshot.get() == null ? "" : i18n.get(snapshot.get().settings()
                .trustPasswordSet() ? "remotes.access.passwordSet" : "remotes.access.passwordNotSet"), snapshot);
    }

    public StringBinding errorText() {
        return errorText;
    }

    public StringBinding infoText() {
        return infoText;
    }

    // --- properties -----------------------------------------------------------------------------

    public ObservableList<String> remotes() {
        return remotes;
    }

    public StringProperty remoteProperty() {
        return remote;
    }

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ObservableList<RemoteAccess.PendingToken> pending() {
        return pending;
    }

    public ObservableList<Certificate> trusted() {
        return trusted;
    }

    public StringProperty httpsAddressProperty() {
        return httpsAddress;
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public StringProperty tokenNameProperty() {
        return tokenName;
    }

    /** The issued token's string, or "". */
    public ReadOnlyStringProperty issuedTokenProperty() {
        return issuedToken.getReadOnlyProperty();
    }

    public I18n i18n() {
        return i18n;
    }
}
