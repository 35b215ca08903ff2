package dev.hako.ui.remotes;

import dev.hako.remote.RemoteAccess;
import dev.hako.ui.common.I18n;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Trust tokens: issue one for a named client (shown once, to be copied), see and revoke pending ones. */
final class AccessTokensTab {

    private final VBox root;

    AccessTokensTab(RemoteAccessViewModel model) {
        I18n i18n = model.i18n();
        TextField name = new TextField();
        name.setId("tokenClientName");
        name.promptTextProperty().bind(Texts.key(i18n, "remotes.access.tokenNamePrompt"));
        name.textProperty().bindBidirectional(model.tokenNameProperty());
        Button issue = RemoteDialogs.button(i18n, "remotes.access.issueToken", "issueToken");
        issue.setOnAction(e -> model.issueToken());
        HBox issueRow = new HBox(8, name, issue);
        HBox.setHgrow(name, Priority.ALWAYS);

        TextArea token = new TextArea();
        token.setId("issuedToken");
        token.setEditable(false);
        token.setWrapText(true);
        token.setPrefRowCount(3);
        token.setStyle("-fx-font-family: monospace;");
        token.textProperty().bind(model.issuedTokenProperty());
        Button copy = new Button();
        copy.setId("copyToken");
        copy.disableProperty().bind(model.issuedTokenProperty().isEmpty());
        BooleanProperty copied = new SimpleBooleanProperty();
        copy.textProperty().bind(Texts.of(i18n, () -> i18n.get(copied.get() ? "remotes.access.copied"
                : "remotes.access.copyToken"), copied));
        model.issuedTokenProperty().addListener((o, a, b) -> copied.set(false));
        copy.setOnAction(e -> {
            ClipboardContent clip = new ClipboardContent();
            clip.putString(model.issuedTokenProperty().get());
            Clipboard.getSystemClipboard().setContent(clip);
            copied.set(true);
        });
        Label expiry = RemoteDialogs.value(model.issuedText());
        expiry.getStyleClass().add("text-muted");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        VBox copyRow = new VBox(6, copy, expiry);

        ListView<RemoteAccess.PendingToken> pending = new ListView<>(model.pending());
        pending.setId("pendingTokens");
        pending.setPrefHeight(140);
        pending.setPlaceholder(RemoteDialogs.value(Texts.key(i18n, "remotes.access.noPending")));
        pending.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RemoteAccess.PendingToken item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : model.pendingText(item));
            }
        });
        Button revoke = RemoteDialogs.button(i18n, "remotes.access.revoke", "revokeToken");
        revoke.disableProperty().bind(pending.getSelectionModel().selectedItemProperty().isNull());
        revoke.setOnAction(e -> {
            RemoteAccess.PendingToken chosen = pending.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                model.revoke(chosen);
            }
        });
        Label pendingTitle = new Label();
        pendingTitle.textProperty().bind(Texts.key(i18n, "remotes.access.pending"));
        pendingTitle.getStyleClass().add("title-4");
        root = new VBox(8, RemoteDialogs.hint(i18n, "remotes.access.tokenHint"), issueRow, token, copyRow,
                pendingTitle, pending, revoke);
        root.setPadding(new Insets(12));
        // The rows are texts of the view model: drawn again in the new language.
        InvalidationListener relabel = o -> pending.refresh();
        i18n.localeProperty().addListener(new WeakInvalidationListener(relabel));
        root.getProperties().put(InvalidationListener.class, relabel); // as long as the tab lives
    }

    Node node() {
        return root;
    }
}
