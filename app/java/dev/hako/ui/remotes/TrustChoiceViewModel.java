package dev.hako.ui.remotes;

import dev.hako.lxd.ServerKind;
import dev.hako.remote.ClientIdentities;
import dev.hako.remote.CliRemotes;
import dev.hako.remote.Enrolment;
import dev.hako.remote.EnrolmentException;
import dev.hako.remote.ServerCertificate;
import dev.hako.remote.TrustToken;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The trust page of "Add remote": which client certificate to present (Hako's own or a
 * CLI's that servers may trust already) and how to ask for trust: the server's trust
 * password (LXD only), a trust token, or nothing. The secrets stay in
 * {@link #passwordProperty()} and {@link #tokenProperty()} only until they are sent.
 */
public final class TrustChoiceViewModel {

    /** How trust is asked for. */
    public enum Trust { PASSWORD, TOKEN, NONE }

    /** Which client certificate to present: Hako's own ({@code directory} null) or a CLI's. */
    public record IdentityChoice(String cli, Path directory) {
    }

    private final I18n i18n;
    private final ClientIdentities clientIdentities;
    private final Supplier<List<CliRemotes.CliConfig>> cliConfigs;
    private final ObjectProperty<Trust> trust = new SimpleObjectProperty<>(this, "trust", Trust.PASSWORD);
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty token = new SimpleStringProperty(this, "token", "");
    private final ObservableList<IdentityChoice> identities = FXCollections.observableArrayList();
    private final ObjectProperty<IdentityChoice> identity = new SimpleObjectProperty<>(this, "identity");
    private final ReadOnlyObjectWrapper<ServerKind> kind = new ReadOnlyObjectWrapper<>(this, "kind");

    TrustChoiceViewModel(I18n i18n, ClientIdentities clientIdentities,
                         Supplier<List<CliRemotes.CliConfig>> cliConfigs) {
        this.i18n = i18n;
        this.clientIdentities = clientIdentities;
        this.cliConfigs = cliConfigs;
        identities.setAll(new IdentityChoice(null, null));
        identity.set(identities.get(0));
    }

    /** What is wrong with the chosen way of asking for trust, checked without the network. */
    String problem(ServerCertificate accepted) {
        switch (trust.get()) {
            case PASSWORD -> {
                if (kind.get() == ServerKind.INCUS) {
                    return i18n.get("remotes.problem.passwordNotSupported");
                }
                return password.get().isEmpty() ? i18n.get("remotes.trust.needPassword") : null;
            }
            case TOKEN -> {
                try {
                    TrustToken pasted = TrustToken.decode(token.get());
                    if (accepted != null) {
                        Enrolment.checkToken(pasted, accepted);
                    }
                    return null;
                } catch (IllegalArgumentException | EnrolmentException bad) {
                    return i18n.format("remotes.trust.badToken", FailureText.of(i18n, bad));
                }
            }
            default -> {
                return null;
            }
        }
    }

    /** The secret is read from its property only now, when it is about to be sent. */
    Enrolment.Credential credential() {
        return switch (trust.get()) {
            case PASSWORD -> new Enrolment.Password(password.get());
            case TOKEN -> new Enrolment.Token(TrustToken.decode(token.get()));
            case NONE -> new Enrolment.None();
        };
    }

    /** A trust token was pasted as the address: it is also the credential, as with "lxc remote add NAME TOKEN". */
    void usePastedToken(TrustToken pasted) {
        token.set(pasted.encoded());
        trust.set(Trust.TOKEN);
    }

    /** What the server is, or null while unknown; Incus has no trust password, so a token is asked for instead. */
    void setKind(ServerKind found) {
        kind.set(found);
        if (found == ServerKind.INCUS && trust.get() == Trust.PASSWORD) {
            trust.set(Trust.TOKEN);
        }
    }

    /** Hako's own certificate, and the CLIs' that exist now. */
    void refreshIdentities() {
        List<IdentityChoice> choices = new ArrayList<>();
        choices.add(new IdentityChoice(null, null));
        for (CliRemotes.CliConfig cli : cliConfigs.get()) {
            if (cli.hasClientCertificate()) {
                choices.add(new IdentityChoice(cli.cli(), cli.directory()));
            }
        }
        IdentityChoice previous = identity.get();
        identities.setAll(choices);
        identity.set(previous != null && choices.contains(previous) ? previous : choices.get(0));
    }

    /** The chosen CLI directory whose certificate to present, or null for Hako's own. */
    Path clientDirectory() {
        return identity.get() == null ? null : identity.get().directory();
    }

    void clearSecrets() {
        password.set("");
        token.set("");
    }

    public String identityText(IdentityChoice choice) {
        if (choice == null || choice.directory() == null) {
            return i18n.get(clientIdentities.hasOwn() ? "remotes.trust.identityOwn" : "remotes.trust.identityNew");
        }
        return i18n.format("remotes.trust.identityCli", choice.cli(), choice.directory());
    }

    /** How trust will be asked for, as part of a sentence. */
    String howText() {
        return i18n.get(switch (trust.get()) {
            case PASSWORD -> "remotes.connect.withPassword";
            case TOKEN -> "remotes.connect.withToken";
            case NONE -> "remotes.connect.withNothing";
        });
    }

    public ObjectProperty<Trust> trustProperty() {
        return trust;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public ObservableList<IdentityChoice> identities() {
        return identities;
    }

    public ObjectProperty<IdentityChoice> identityProperty() {
        return identity;
    }

    /** LXD or Incus, once the server said so. */
    public ReadOnlyObjectProperty<ServerKind> kindProperty() {
        return kind.getReadOnlyProperty();
    }

    public I18n i18n() {
        return i18n;
    }
}
