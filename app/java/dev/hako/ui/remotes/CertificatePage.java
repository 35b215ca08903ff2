package dev.hako.ui.remotes;

import dev.hako.remote.ServerCertificate;
import dev.hako.ui.common.I18n;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The certificate the address presented, for the user to compare with the server's own
 * fingerprint before anything is sent; with a pasted token, whether the token vouches for it.
 */
final class CertificatePage {

    private final AddRemoteViewModel model;
    private final I18n i18n;
    private final VBox facts = new VBox();
    private final Label tokenCheck = new Label();
    private final CheckBox accept = new CheckBox();
    private final VBox root;

    CertificatePage(AddRemoteViewModel model) {
        this.model = model;
        this.i18n = model.i18n();
        Label intro = RemoteDialogs.value(Texts.of(i18n, () -> i18n.format("remotes.cert.intro", model.url()),
                model.certificateProperty()));
        tokenCheck.setId("tokenCheck");
        tokenCheck.setWrapText(true);
        tokenCheck.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        tokenCheck.textProperty().bind(Texts.of(i18n, () -> i18n.get(model.tokenMatches()
                ? "remotes.cert.tokenMatches" : "remotes.cert.tokenDiffers"), model.certificateProperty()));
        accept.setId("acceptCertificate");
        accept.setWrapText(true);
        accept.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        accept.textProperty().bind(Texts.key(i18n, "remotes.cert.accept"));
        accept.selectedProperty().bindBidirectional(model.acceptedProperty());
        VBox server = new VBox(12, intro, facts, tokenCheck, RemoteDialogs.hint(i18n, "remotes.cert.compare"),
                accept);
        root = RemoteDialogs.serversOnly(i18n, model.imageServerProperty(), "remotes.cert.imagesNote", server);
        root.setId("page-certificate");
        model.revisionProperty().addListener((o, a, b) -> update());
        model.certificateProperty().addListener((o, a, b) -> update());
        update();
    }

    private void update() {
        ServerCertificate certificate = model.certificateProperty().get();
        if (certificate == null) {
            facts.getChildren().clear();
        } else if (facts.getChildren().isEmpty() || facts.getUserData() != certificate) {
            GridPane grid = RemoteDialogs.grid();
            RemoteDialogs.certificateFacts(grid, i18n, certificate);
            facts.getChildren().setAll(grid);
        }
        facts.setUserData(certificate);
        boolean checked = model.tokenPasted() && certificate != null;
        tokenCheck.setVisible(checked);
        tokenCheck.setManaged(checked);
        tokenCheck.getStyleClass().removeAll("success", "danger");
        tokenCheck.getStyleClass().add(model.tokenMatches() ? "success" : "danger");
        accept.setDisable(!model.acceptable());
    }

    Node node() {
        return root;
    }
}
