package dev.hako.ui.remotes;

import dev.hako.ui.common.I18n;
import javafx.scene.Node;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The first page of "Add remote": the remote's name, the address (or a pasted trust token) and its kind. */
final class AddressPage {

    private final GridPane root = RemoteDialogs.grid();

    AddressPage(AddRemoteViewModel model) {
        I18n i18n = model.i18n();
        TextField name = new TextField();
        name.setId("remoteName");
        name.promptTextProperty().bind(Texts.key(i18n, "remotes.add.namePrompt"));
        name.textProperty().bindBidirectional(model.nameProperty());
        TextField address = new TextField();
        address.setId("remoteAddress");
        address.promptTextProperty().bind(Texts.key(i18n, "remotes.add.addressPrompt"));
        address.textProperty().bindBidirectional(model.addressProperty());

        RadioButton server = new RadioButton();
        server.setId("kindServer");
        server.textProperty().bind(Texts.key(i18n, "remotes.add.kindServer"));
        RadioButton images = new RadioButton();
        images.setId("kindImages");
        images.setWrapText(true);
        images.textProperty().bind(Texts.key(i18n, "remotes.add.kindImages"));
        ToggleGroup kinds = new ToggleGroup();
        server.setToggleGroup(kinds);
        images.setToggleGroup(kinds);
        (model.imageServerProperty().get() ? images : server).setSelected(true);
        images.selectedProperty().addListener((o, was, now) -> model.imageServerProperty().set(now));
        model.imageServerProperty().addListener((o, was, now) -> (now ? images : server).setSelected(true));

        RemoteDialogs.fact(root, Texts.key(i18n, "remotes.add.name"), name);
        RemoteDialogs.fact(root, Texts.key(i18n, "remotes.add.address"), address);
        RemoteDialogs.fact(root, Texts.of(i18n, () -> ""), RemoteDialogs.hint(i18n, "remotes.add.addressHint"));
        RemoteDialogs.fact(root, Texts.key(i18n, "remotes.add.kind"), new VBox(6, server, images));
        root.setId("page-address");
    }

    Node node() {
        return root;
    }
}
