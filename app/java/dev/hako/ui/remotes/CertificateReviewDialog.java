package dev.hako.ui.remotes;

import dev.hako.remote.RemoteConfig;
import dev.hako.remote.ServerCertificate;
import dev.hako.remote.ServerCertificateProbe;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskRunner;
import java.io.IOException;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Reviews what a saved remote's address presents now against the pinned
 * certificate. A different certificate is refused until the user, having checked
 * it with the server's administrator, accepts it on purpose here.
 */
final class CertificateReviewDialog {

    private final RemotesController remotes;
    private final I18n i18n;
    private final RemoteConfig remote;
    private ServerCertificate presented;
    private final BorderPane root = new BorderPane();
    private final Label error = RemoteDialogs.errorLabel("reviewError");
    private Stage stage;

    CertificateReviewDialog(RemotesController remotes, I18n i18n, RemoteConfig remote, ServerCertificate presented) {
        this.remotes = remotes;
        this.i18n = i18n;
        this.remote = remote;
        this.presented = presented;
    }

    void show(Window owner) {
        root.setPadding(RemoteDialogs.padding());
        root.setId("certificateReviewDialog");
        stage = RemoteDialogs.stage(owner, i18n.format("remotes.review.title", remote.name()), root, remotes.dark(),
                680, 560);
        if (presented == null) {
            root.setCenter(RemoteDialogs.value(i18n.format("remotes.review.probing", remote.address())));
            TaskRunner.run(() -> ServerCertificateProbe.probe(remote.httpsAddress()), probed -> {
                presented = probed;
                build();
            }, failure -> {
                root.setCenter(RemoteDialogs.value(i18n.format("remotes.error.probe", remote.address(),
                        RemoteDialogs.messageOf(failure))));
                root.setBottom(buttons(null));
            });
        } else {
            build();
        }
        stage.show();
    }

    private void build() {
        boolean same = presented.fingerprint().equals(remote.fingerprint());
        VBox body = new VBox(12);
        Label headline = RemoteDialogs.value(same ? i18n.format("remotes.review.same", remote.name())
                : i18n.format("remotes.review.changed", remote.name(), remote.address()));
        headline.setId("reviewHeadline");
        headline.getStyleClass().add(same ? "success" : "danger");
        body.getChildren().add(headline);
        CheckBox confirm = null;
        if (!same) {
            body.getChildren().add(RemoteDialogs.value(i18n.get("remotes.review.explain")));
            GridPane pinned = RemoteDialogs.grid();
            RemoteDialogs.fact(pinned, i18n.get("remotes.review.pinned"),
                    RemoteDialogs.fingerprint(remote.fingerprint(), "pinnedFingerprint"));
            body.getChildren().add(pinned);
            Label now = new Label(i18n.get("remotes.review.presented"));
            now.getStyleClass().add("title-4");
            body.getChildren().add(now);
            GridPane facts = RemoteDialogs.grid();
            RemoteDialogs.certificateFacts(facts, i18n, presented);
            body.getChildren().add(facts);
            confirm = new CheckBox(i18n.get("remotes.review.confirm"));
            confirm.setId("confirmNewCertificate");
            confirm.setWrapText(true);
            body.getChildren().add(confirm);
        } else {
            GridPane facts = RemoteDialogs.grid();
            RemoteDialogs.certificateFacts(facts, i18n, presented);
            body.getChildren().add(facts);
        }
        body.getChildren().add(error);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        root.setCenter(scroll);
        root.setBottom(buttons(confirm));
    }

    private HBox buttons(CheckBox confirm) {
        Button close = new Button(i18n.get(confirm == null ? "remotes.dialog.close" : "remotes.review.keepRefusing"));
        close.setId("keepRefusing");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, close);
        if (confirm != null) {
            Button accept = new Button(i18n.get("remotes.review.accept"));
            accept.setId("acceptNewCertificate");
            accept.getStyleClass().add("danger");
            accept.disableProperty().bind(confirm.selectedProperty().not());
            accept.setOnAction(e -> accept());
            buttons.getChildren().add(accept);
        }
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(12, 0, 0, 0));
        return buttons;
    }

    private void accept() {
        RemoteConfig updated = remote.withServerCertificate(presented.pem(), presented.fingerprint());
        try {
            remotes.file().replace(updated);
            remotes.reopen(remote.name(), updated);
            stage.close();
        } catch (IOException | RuntimeException e) {
            RemoteDialogs.showError(error, i18n.format("remotes.error.save", RemoteDialogs.messageOf(e)));
        }
    }
}
