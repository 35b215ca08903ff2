package dev.hako.ui.common;

import dev.hako.lxd.ConflictException;
import dev.hako.lxd.ForbiddenException;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.OperationFailedException;
import dev.hako.lxd.PreconditionFailedException;
import dev.hako.lxd.UnreachableException;
import dev.hako.lxd.UntrustedCertificateException;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Message boxes with the project's wording: what failed, the server's own words, what to do next. */
public final class Dialogs {

    private Dialogs() {
    }

    /** Shows a failure: the action, the server's message verbatim, and a hint for the next step. */
    public static void showError(Window owner, I18n i18n, String action, RuntimeException failure) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        Theme.styleDialog(alert.getDialogPane(), owner);
        alert.setTitle(i18n.get("error.title"));
        alert.setHeaderText(i18n.format("error.header", action));
        TextArea server = new TextArea(serverText(failure));
        server.setEditable(false);
        server.setWrapText(true);
        server.setPrefRowCount(3);
        server.setId("errorServerMessage");
        Label hint = new Label(i18n.get(hintKey(failure)));
        hint.setWrapText(true);
        VBox content = new VBox(8, new Label(i18n.get("error.serverSaid")), server, hint);
        content.setPrefWidth(480);
        alert.getDialogPane().setContent(content);
        alert.show();
    }

    static String serverText(RuntimeException failure) {
        if (failure instanceof LxdException lxd && lxd.serverMessage() != null) {
            return lxd.serverMessage();
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    static String hintKey(RuntimeException failure) {
        if (failure instanceof UntrustedCertificateException) {
            return "error.hint.certificate";
        } else if (failure instanceof UnreachableException) {
            return "error.hint.unreachable";
        } else if (failure instanceof PreconditionFailedException) {
            return "error.hint.changed";
        } else if (failure instanceof NotFoundException) {
            return "error.hint.notFound";
        } else if (failure instanceof ConflictException) {
            return "error.hint.conflict";
        } else if (failure instanceof ForbiddenException) {
            return "error.hint.forbidden";
        } else if (failure instanceof OperationFailedException op && op.cancelled()) {
            return "error.hint.cancelled";
        }
        return "error.hint.generic";
    }

    /** Tells the user something that needs no decision. */
    public static void inform(Window owner, I18n i18n, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        alert.initOwner(owner);
        Theme.styleDialog(alert.getDialogPane(), owner);
        alert.setTitle(i18n.get("app.title"));
        alert.setHeaderText(header);
        alert.showAndWait();
    }

    /** Asks a yes/no question; true when confirmed. */
    public static boolean confirm(Window owner, I18n i18n, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(owner);
        Theme.styleDialog(alert.getDialogPane(), owner);
        alert.setTitle(i18n.get("confirm.title"));
        alert.setHeaderText(header);
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }
}
