package dev.hako.ui.common;

import dev.hako.model.NameRules;

import java.util.Optional;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for a name and checks it as the user types: the rule it breaks is shown
 * under the field and OK stays disabled, so nothing invalid is ever sent.
 */
public final class NameDialog {

    private NameDialog() {
    }

    /** The server's object-name rules; a blank name is allowed only when {@code optional}. */
    public static Function<String, String> objectNames(I18n i18n, boolean optional) {
        return text -> {
            if (optional && text.isEmpty()) {
                return null;
            }
            return NameRules.check(text).map(p -> i18n.get(p.messageKey)).orElse(null);
        };
    }

    private static void watchInputs(Node node, Runnable check) {
        if (node instanceof javafx.scene.control.TextInputControl input) {
            input.textProperty().addListener((obs, old, text) -> check.run());
        } else if (node instanceof javafx.scene.control.CheckBox box) {
            box.selectedProperty().addListener((obs, old, on) -> check.run());
        } else if (node instanceof javafx.scene.control.ChoiceBox<?> choice) {
            choice.valueProperty().addListener((obs, old, value) -> check.run());
        } else if (node instanceof javafx.scene.Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> watchInputs(child, check));
        }
    }

    static Optional<String> ask(Dialog<ButtonType> dialog, I18n i18n, String title, String prompt, String initial,
                                Function<String, String> problemOf, Function<String, String> commandOf,
                                Node... extra) {
        dialog.setTitle(title);
        dialog.setHeaderText(prompt);
        TextField field = new TextField(initial == null ? "" : initial);
        field.setId("nameField");
        Label problem = new Label();
        problem.setId("nameProblem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        problem.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox content = new VBox(8, field, problem);
        content.getChildren().addAll(extra);
        javafx.beans.property.StringProperty command = new javafx.beans.property.SimpleStringProperty("");
        if (commandOf != null) {
            String program = CommandBox.program(commandOf.apply(field.getText().trim()));
            content.getChildren().add(CommandBox.of(i18n, program, command, "nameCommand"));
        }
        content.setPrefWidth(520);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        // Wrapped text needs more lines than the first layout gives it: the window grows to show it whole.
        Runnable fit = () -> {
            Window window = dialog.getDialogPane().getScene() == null ? null
                    : dialog.getDialogPane().getScene().getWindow();
            if (window != null && window.isShowing()
                    && dialog.getDialogPane().prefHeight(window.getWidth()) > dialog.getDialogPane().getHeight()) {
                window.sizeToScene();
            }
        };
        Runnable check = () -> {
            String message = problemOf.apply(field.getText().trim());
            problem.setText(message == null ? "" : message);
            ok.setDisable(message != null);
            if (commandOf != null) {
                // No line for a name the server would refuse.
                command.set(message == null ? commandOf.apply(field.getText().trim()) : "");
            }
            fit.run();
        };
        field.textProperty().addListener((obs, old, text) -> check.run());
        // Extra fields (addresses, sizes) take part in the check too.
        for (Node node : extra) {
            watchInputs(node, check);
        }
        check.run();
        dialog.setOnShown(e -> fit.run());
        Platform.runLater(field::requestFocus);
        return dialog.showAndWait().filter(ButtonType.OK::equals).map(b -> field.getText().trim());
    }
}
