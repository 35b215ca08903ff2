package dev.hako.ui.remotes;

import dev.hako.lxd.CertificateFingerprint;
import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Certificate;
import dev.hako.model.RemoteModel;
import dev.hako.remote.RemoteAccess;
import dev.hako.remote.RemoteConfig;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskRunner;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Remote access, seen from the server: where it listens for HTTPS, its trust
 * password (LXD; Incus has none), trust tokens (issue, copy, pending, revoke) and
 * the certificates it trusts. Works on any connected remote, the local one too.
 */
public final class RemoteAccessDialog {

    private final RemotesController remotes;
    private final I18n i18n;
    private final String preferred;
    private final ComboBox<String> remoteChoice = new ComboBox<>();
    private final Label error = RemoteDialogs.errorLabel("accessError");
    private final Label info = new Label();

    private final TextField httpsAddress = new TextField();
    private final Label httpsState = new Label();
    private final Label passwordState = new Label();
    private final PasswordField newPassword = new PasswordField();
    private final VBox passwordBox = new VBox(8);

    private final TextField tokenName = new TextField();
    private final TextArea issuedToken = new TextArea();
    private final Label issuedExpiry = new Label();
    private final Button copyToken = new Button();
    private final ListView<RemoteAccess.PendingToken> pending = new ListView<>();

    private final TableView<Certificate> trusted = new TableView<>();
    private final DateTimeFormatter dates;
    private Stage stage;

    RemoteAccessDialog(RemotesController remotes, I18n i18n, String preferred) {
        this.remotes = remotes;
        this.i18n = i18n;
        this.preferred = preferred;
        this.dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(i18n.locale())
                .withZone(ZoneId.systemDefault());
    }

    public void show(Window owner) {
        remoteChoice.setId("accessRemote");
        List<String> online = remotes.workspace().remotes().stream().filter(r -> r.state().online())
                .map(RemoteModel::name).toList();
        remoteChoice.getItems().setAll(online);
        remoteChoice.setValue(preferred != null && online.contains(preferred) ? preferred
                : online.isEmpty() ? null : online.get(0));
        remoteChoice.setOnAction(e -> reload());
        Button refresh = new Button(i18n.get("remotes.access.refresh"));
        refresh.setId("accessRefresh");
        refresh.setOnAction(e -> reload());
        Label remoteLabel = new Label(i18n.get("remotes.access.remote"));
        HBox top = new HBox(8, remoteLabel, remoteChoice, refresh);
        top.setAlignment(Pos.CENTER_LEFT);
        info.getStyleClass().add("text-muted");
        info.setWrapText(true);

        TabPane tabs = new TabPane(new Tab(i18n.get("remotes.access.tabListen"), listenTab()),
                new Tab(i18n.get("remotes.access.tabTokens"), tokensTab()),
                new Tab(i18n.get("remotes.access.tabTrusted"), trustedTab()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("accessTabs");

        Button close = new Button(i18n.get("remotes.dialog.close"));
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bottom = new HBox(8, error, spacer, close);
        HBox.setHgrow(error, Priority.SOMETIMES);
        bottom.setAlignment(Pos.CENTER_RIGHT);
        BorderPane root = new BorderPane(tabs, new VBox(6, top, info), null, bottom, null);
        BorderPane.setMargin(tabs, new Insets(8, 0, 8, 0));
        root.setPadding(RemoteDialogs.padding());
        root.setId("remoteAccessDialog");
        stage = RemoteDialogs.stage(owner, i18n.get("remotes.access.title"), root, remotes.dark(), 820, 560);
        stage.setOnHidden(e -> {
            newPassword.clear();
            issuedToken.clear();
        });
        stage.show();
        reload();
    }

    private VBox listenTab() {
        httpsAddress.setId("httpsAddress");
        httpsAddress.setPromptText(RemoteAccess.DEFAULT_LISTEN);
        Button apply = new Button(i18n.get("remotes.access.apply"));
        apply.setId("applyHttpsAddress");
        apply.setOnAction(e -> change(access -> access.setHttpsAddress(httpsAddress.getText())));
        Button stop = new Button(i18n.get("remotes.access.stopListening"));
        stop.setId("stopListening");
        stop.setOnAction(e -> {
            if (confirm(i18n.get("remotes.access.stopConfirm"))) {
                change(access -> access.setHttpsAddress(""));
            }
        });
        GridPane grid = RemoteDialogs.grid();
        HBox addressRow = new HBox(8, httpsAddress, apply, stop);
        HBox.setHgrow(httpsAddress, Priority.ALWAYS);
        RemoteDialogs.fact(grid, i18n.get("remotes.access.httpsAddress"), addressRow);
        RemoteDialogs.fact(grid, "", httpsState);
        httpsState.getStyleClass().add("text-muted");
        httpsState.setWrapText(true);

        newPassword.setId("newTrustPassword");
        newPassword.setPromptText(i18n.get("remotes.access.passwordPrompt"));
        Button set = new Button(i18n.get("remotes.access.setPassword"));
        set.setId("setTrustPassword");
        set.setOnAction(e -> {
            String value = newPassword.getText();
            if (value.isEmpty()) {
                RemoteDialogs.showError(error, i18n.get("remotes.trust.needPassword"));
                return;
            }
            newPassword.clear();
            change(access -> access.setTrustPassword(value));
        });
        Button clear = new Button(i18n.get("remotes.access.clearPassword"));
        clear.setId("clearTrustPassword");
        clear.setOnAction(e -> change(RemoteAccess::clearTrustPassword));
        HBox passwordRow = new HBox(8, newPassword, set, clear);
        HBox.setHgrow(newPassword, Priority.ALWAYS);
        Label passwordTitle = new Label(i18n.get("remotes.access.passwordTitle"));
        passwordTitle.getStyleClass().add("title-4");
        Label passwordHint = RemoteDialogs.value(i18n.get("remotes.access.passwordHint"));
        passwordHint.getStyleClass().add("text-muted");
        passwordState.setId("trustPasswordState");
        passwordBox.getChildren().setAll(passwordTitle, passwordState, passwordRow, passwordHint);
        VBox tab = new VBox(16, grid, passwordBox);
        tab.setPadding(new Insets(12));
        return tab;
    }

    private VBox tokensTab() {
        tokenName.setId("tokenClientName");
        tokenName.setPromptText(i18n.get("remotes.access.tokenNamePrompt"));
        Button issue = new Button(i18n.get("remotes.access.issueToken"));
        issue.setId("issueToken");
        issue.setOnAction(e -> issue());
        HBox issueRow = new HBox(8, tokenName, issue);
        HBox.setHgrow(tokenName, Priority.ALWAYS);
        issuedToken.setId("issuedToken");
        issuedToken.setEditable(false);
        issuedToken.setWrapText(true);
        issuedToken.setPrefRowCount(3);
        issuedToken.setStyle("-fx-font-family: monospace;");
        copyToken.setText(i18n.get("remotes.access.copyToken"));
        copyToken.setId("copyToken");
        copyToken.setDisable(true);
        copyToken.setOnAction(e -> {
            ClipboardContent clip = new ClipboardContent();
            clip.putString(issuedToken.getText());
            Clipboard.getSystemClipboard().setContent(clip);
            copyToken.setText(i18n.get("remotes.access.copied"));
        });
        issuedExpiry.getStyleClass().add("text-muted");
        issuedExpiry.setWrapText(true);
        HBox copyRow = new HBox(8, copyToken, issuedExpiry);
        copyRow.setAlignment(Pos.CENTER_LEFT);

        pending.setId("pendingTokens");
        pending.setPrefHeight(140);
        pending.setPlaceholder(new Label(i18n.get("remotes.access.noPending")));
        pending.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RemoteAccess.PendingToken token, boolean empty) {
                super.updateItem(token, empty);
                setText(empty || token == null ? null : i18n.format("remotes.access.pendingItem", token.clientName(),
                        token.createdAt() == null ? "?" : dates.format(token.createdAt()),
                        token.expiresAt() == null ? i18n.get("remotes.access.noExpiry")
                                : dates.format(token.expiresAt())));
            }
        });
        Button revoke = new Button(i18n.get("remotes.access.revoke"));
        revoke.setId("revokeToken");
        revoke.disableProperty().bind(pending.getSelectionModel().selectedItemProperty().isNull());
        revoke.setOnAction(e -> {
            RemoteAccess.PendingToken token = pending.getSelectionModel().getSelectedItem();
            if (token != null) {
                change(access -> access.revokeToken(token.operationId()));
            }
        });
        Label pendingTitle = new Label(i18n.get("remotes.access.pending"));
        pendingTitle.getStyleClass().add("title-4");
        Label hint = RemoteDialogs.value(i18n.get("remotes.access.tokenHint"));
        hint.getStyleClass().add("text-muted");
        VBox tab = new VBox(8, hint, issueRow, issuedToken, copyRow, pendingTitle, pending, revoke);
        tab.setPadding(new Insets(12));
        return tab;
    }

    private VBox trustedTab() {
        trusted.setId("trustedCertificates");
        trusted.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        trusted.setPlaceholder(new Label(i18n.get("remotes.access.noTrusted")));
        trusted.getColumns().add(column(i18n.get("remotes.access.certName"), c -> c.name()
                + (c.fingerprint().equals(ownFingerprint()) ? "  (" + i18n.get("remotes.access.thisComputer") + ")"
                : ""), 200));
        trusted.getColumns().add(column(i18n.get("remotes.access.certType"), Certificate::type, 80));
        trusted.getColumns().add(column(i18n.get("remotes.access.certRestricted"), c -> c.restricted()
                ? String.join(", ", c.projects() == null ? List.of() : c.projects()) : "-", 120));
        trusted.getColumns().add(column(i18n.get("remotes.cert.fingerprint"), Certificate::fingerprint, 300));
        Button remove = new Button(i18n.get("remotes.access.removeCertificate"));
        remove.setId("removeCertificate");
        remove.disableProperty().bind(trusted.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            Certificate certificate = trusted.getSelectionModel().getSelectedItem();
            if (certificate == null) {
                return;
            }
            String question = i18n.format("remotes.access.removeConfirm", certificate.name(),
                    certificate.fingerprint().substring(0, 12))
                    + (certificate.fingerprint().equals(ownFingerprint()) ? "\n\n" + i18n.get(
                    "remotes.access.removeOwnWarning") : "");
            if (confirm(question)) {
                change(access -> access.removeTrustedCertificate(certificate.fingerprint()));
            }
        });
        VBox tab = new VBox(8, trusted, remove);
        VBox.setVgrow(trusted, Priority.ALWAYS);
        tab.setPadding(new Insets(12));
        return tab;
    }

    private static <T> TableColumn<T, String> column(String title, java.util.function.Function<T, String> text,
                                                    double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** The fingerprint of the certificate the chosen remote is reached with, if over HTTPS. */
    private String ownFingerprint() {
        RemoteModel model = remoteModel();
        if (model != null && model.endpoint() instanceof Endpoint.Https https && https.identity() != null) {
            return CertificateFingerprint.sha256(https.identity().certificate());
        }
        return "";
    }

    private RemoteModel remoteModel() {
        return remoteChoice.getValue() == null ? null : remotes.workspace().remote(remoteChoice.getValue());
    }

    private Optional<RemoteAccess> access() {
        RemoteModel model = remoteModel();
        LxdClient client = model == null ? null : model.client();
        if (client == null) {
            RemoteDialogs.showError(error, i18n.get("remotes.access.notConnected"));
            return Optional.empty();
        }
        return Optional.of(new RemoteAccess(client));
    }

    private record Snapshot(RemoteAccess.Settings settings, List<RemoteAccess.PendingToken> pending,
                            List<Certificate> trusted) {
    }

    private void reload() {
        RemoteDialogs.showError(error, null);
        Optional<RemoteAccess> access = access();
        if (access.isEmpty()) {
            info.setText(i18n.get("remotes.access.noneOnline"));
            return;
        }
        RemoteAccess server = access.get();
        TaskRunner.run(() -> new Snapshot(server.settings(), server.pendingTokens(), server.trustedCertificates()),
                this::showSnapshot,
                failure -> RemoteDialogs.showError(error, i18n.format("remotes.access.failed",
                        RemoteDialogs.messageOf(failure))));
    }

    private void showSnapshot(Snapshot snapshot) {
        RemoteAccess.Settings settings = snapshot.settings();
        info.setText(i18n.format("remotes.access.info", remoteChoice.getValue(), settings.kind().displayName()));
        httpsAddress.setText(settings.httpsAddress().isBlank() ? RemoteAccess.DEFAULT_LISTEN : settings.httpsAddress());
        httpsState.setText(settings.httpsAddress().isBlank() ? i18n.get("remotes.access.notListening")
                : i18n.format("remotes.access.listening", settings.httpsAddress()));
        passwordBox.setVisible(settings.supportsTrustPassword());
        passwordBox.setManaged(settings.supportsTrustPassword());
        passwordState.setText(i18n.get(settings.trustPasswordSet() ? "remotes.access.passwordSet"
                : "remotes.access.passwordNotSet"));
        pending.getItems().setAll(snapshot.pending());
        trusted.getItems().setAll(snapshot.trusted());
    }

    private interface ServerChange {
        void apply(RemoteAccess access);
    }

    private void change(ServerChange change) {
        RemoteDialogs.showError(error, null);
        access().ifPresent(access -> TaskRunner.run(() -> change.apply(access), this::reload,
                failure -> RemoteDialogs.showError(error, i18n.format("remotes.access.failed",
                        RemoteDialogs.messageOf(failure)))));
    }

    private void issue() {
        String name = tokenName.getText() == null ? "" : tokenName.getText().strip();
        try {
            RemoteConfig.checkName(name);
        } catch (IllegalArgumentException e) {
            RemoteDialogs.showError(error, i18n.format("remotes.access.badTokenName", name));
            return;
        }
        RemoteDialogs.showError(error, null);
        access().ifPresent(access -> TaskRunner.run(() -> access.issueToken(name), issued -> {
            issuedToken.setText(issued.token().encoded());
            copyToken.setDisable(false);
            copyToken.setText(i18n.get("remotes.access.copyToken"));
            issuedExpiry.setText(issued.token().expiresAt() == null ? i18n.format("remotes.access.issuedNoExpiry",
                    name) : i18n.format("remotes.access.issuedExpires", name, dates.format(issued.token().expiresAt())));
            reload();
        }, failure -> RemoteDialogs.showError(error, i18n.format("remotes.access.failed",
                RemoteDialogs.messageOf(failure)))));
    }

    private boolean confirm(String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(stage);
        alert.setHeaderText(null);
        alert.setTitle(i18n.get("remotes.access.title"));
        alert.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }
}
