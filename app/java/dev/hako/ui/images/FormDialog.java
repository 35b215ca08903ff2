package dev.hako.ui.images;

import dev.hako.ui.common.I18n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * A dialog of labelled rows whose input is checked as the user types: the first
 * problem is shown under the rows and OK stays disabled until there is none.
 */
final class FormDialog {

    private final I18n i18n;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final GridPane grid = new GridPane();
    private final Label problem = new Label();
    private final List<Supplier<String>> checks = new ArrayList<>();
    private final ButtonType ok;
    private int rows;

    FormDialog(Window owner, I18n i18n, String title, String header) {
        this.i18n = i18n;
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.setResizable(true);
        grid.setHgap(8);
        grid.setVgap(8);
        problem.setId("formProblem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        VBox content = new VBox(10, grid, problem);
        content.setPrefWidth(560);
        dialog.getDialogPane().setContent(content);
        ok = new ButtonType(i18n.get("images.ok"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ok,
                new ButtonType(i18n.get("images.cancel"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        // Hako's sheet and fonts (Japanese needs a CJK font on Linux), light or dark like the owner.
        dev.hako.ui.common.Theme.styleDialog(dialog.getDialogPane(), owner);
    }

    I18n i18n() {
        return i18n;
    }

    /** Adds a row; text inputs inside {@code field} re-run the checks as they change. */
    <N extends Node> N row(String labelKey, N field) {
        Label label = new Label(i18n.get(labelKey));
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.addRow(rows++, label, field);
        GridPane.setHgrow(field, Priority.ALWAYS);
        watch(field);
        return field;
    }

    /** A row that spans both columns (a check box, a note). */
    <N extends Node> N wide(N node) {
        grid.add(node, 0, rows++, 2, 1);
        watch(node);
        return node;
    }

    TextField text(String labelKey, String id, String initial, String promptKey) {
        TextField field = new TextField(initial == null ? "" : initial);
        field.setId(id);
        if (promptKey != null) {
            field.setPromptText(i18n.get(promptKey));
        }
        row(labelKey, field);
        return field;
    }

    /** A path field with a Browse button; {@code save} picks a file to write, else one to read. */
    TextField file(String labelKey, String id, boolean save, String initialName) {
        TextField field = new TextField();
        field.setId(id);
        Button browse = new Button(i18n.get("images.browse"));
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(i18n.get(labelKey));
            if (initialName != null) {
                chooser.setInitialFileName(initialName);
            }
            var chosen = save ? chooser.showSaveDialog(dialog.getDialogPane().getScene().getWindow())
                    : chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            if (chosen != null) {
                field.setText(chosen.getAbsolutePath());
            }
        });
        HBox box = new HBox(6, field, browse);
        HBox.setHgrow(field, Priority.ALWAYS);
        row(labelKey, box);
        return field;
    }

    /** A check: returns the problem's text, or null when the input is fine. */
    void check(Supplier<String> check) {
        checks.add(check);
    }

    private void watch(Node node) {
        if (node instanceof TextInputControl input) {
            input.textProperty().addListener((obs, old, text) -> validate());
        } else if (node instanceof javafx.scene.control.CheckBox box) {
            box.selectedProperty().addListener((obs, old, v) -> validate());
        } else if (node instanceof javafx.scene.control.ChoiceBox<?> choice) {
            choice.valueProperty().addListener((obs, old, v) -> validate());
        } else if (node instanceof javafx.scene.Parent parent) {
            parent.getChildrenUnmodifiable().forEach(this::watch);
        }
    }

    void validate() {
        String message = null;
        for (Supplier<String> check : checks) {
            message = check.get();
            if (message != null) {
                break;
            }
        }
        problem.setText(message == null ? "" : message);
        Node okButton = dialog.getDialogPane().lookupButton(ok);
        if (okButton != null) {
            okButton.setDisable(message != null);
        }
    }

    /** Fits the window to content that grew (a preview that got longer). */
    void refit() {
        javafx.application.Platform.runLater(() -> {
            var scene = dialog.getDialogPane().getScene();
            var window = scene == null ? null : scene.getWindow();
            if (window != null && window.isShowing()) {
                window.sizeToScene();
            }
        });
    }

    /** Shows the dialog and waits; true when confirmed with OK. */
    boolean showAndWait() {
        validate();
        return dialog.showAndWait().filter(ok::equals).isPresent();
    }

    // ---- shared checks and parsers ----

    /** A file that exists and can be read, or the problem. */
    String readableFile(String text) {
        if (text.isBlank()) {
            return i18n.get("images.problem.noFile");
        }
        Path path = Path.of(text.trim());
        return Files.isRegularFile(path) && Files.isReadable(path) ? null
                : i18n.format("images.problem.unreadable", text.trim());
    }

    /** A file to write: its folder must exist. */
    String writableTarget(String text) {
        if (text.isBlank()) {
            return i18n.get("images.problem.noFile");
        }
        Path path = Path.of(text.trim()).toAbsolutePath();
        if (Files.isDirectory(path)) {
            return i18n.format("images.problem.isFolder", text.trim());
        }
        Path parent = path.getParent();
        return parent != null && Files.isDirectory(parent) && Files.isWritable(parent) ? null
                : i18n.format("images.problem.noFolder", parent);
    }

    /** Comma-separated aliases: none may hold white space or a colon. */
    static List<String> aliases(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    String aliasProblem(String text) {
        for (String alias : aliases(text)) {
            if (alias.matches(".*[\\s:].*")) {
                return i18n.format("images.problem.alias", alias);
            }
        }
        return null;
    }

    /** {@code key=value} lines; blank lines are skipped. */
    static Map<String, String> properties(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return out;
    }

    String propertiesProblem(String text) {
        for (String line : text.split("\\R")) {
            if (!line.isBlank() && line.indexOf('=') <= 0) {
                return i18n.format("images.problem.property", line.trim());
            }
        }
        return null;
    }
}
