package dev.hako.ui.common;


import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** A destructive action confirmed by typing a word (the object's name, or the count for several). */
final class ConfirmByNameDialog {

    private ConfirmByNameDialog() {
    }

    static boolean confirm(Dialog<ButtonType> dialog, I18n i18n, String header, String details, String expected,
                           String command, Node... extra) {
        dialog.setHeaderText(header);
        Label explain = new Label(details);
        explain.setId("confirmDetails");
        explain.setWrapText(true);
        Label ask = new Label(i18n.format("confirm.typeToConfirm", expected));
        TextField field = new TextField();
        field.setId("confirmField");
        VBox content = new VBox(8, explain, ask, field);
        content.getChildren().addAll(extra);
        if (command != null) {
            content.getChildren().add(CommandBox.of(i18n, command, "confirmCommand"));
        }
        content.setPrefWidth(440);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setDisable(true);
        field.textProperty().addListener((obs, old, text) -> ok.setDisable(!expected.equals(text.trim())));
        Platform.runLater(field::requestFocus);
        return dialog.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }
}
