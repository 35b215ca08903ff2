package dev.hako.ui.remotes;

import dev.hako.remote.ServerCertificate;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;

/** What the remote dialogs share: an owned window, fact grids, certificate facts and an error line. */
final class RemoteDialogs {

    private RemoteDialogs() {
    }

    /** A window of its own, owned by the main window and modal to it, in its theme. */
    static Stage window(DialogService dialogs, ObservableStringValue title, Parent root, double width,
                        double height) {
        Stage stage = dialogs.window(title.get(), root);
        if (stage.getOwner() != null) {
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.titleProperty().bind(title);
        stage.setWidth(width);
        stage.setHeight(height);
        return stage;
    }

    static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(120);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().setAll(names, values);
        return grid;
    }

    static void fact(GridPane grid, ObservableStringValue name, Node value) {
        int row = grid.getRowCount();
        Label label = new Label();
        label.textProperty().bind(name);
        label.getStyleClass().add("fact-name");
        label.setMinWidth(Label.USE_PREF_SIZE);
        grid.addRow(row, label, value);
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
    }

    static Label value(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        // A wrapping label in a box asks for the lines it needs instead of ending in "…".
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** A wrapping label showing {@code text} as it changes. */
    static Label value(ObservableStringValue text) {
        Label label = value("");
        label.textProperty().bind(text);
        return label;
    }

    /** A button labelled in the window's language. */
    static Button button(I18n i18n, String key, String id) {
        Button button = new Button();
        button.textProperty().bind(Texts.key(i18n, key));
        button.setId(id);
        return button;
    }

    /**
     * A page's content for API servers, or instead {@code imagesNoteKey}'s sentence while
     * {@code imageServer} is chosen (image servers need no certificate review or trust).
     */
    static VBox serversOnly(I18n i18n, ObservableBooleanValue imageServer, String imagesNoteKey, Node forServers) {
        Label note = value(Texts.key(i18n, imagesNoteKey));
        note.visibleProperty().bind(Bindings.createBooleanBinding(imageServer::get, imageServer));
        note.managedProperty().bind(note.visibleProperty());
        forServers.visibleProperty().bind(note.visibleProperty().not());
        forServers.managedProperty().bind(forServers.visibleProperty());
        return new VBox(note, forServers);
    }

    /** A muted hint in the window's language. */
    static Label hint(I18n i18n, String key) {
        Label hint = value(Texts.key(i18n, key));
        hint.getStyleClass().add("text-muted");
        return hint;
    }

    /** A fingerprint people can select, copy and compare: monospace, in groups of four. */
    static TextArea fingerprint(String fingerprint, String id) {
        TextArea area = new TextArea(ServerCertificate.grouped(fingerprint));
        area.setEditable(false);
        area.setWrapText(false);
        area.setPrefRowCount(2);
        area.setMinHeight(56);
        area.getStyleClass().add("fingerprint");
        area.setStyle("-fx-font-family: monospace;");
        area.setId(id);
        return area;
    }

    static void certificateFacts(GridPane grid, I18n i18n, ServerCertificate certificate) {
        fact(grid, Texts.key(i18n, "remotes.cert.fingerprint"), fingerprint(certificate.fingerprint(),
                "certFingerprint"));
        fact(grid, Texts.key(i18n, "remotes.cert.subject"), value(certificate.subject()));
        fact(grid, Texts.key(i18n, "remotes.cert.issuer"), value(Texts.of(i18n, () -> certificate.selfSigned()
                ? i18n.get("remotes.cert.selfSigned") : certificate.issuer())));
        boolean validNow = certificate.validAt(Instant.now());
        Label validity = value(Texts.of(i18n, () -> {
            DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                    .withLocale(i18n.locale()).withZone(ZoneId.systemDefault());
            String range = i18n.format("remotes.cert.validRange", format.format(certificate.notBefore()),
                    format.format(certificate.notAfter()));
            return validNow ? range : range + " — " + i18n.get("remotes.cert.notValidNow");
        }));
        if (!validNow) {
            validity.getStyleClass().add("danger");
        }
        fact(grid, Texts.key(i18n, "remotes.cert.validity"), validity);
        if (!certificate.alternativeNames().isEmpty()) {
            fact(grid, Texts.key(i18n, "remotes.cert.names"), value(String.join(", ",
                    certificate.alternativeNames())));
        }
    }

    /** An error line that shows {@code text} and takes no room while it is empty. */
    static Label errorLabel(String id, ObservableStringValue text) {
        Label error = new Label();
        error.setId(id);
        error.setWrapText(true);
        error.getStyleClass().add("danger");
        error.textProperty().bind(text);
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    static Insets padding() {
        return new Insets(16);
    }
}
