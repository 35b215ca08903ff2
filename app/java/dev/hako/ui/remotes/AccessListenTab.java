package dev.hako.ui.remotes;

import dev.hako.remote.RemoteAccess;
import dev.hako.ui.common.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Where the server listens for HTTPS, and its trust password (LXD only). */
final class AccessListenTab {

    private final VBox root;

    AccessListenTab(RemoteAccessViewModel model) {
        I18n i18n = model.i18n();
        TextField address = new TextField();
        address.setId("httpsAddress");
        address.setPromptText(RemoteAccess.DEFAULT_LISTEN);
        address.textProperty().bindBidirectional(model.httpsAddressProperty());
        Button apply = RemoteDialogs.button(i18n, "remotes.access.apply", "applyHttpsAddress");
        apply.setOnAction(e -> model.applyHttpsAddress());
        Button stop = RemoteDialogs.button(i18n, "remotes.access.stopListening", "stopListening");
        stop.setOnAction(e -> model.stopListening());
        HBox addressRow = new HBox(8, address, apply, stop);
        HBox.setHgrow(address, Priority.ALWAYS);
        Label listening = RemoteDialogs.value(model.listeningText());
        listening.getStyleClass().add("text-muted");
        GridPane grid = RemoteDialogs.grid();
        RemoteDialogs.fact(grid, Texts.key(i18n, "remotes.access.httpsAddress"), addressRow);
        RemoteDialogs.fact(grid, Texts.of(i18n, () -> ""), listening);

        PasswordField password = new PasswordField();
        password.setId("newTrustPassword");
        password.promptTextProperty().bind(Texts.key(i18n, "remotes.access.passwordPrompt"));
        password.textProperty().bindBidirectional(model.newPasswordProperty());
        Button set = RemoteDialogs.button(i18n, "remotes.access.setPassword", "setTrustPassword");
        set.setOnAction(e -> model.setPassword());
        Button clear = RemoteDialogs.button(i18n, "remotes.access.clearPassword", "clearTrustPassword");
        clear.setOnAction(e -> model.clearPassword());
        HBox passwordRow = new HBox(8, password, set, clear);
        HBox.setHgrow(password, Priority.ALWAYS);
        Label title = new Label();
        title.textProperty().bind(Texts.key(i18n, "remotes.access.passwordTitle"));
        title.getStyleClass().add("title-4");
        Label state = RemoteDialogs.value(model.passwordText());
        state.setId("trustPasswordState");
        VBox passwordBox = new VBox(8, title, state, passwordRow,
                RemoteDialogs.hint(i18n, "remotes.access.passwordHint"));
        // Incus has no trust password: the part is shown only for servers that have one.
        BooleanBinding supported = Bindings.createBooleanBinding(() -> model.snapshotProperty().get() == null
                || model.snapshotProperty().get().settings().supportsTrustPassword(), model.snapshotProperty());
        passwordBox.visibleProperty().bind(supported);
        passwordBox.managedProperty().bind(supported);
        root = new VBox(16, grid, passwordBox);
        root.setPadding(new Insets(12));
    }

    Node node() {
        return root;
    }
}
