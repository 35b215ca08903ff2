package dev.hako.ui.remotes;

import dev.hako.lxd.ClientIdentity;
import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.ServerKind;
import dev.hako.remote.CliRemotes;
import dev.hako.remote.ClientIdentities;
import dev.hako.remote.Enrolment;
import dev.hako.remote.RemoteAddress;
import dev.hako.remote.RemoteConfig;
import dev.hako.remote.ServerCertificate;
import dev.hako.remote.ServerCertificateProbe;
import dev.hako.remote.TrustToken;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * "Add remote": address → the server's certificate, reviewed → trust password or
 * token → connection test → saved, after which the remote's tree appears. The
 * secret is read from its field only when it is sent, over a connection pinned to
 * the certificate the user accepted, and the fields are cleared afterwards.
 */
public final class AddRemoteWizard {

    /** The wizard's pages, in order. */
    enum Page { ADDRESS, CERTIFICATE, TRUST, CONNECT, DONE }

    private final RemotesController remotes;
    private final I18n i18n;
    private Stage stage;
    private Page page = Page.ADDRESS;
    private boolean busy;

    // What the pages collected so far.
    private RemoteAddress address;
    private ServerCertificate certificate;
    private ServerKind kind;
    private RemoteConfig saved;
    private Enrolment.Result result;
    /** A token pasted as the address: its fingerprint vouches for the certificate, and it is the credential. */
    private TrustToken pastedToken;

    // Controls kept across pages so Back loses nothing typed (except secrets, cleared after use).
    private final TextField nameField = new TextField();
    private final TextField addressField = new TextField();
    private final RadioButton serverKind = new RadioButton();
    private final RadioButton imageKind = new RadioButton();
    private final CheckBox acceptCertificate = new CheckBox();
    private final ComboBox<IdentityChoice> identityChoice = new ComboBox<>();
    private final RadioButton usePassword = new RadioButton();
    private final RadioButton useToken = new RadioButton();
    private final RadioButton useNone = new RadioButton();
    private final PasswordField passwordField = new PasswordField();
    private final TextArea tokenField = new TextArea();

    private final Label stepLabel = new Label();
    private final Label titleLabel = new Label();
    private final BorderPane content = new BorderPane();
    private final Label error = RemoteDialogs.errorLabel("wizardError");
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Button back = new Button();
    private final Button next = new Button();
    private final Button cancel = new Button();

    /** Which client certificate to present: Hako's own, or a CLI's that servers may already trust. */
    record IdentityChoice(String label, Path directory) {
        @Override
        public String toString() {
            return label;
        }
    }

    AddRemoteWizard(RemotesController remotes, I18n i18n) {
        this.remotes = remotes;
        this.i18n = i18n;
    }

    public void show(Window owner) {
        nameField.setId("remoteName");
        nameField.setPromptText(i18n.get("remotes.add.namePrompt"));
        addressField.setId("remoteAddress");
        addressField.setPromptText(i18n.get("remotes.add.addressPrompt"));
        ToggleGroup kinds = new ToggleGroup();
        serverKind.setToggleGroup(kinds);
        imageKind.setToggleGroup(kinds);
        serverKind.setSelected(true);
        serverKind.setId("kindServer");
        imageKind.setId("kindImages");
        serverKind.setText(i18n.get("remotes.add.kindServer"));
        imageKind.setWrapText(true);
        usePassword.setWrapText(true);
        useToken.setWrapText(true);
        useNone.setWrapText(true);
        imageKind.setText(i18n.get("remotes.add.kindImages"));
        acceptCertificate.setId("acceptCertificate");
        acceptCertificate.setText(i18n.get("remotes.cert.accept"));
        acceptCertificate.setWrapText(true);
        acceptCertificate.selectedProperty().addListener((o, a, b) -> updateButtons());
        ToggleGroup credentials = new ToggleGroup();
        usePassword.setToggleGroup(credentials);
        useToken.setToggleGroup(credentials);
        useNone.setToggleGroup(credentials);
        usePassword.setId("usePassword");
        useToken.setId("useToken");
        useNone.setId("useNone");
        usePassword.setText(i18n.get("remotes.trust.password"));
        useToken.setText(i18n.get("remotes.trust.token"));
        useNone.setText(i18n.get("remotes.trust.none"));
        passwordField.setId("trustPassword");
        tokenField.setId("trustToken");
        tokenField.setWrapText(true);
        tokenField.setPrefRowCount(3);
        tokenField.setPromptText(i18n.get("remotes.trust.tokenPrompt"));
        passwordField.disableProperty().bind(usePassword.selectedProperty().not());
        tokenField.disableProperty().bind(useToken.selectedProperty().not());
        identityChoice.setId("clientCertificate");
        identityChoice.setMaxWidth(Double.MAX_VALUE);

        stepLabel.getStyleClass().add("text-muted");
        stepLabel.setId("wizardStep");
        titleLabel.getStyleClass().add("title-3");
        titleLabel.setId("wizardTitle");
        progress.setMaxSize(22, 22);
        progress.setVisible(false);
        back.setText(i18n.get("remotes.wizard.back"));
        back.setId("wizardBack");
        back.setOnAction(e -> goBack());
        next.setId("wizardNext");
        next.setDefaultButton(true);
        next.setOnAction(e -> goNext());
        cancel.setText(i18n.get("remotes.wizard.cancel"));
        cancel.setId("wizardCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());

        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, progress, spacer, cancel, back, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(12, 16, 16, 16));
        VBox header = new VBox(2, stepLabel, titleLabel);
        header.setPadding(new Insets(16, 16, 8, 16));
        header.getStyleClass().add("wizard-header");
        content.setPadding(new Insets(8, 16, 8, 16));
        VBox center = new VBox(8, content, error);
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox.setMargin(error, new Insets(0, 16, 0, 16));
        BorderPane root = new BorderPane(center, header, null, buttons, null);
        root.setId("addRemoteWizard");
        stage = RemoteDialogs.stage(owner, i18n.get("remotes.add.title"), root, remotes.dark(), 640, 520);
        stage.setOnCloseRequest(e -> clearSecrets());
        stage.setOnHidden(e -> clearSecrets());
        showPage(Page.ADDRESS);
        stage.show();
    }

    Stage stage() {
        return stage;
    }

    private void showPage(Page next) {
        page = next;
        RemoteDialogs.showError(error, null);
        stepLabel.setText(i18n.format("remotes.wizard.step", page.ordinal() + 1, Page.values().length));
        titleLabel.setText(switch (page) {
            case ADDRESS -> i18n.get("remotes.page.address");
            case CERTIFICATE -> i18n.get("remotes.page.certificate");
            case TRUST -> i18n.get("remotes.page.trust");
            case CONNECT -> i18n.get("remotes.page.connect");
            case DONE -> i18n.get("remotes.page.done");
        });
        content.setCenter(switch (page) {
            case ADDRESS -> addressPage();
            case CERTIFICATE -> certificatePage();
            case TRUST -> trustPage();
            case CONNECT -> connectPage();
            case DONE -> donePage();
        });
        content.getCenter().setId("page-" + page.name().toLowerCase(java.util.Locale.ROOT));
        updateButtons();
        if (page == Page.CONNECT) {
            connect();
        }
    }

    private void updateButtons() {
        back.setVisible(page != Page.ADDRESS && page != Page.DONE);
        back.setDisable(busy || page == Page.CONNECT && result != null);
        cancel.setVisible(page != Page.DONE);
        cancel.setDisable(busy);
        next.setText(i18n.get(page == Page.DONE ? "remotes.wizard.finish"
                : page == Page.CONNECT ? "remotes.wizard.save" : "remotes.wizard.next"));
        boolean ready = switch (page) {
            case CERTIFICATE -> acceptCertificate.isSelected();
            case CONNECT -> result != null;
            default -> true;
        };
        next.setDisable(busy || !ready);
        progress.setVisible(busy);
    }

    private void setBusy(boolean value) {
        busy = value;
        updateButtons();
    }

    // --- pages -------------------------------------------------------------------

    private Node addressPage() {
        GridPane grid = RemoteDialogs.grid();
        RemoteDialogs.fact(grid, i18n.get("remotes.add.name"), nameField);
        RemoteDialogs.fact(grid, i18n.get("remotes.add.address"), addressField);
        Label hint = RemoteDialogs.value(i18n.get("remotes.add.addressHint"));
        hint.getStyleClass().add("text-muted");
        RemoteDialogs.fact(grid, "", hint);
        RemoteDialogs.fact(grid, i18n.get("remotes.add.kind"), new VBox(6, serverKind, imageKind));
        return grid;
    }

    private Node certificatePage() {
        Label intro = RemoteDialogs.value(i18n.format("remotes.cert.intro", address.url()));
        GridPane grid = RemoteDialogs.grid();
        RemoteDialogs.certificateFacts(grid, i18n, certificate);
        Label compare = RemoteDialogs.value(i18n.get("remotes.cert.compare"));
        compare.getStyleClass().add("text-muted");
        VBox page = new VBox(12, intro, grid);
        if (pastedToken != null) {
            boolean matches = pastedToken.fingerprint().equals(certificate.fingerprint());
            Label tokenCheck = RemoteDialogs.value(i18n.get(matches ? "remotes.cert.tokenMatches"
                    : "remotes.cert.tokenDiffers"));
            tokenCheck.setId("tokenCheck");
            tokenCheck.getStyleClass().add(matches ? "success" : "danger");
            page.getChildren().add(tokenCheck);
            acceptCertificate.setDisable(!matches);
        } else {
            acceptCertificate.setDisable(false);
        }
        page.getChildren().addAll(compare, acceptCertificate);
        return page;
    }

    private Node trustPage() {
        List<IdentityChoice> choices = new ArrayList<>();
        ClientIdentities identities = remotes.identities();
        choices.add(new IdentityChoice(identities.hasOwn() ? i18n.get("remotes.trust.identityOwn")
                : i18n.get("remotes.trust.identityNew"), null));
        for (CliRemotes.CliConfig cli : CliRemotes.discover(remotes.env(), remotes.home())) {
            if (cli.hasClientCertificate()) {
                choices.add(new IdentityChoice(i18n.format("remotes.trust.identityCli", cli.cli(), cli.directory()),
                        cli.directory()));
            }
        }
        IdentityChoice previous = identityChoice.getValue();
        identityChoice.getItems().setAll(choices);
        identityChoice.setValue(previous != null && choices.contains(previous) ? previous : choices.get(0));

        boolean incus = kind == ServerKind.INCUS;
        usePassword.setVisible(!incus);
        usePassword.setManaged(!incus);
        passwordField.setVisible(!incus);
        passwordField.setManaged(!incus);
        if (incus && usePassword.isSelected() || usePassword.getToggleGroup().getSelectedToggle() == null) {
            (incus ? useToken : usePassword).setSelected(true);
        }
        Label server = RemoteDialogs.value(i18n.format("remotes.trust.server", address.url(),
                kind == null ? "?" : kind.displayName()));
        Label tokenHint = RemoteDialogs.value(i18n.get(incus ? "remotes.trust.tokenHintIncus"
                : "remotes.trust.tokenHintLxd"));
        tokenHint.getStyleClass().add("text-muted");
        GridPane grid = RemoteDialogs.grid();
        RemoteDialogs.fact(grid, i18n.get("remotes.trust.identity"), identityChoice);
        VBox credentials = new VBox(8, usePassword, passwordField, useToken, tokenField, tokenHint, useNone);
        VBox.setMargin(passwordField, new Insets(0, 0, 0, 26));
        VBox.setMargin(tokenField, new Insets(0, 0, 0, 26));
        VBox.setMargin(tokenHint, new Insets(0, 0, 0, 26));
        return new VBox(12, server, grid, credentials);
    }

    private Node connectPage() {
        Label status = RemoteDialogs.value(i18n.format("remotes.connect.running", address.url()));
        status.setId("connectStatus");
        return new VBox(12, status);
    }

    private Node donePage() {
        Label text = RemoteDialogs.value(saved.imageOnly()
                ? i18n.format("remotes.done.images", saved.name(), saved.address())
                : i18n.format("remotes.done.server", saved.name(), saved.address()));
        text.setId("doneText");
        GridPane grid = RemoteDialogs.grid();
        if (result != null) {
            RemoteDialogs.fact(grid, i18n.get("remotes.connect.serverName"),
                    RemoteDialogs.value(result.serverName() == null ? "" : result.serverName()));
            RemoteDialogs.fact(grid, i18n.get("remotes.connect.server"), RemoteDialogs.value(
                    result.kind().displayName() + " " + (result.serverVersion() == null ? "" : result.serverVersion())));
            RemoteDialogs.fact(grid, i18n.get("remotes.cert.fingerprint"),
                    RemoteDialogs.fingerprint(saved.fingerprint(), "savedFingerprint"));
        }
        Label file = RemoteDialogs.value(i18n.format("remotes.done.file", remotes.file().file()));
        file.getStyleClass().add("text-muted");
        return new VBox(12, text, grid, file);
    }

    // --- transitions ---------------------------------------------------------------

    private void goBack() {
        if (busy) {
            return;
        }
        result = null;
        showPage(switch (page) {
            case CERTIFICATE -> Page.ADDRESS;
            case TRUST -> Page.CERTIFICATE;
            case CONNECT -> Page.TRUST;
            default -> Page.ADDRESS;
        });
    }

    private void goNext() {
        if (busy) {
            return;
        }
        switch (page) {
            case ADDRESS -> leaveAddress();
            case CERTIFICATE -> leaveCertificate();
            case TRUST -> leaveTrust();
            case CONNECT -> save();
            case DONE -> stage.close();
        }
    }

    private void leaveAddress() {
        String name = nameField.getText() == null ? "" : nameField.getText().strip();
        try {
            RemoteConfig.checkName(name);
        } catch (IllegalArgumentException e) {
            RemoteDialogs.showError(error, i18n.format("remotes.add.badName", name));
            return;
        }
        if (remotes.file().find(name).isPresent() || remotes.workspace().remote(name) != null) {
            RemoteDialogs.showError(error, i18n.format("remotes.add.nameTaken", name));
            return;
        }
        pastedToken = null;
        String typed = addressField.getText() == null ? "" : addressField.getText().strip();
        if (serverKind.isSelected() && typed.length() > 64 && !typed.contains(":") && !typed.contains(".")) {
            // Not an address: maybe a trust token, which names the server's addresses (as "lxc remote add NAME TOKEN").
            try {
                TrustToken token = TrustToken.decode(typed);
                if (token.addresses().isEmpty()) {
                    throw new IllegalArgumentException("the token names no address");
                }
                pastedToken = token;
                address = RemoteAddress.parse(token.addresses().get(0));
                addressField.setText(address.hostAndPort());
                tokenField.setText(token.encoded());
                useToken.setSelected(true);
            } catch (IllegalArgumentException e) {
                RemoteDialogs.showError(error, i18n.format("remotes.trust.badToken", e.getMessage()));
                return;
            }
        }
        try {
            if (pastedToken == null) {
                address = RemoteAddress.parse(addressField.getText());
            }
        } catch (IllegalArgumentException e) {
            RemoteDialogs.showError(error, i18n.format("remotes.add.badAddress", e.getMessage()));
            return;
        }
        if (imageKind.isSelected()) {
            // An image server is a public simplestreams site with a CA-signed certificate: nothing to pin.
            String url = addressField.getText().strip().replaceAll("/+$", "");
            RemoteConfig images = new RemoteConfig(name, url.toLowerCase(java.util.Locale.ROOT).startsWith("https://")
                    ? url : "https://" + url, RemoteConfig.Protocol.SIMPLESTREAMS, null, null, null, null);
            try {
                remotes.file().add(images);
            } catch (IOException | RuntimeException e) {
                RemoteDialogs.showError(error, i18n.format("remotes.error.save", RemoteDialogs.messageOf(e)));
                return;
            }
            saved = images;
            result = null;
            showPage(Page.DONE);
            return;
        }
        setBusy(true);
        RemoteAddress target = address;
        TaskRunner.run(() -> ServerCertificateProbe.probe(target), probed -> {
            setBusy(false);
            certificate = probed;
            // With a token, its fingerprint is the independent check the CLI relies on: a match is pre-accepted.
            acceptCertificate.setSelected(pastedToken != null && pastedToken.fingerprint().equals(probed.fingerprint()));
            showPage(Page.CERTIFICATE);
        }, failure -> {
            setBusy(false);
            RemoteDialogs.showError(error, i18n.format("remotes.error.probe", target.url(),
                    RemoteDialogs.messageOf(failure)));
        });
    }

    private void leaveCertificate() {
        // Learn LXD or Incus, pinned to the accepted certificate, before asking for a password or token.
        setBusy(true);
        Endpoint.Https anonymous = new Endpoint.Https(address.host(), address.port(), null, certificate.fingerprint());
        TaskRunner.run(() -> {
            try (LxdClient client = LxdClient.connect(anonymous)) {
                return client.kind();
            }
        }, found -> {
            setBusy(false);
            kind = found;
            showPage(Page.TRUST);
        }, failure -> {
            setBusy(false);
            RemoteDialogs.showError(error, i18n.format("remotes.error.connect", RemoteDialogs.messageOf(failure)));
        });
    }

    private void leaveTrust() {
        if (usePassword.isSelected() && passwordField.getText().isEmpty()) {
            RemoteDialogs.showError(error, i18n.get("remotes.trust.needPassword"));
            return;
        }
        if (useToken.isSelected()) {
            try {
                TrustToken token = TrustToken.decode(tokenField.getText());
                Enrolment.checkToken(token, certificate);
            } catch (RuntimeException e) {
                RemoteDialogs.showError(error, i18n.format("remotes.trust.badToken", RemoteDialogs.messageOf(e)));
                return;
            }
        }
        result = null;
        showPage(Page.CONNECT);
    }

    private void connect() {
        Enrolment.Credential credential;
        if (usePassword.isSelected()) {
            credential = new Enrolment.Password(passwordField.getText());
        } else if (useToken.isSelected()) {
            credential = new Enrolment.Token(TrustToken.decode(tokenField.getText()));
        } else {
            credential = new Enrolment.None();
        }
        IdentityChoice choice = identityChoice.getValue();
        RemoteAddress target = address;
        ServerCertificate accepted = certificate;
        setBusy(true);
        TaskRunner.run(() -> {
            ClientIdentity identity = identityFor(choice);
            Enrolment.Result enrolled = Enrolment.enrol(target, accepted, identity, credential);
            if (credential instanceof Enrolment.None && !enrolled.alreadyTrusted()) {
                throw new IllegalStateException(i18n.get("remotes.connect.notTrusted"));
            }
            return enrolled;
        }, enrolled -> {
            setBusy(false);
            clearSecrets();
            result = enrolled;
            Label status = (Label) content.lookup("#connectStatus");
            status.setText(i18n.format(enrolled.alreadyTrusted() ? "remotes.connect.alreadyTrusted"
                    : "remotes.connect.trusted", enrolled.serverName() == null ? target.url() : enrolled.serverName(),
                    enrolled.kind().displayName(), enrolled.serverVersion() == null ? "" : enrolled.serverVersion()));
            status.getStyleClass().add("success");
            updateButtons();
        }, failure -> {
            setBusy(false);
            RemoteDialogs.showError(error, i18n.format("remotes.error.enrol", RemoteDialogs.messageOf(failure)));
            Label status = (Label) content.lookup("#connectStatus");
            status.setText(i18n.get("remotes.connect.failed"));
        });
    }

    private ClientIdentity identityFor(IdentityChoice choice) {
        try {
            return choice == null || choice.directory() == null ? remotes.identities().own()
                    : remotes.identities().fromDirectory(choice.directory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void save() {
        IdentityChoice choice = identityChoice.getValue();
        RemoteConfig remote = new RemoteConfig(nameField.getText().strip(), address.url(), RemoteConfig.Protocol.LXD,
                null, certificate.pem(), certificate.fingerprint(),
                choice == null || choice.directory() == null ? null : choice.directory().toString());
        try {
            remotes.file().add(remote);
            remotes.open(remote);
        } catch (IOException | RuntimeException e) {
            RemoteDialogs.showError(error, i18n.format("remotes.error.save", RemoteDialogs.messageOf(e)));
            return;
        }
        saved = remote;
        showPage(Page.DONE);
    }

    private void clearSecrets() {
        passwordField.clear();
        tokenField.clear();
    }
}
