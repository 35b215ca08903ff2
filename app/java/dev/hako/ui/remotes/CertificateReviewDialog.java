package dev.hako.ui.remotes;

import dev.hako.remote.ServerCertificate;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
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

/**
 * The certificate review on screen ({@link CertificateReviewViewModel}): the pinned and
 * the presented fingerprint side by side, and accepting a new one only on purpose.
 */
final class CertificateReviewDialog {

    private final CertificateReviewViewModel model;
    private final DialogService dialogs;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private Stage stage;

    CertificateReviewDialog(CertificateReviewViewModel model, DialogService dialogs) {
        this.model = model;
        this.dialogs = dialogs;
        this.i18n = model.i18n();
    }

    void show() {
        root.setPadding(RemoteDialogs.padding());
        root.setId("certificateReviewDialog");
        stage = RemoteDialogs.window(dialogs, model.titleText(), root, 680, 560);
        root.setCenter(RemoteDialogs.value(model.waitingText()));
        root.setBottom(buttons(false));
        model.presentedProperty().addListener((o, a, presented) -> build(presented));
        if (model.presentedProperty().get() != null) {
            build(model.presentedProperty().get());
        }
        stage.show();
        model.start();
    }

    private void build(ServerCertificate presented) {
        boolean same = model.same();
        Label headline = RemoteDialogs.value(model.headlineText());
        headline.setId("reviewHeadline");
        headline.getStyleClass().add(same ? "success" : "danger");
        VBox body = new VBox(12, headline);
        GridPane facts = RemoteDialogs.grid();
        RemoteDialogs.certificateFacts(facts, i18n, presented);
        if (!same) {
            body.getChildren().add(RemoteDialogs.value(Texts.key(i18n, "remotes.review.explain")));
            GridPane pinned = RemoteDialogs.grid();
            RemoteDialogs.fact(pinned, Texts.key(i18n, "remotes.review.pinned"),
                    RemoteDialogs.fingerprint(model.remote().fingerprint(), "pinnedFingerprint"));
            Label now = new Label();
            now.textProperty().bind(Texts.key(i18n, "remotes.review.presented"));
            now.getStyleClass().add("title-4");
            CheckBox confirm = new CheckBox();
            confirm.textProperty().bind(Texts.key(i18n, "remotes.review.confirm"));
            confirm.setId("confirmNewCertificate");
            confirm.setWrapText(true);
            confirm.selectedProperty().bindBidirectional(model.confirmedProperty());
            body.getChildren().addAll(pinned, now, facts, confirm);
        } else {
            body.getChildren().add(facts);
        }
        body.getChildren().add(RemoteDialogs.errorLabel("reviewError", model.errorText()));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        root.setCenter(scroll);
        root.setBottom(buttons(!same));
    }

    private HBox buttons(boolean changed) {
        Button close = RemoteDialogs.button(i18n, changed ? "remotes.review.keepRefusing" : "remotes.dialog.close",
                "keepRefusing");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, close);
        if (changed) {
            Button accept = RemoteDialogs.button(i18n, "remotes.review.accept", "acceptNewCertificate");
            accept.getStyleClass().add("danger");
            accept.disableProperty().bind(model.confirmedProperty().not());
            accept.setOnAction(e -> model.accept(stage::close));
            buttons.getChildren().add(accept);
        }
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(12, 0, 0, 0));
        return buttons;
    }
}
