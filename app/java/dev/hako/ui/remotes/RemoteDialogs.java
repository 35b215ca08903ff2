package dev.hako.ui.remotes;

import dev.hako.lxd.LxdException;
import dev.hako.remote.ServerCertificate;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.Theme;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** What the remote dialogs share: a themed window, fact grids, certificate facts and error text. */
final class RemoteDialogs {

    private RemoteDialogs() {
    }

    static Stage stage(Window owner, String title, Parent root, boolean dark, double width, double height) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(title);
        Scene scene = new Scene(root, width, height);
        Theme.decorate(scene, dark);
        stage.setScene(scene);
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

    static void fact(GridPane grid, String name, Node value) {
        int row = grid.getRowCount();
        Label label = new Label(name);
        label.getStyleClass().add("fact-name");
        label.setMinWidth(Label.USE_PREF_SIZE);
        grid.addRow(row, label, value);
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
    }

    static Label value(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
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
        fact(grid, i18n.get("remotes.cert.fingerprint"), fingerprint(certificate.fingerprint(), "certFingerprint"));
        fact(grid, i18n.get("remotes.cert.subject"), value(certificate.subject()));
        fact(grid, i18n.get("remotes.cert.issuer"), value(certificate.selfSigned()
                ? i18n.get("remotes.cert.selfSigned") : certificate.issuer()));
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(i18n.locale()).withZone(ZoneId.systemDefault());
        Label validity = value(i18n.format("remotes.cert.validRange", format.format(certificate.notBefore()),
                format.format(certificate.notAfter())));
        if (!certificate.validAt(java.time.Instant.now())) {
            validity.setText(validity.getText() + " — " + i18n.get("remotes.cert.notValidNow"));
            validity.getStyleClass().add("danger");
        }
        fact(grid, i18n.get("remotes.cert.validity"), validity);
        if (!certificate.alternativeNames().isEmpty()) {
            fact(grid, i18n.get("remotes.cert.names"), value(String.join(", ", certificate.alternativeNames())));
        }
    }

    /** The server's own words when it answered, else the failure's message; never a secret. */
    static String messageOf(Throwable e) {
        if (e instanceof LxdException lxd && lxd.serverMessage() != null && !lxd.serverMessage().isBlank()
                && lxd.status() != 0) {
            return lxd.serverMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static Label errorLabel(String id) {
        Label error = new Label();
        error.setId(id);
        error.setWrapText(true);
        error.getStyleClass().add("danger");
        error.setManaged(false);
        error.setVisible(false);
        return error;
    }

    static void showError(Label label, String text) {
        label.setText(text);
        label.setManaged(text != null && !text.isBlank());
        label.setVisible(text != null && !text.isBlank());
    }

    static Insets padding() {
        return new Insets(16);
    }
}
