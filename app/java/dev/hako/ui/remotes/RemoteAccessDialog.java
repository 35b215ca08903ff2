package dev.hako.ui.remotes;

import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * Remote access on screen: the server to look at, and three tabs over
 * {@link RemoteAccessViewModel}: listening and password, trust tokens, trusted
 * certificates. Works on any connected remote, the local one too.
 */
public final class RemoteAccessDialog {

    private final RemoteAccessViewModel model;
    private final DialogService dialogs;

    public RemoteAccessDialog(RemoteAccessViewModel model, DialogService dialogs) {
        this.model = model;
        this.dialogs = dialogs;
    }

    public void show() {
        I18n i18n = model.i18n();
        ComboBox<String> remote = new ComboBox<>(model.remotes());
        remote.setId("accessRemote");
        remote.valueProperty().bindBidirectional(model.remoteProperty());
        Button refresh = RemoteDialogs.button(i18n, "remotes.access.refresh", "accessRefresh");
        refresh.setOnAction(e -> model.reload());
        Label remoteLabel = new Label();
        remoteLabel.textProperty().bind(Texts.key(i18n, "remotes.access.remote"));
        HBox top = new HBox(8, remoteLabel, remote, refresh);
        top.setAlignment(Pos.CENTER_LEFT);
        Label info = RemoteDialogs.value(model.infoText());
        info.getStyleClass().add("text-muted");

        TabPane tabs = new TabPane(tab(i18n, "remotes.access.tabListen", new AccessListenTab(model).node()),
                tab(i18n, "remotes.access.tabTokens", new AccessTokensTab(model).node()),
                tab(i18n, "remotes.access.tabTrusted", new AccessTrustedTab(model).node()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("accessTabs");

        Label error = RemoteDialogs.errorLabel("accessError", model.errorText());
        Button close = RemoteDialogs.button(i18n, "remotes.dialog.close", "accessClose");
        close.setCancelButton(true);
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bottom = new HBox(8, error, spacer, close);
        HBox.setHgrow(error, Priority.SOMETIMES);
        bottom.setAlignment(Pos.CENTER_RIGHT);
        BorderPane root = new BorderPane(tabs, new VBox(6, top, info), null, bottom, null);
        BorderPane.setMargin(tabs, new Insets(8, 0, 8, 0));
        root.setPadding(RemoteDialogs.padding());
        root.setId("remoteAccessDialog");
        Stage stage = RemoteDialogs.window(dialogs, Texts.key(i18n, "remotes.access.title"), root, 820, 560);
        close.setOnAction(e -> stage.close());
        stage.setOnHidden(e -> model.close());
        stage.show();
        model.reload();
    }

    private static Tab tab(I18n i18n, String key, javafx.scene.Node content) {
        Tab tab = new Tab(null, content);
        tab.textProperty().bind(Texts.key(i18n, key));
        return tab;
    }
}
