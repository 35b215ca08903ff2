package dev.hako.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * The content of a form of labelled rows, checked as the user types: the first problem
 * shows under the rows and OK stays disabled while there is one. It is shown through
 * {@link DialogService#showForm}, so it is owned, themed and in the window's language.
 */
public final class FormBuilder {

    private final I18n i18n;
    private final GridPane grid = new GridPane();
    private final Label problem = new Label();
    private final VBox content;
    private final List<Supplier<String>> checks = new ArrayList<>();
    private final List<Supplier<String>> commands = new ArrayList<>();
    private final List<javafx.beans.property.StringProperty> commandTexts = new ArrayList<>();
    private final ReadOnlyBooleanWrapper invalid = new ReadOnlyBooleanWrapper(this, "invalid");
    private int rows;

    public FormBuilder(I18n i18n) {
        this.i18n = i18n;
        grid.setHgap(8);
        grid.setVgap(8);
        problem.setId("formProblem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        content = new VBox(10, grid, problem);
        content.setPrefWidth(560);
    }

    public I18n i18n() {
        return i18n;
    }

    /** Adds a labelled row; inputs inside {@code field} re-run the checks as they change. */
    public <N extends Node> N row(String labelKey, N field) {
        Label label = new Label(i18n.get(labelKey));
        label.setMinWidth(Region.USE_PREF_SIZE);
        grid.addRow(rows++, label, field);
        GridPane.setHgrow(field, Priority.ALWAYS);
        watch(field);
        return field;
    }

    /** A row across both columns (a check box, a note). */
    public <N extends Node> N wide(N node) {
        grid.add(node, 0, rows++, 2, 1);
        watch(node);
        return node;
    }

    /** A wrapped note across both columns. */
    public Label note(String text) {
        Label note = new Label(text);
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        return wide(note);
    }

    public TextField text(String labelKey, String id, String initial, String promptKey) {
        TextField field = new TextField(initial == null ? "" : initial);
        field.setId(id);
        if (promptKey != null) {
            field.setPromptText(i18n.get(promptKey));
        }
        return row(labelKey, field);
    }

    /** A path field with a Browse button; {@code save} picks a file to write, else one to read. */
    public TextField file(String labelKey, String id, boolean save, String initialName) {
        TextField field = new TextField();
        field.setId(id);
        Button browse = new Button(i18n.get("form.browse"));
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(i18n.get(labelKey));
            if (initialName != null) {
                chooser.setInitialFileName(initialName);
            }
            Window window = content.getScene() == null ? null : content.getScene().getWindow();
            var chosen = save ? chooser.showSaveDialog(window) : chooser.showOpenDialog(window);
            if (chosen != null) {
                field.setText(chosen.getAbsolutePath());
            }
        });
        HBox box = new HBox(6, field, browse);
        HBox.setHgrow(field, Priority.ALWAYS);
        row(labelKey, box);
        return field;
    }

    /**
     * The equivalent {@code program} command line under the form, made again from the inputs on every edit;
     * {@code command} returns null while the input is not complete enough for one.
     */
    public void command(String program, Supplier<String> command) {
        commands.add(command);
        javafx.beans.property.StringProperty text = new javafx.beans.property.SimpleStringProperty("");
        commandTexts.add(text);
        content.getChildren().add(CommandBox.of(i18n, program, text, "formCommand"));
    }

    /** A check: returns the problem's text (in the user's language), or null when the input is fine. */
    public void check(Supplier<String> check) {
        checks.add(check);
    }

    /** Runs the checks now (they also run on every edit of the form's inputs). */
    public void validate() {
        String message = null;
        for (Supplier<String> check : checks) {
            message = check.get();
            if (message != null) {
                break;
            }
        }
        problem.setText(message == null ? "" : message);
        invalid.set(message != null);
        for (int i = 0; i < commands.size(); i++) {
            String line = message == null ? commands.get(i).get() : null;
            commandTexts.get(i).set(line == null ? "" : line);
        }
        refit();
    }

    public ReadOnlyBooleanProperty invalidProperty() {
        return invalid.getReadOnlyProperty();
    }

    public Parent content() {
        return content;
    }

    /** Grows the window when its content needs more room than it has (a preview got longer). */
    public void refit() {
        Window window = content.getScene() == null ? null : content.getScene().getWindow();
        if (window != null && window.isShowing() && content.prefHeight(content.getWidth()) > content.getHeight()) {
            window.sizeToScene();
        }
    }

    /** Gives {@code node} the keyboard focus once the form's window shows. */
    public void focusOnShow(Node node) {
        focusOnShow(content, node);
    }

    /** Gives {@code node} the focus once the window that comes to hold {@code root} shows. */
    public static void focusOnShow(Node root, Node node) {
        java.util.function.Consumer<Window> attach = window -> window.addEventHandler(WindowEvent.WINDOW_SHOWN,
                e -> node.requestFocus());
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene == null) {
                return;
            }
            if (scene.getWindow() != null) {
                attach.accept(scene.getWindow());
            } else {
                scene.windowProperty().addListener((w, old, window) -> {
                    if (window != null) {
                        attach.accept(window);
                    }
                });
            }
        });
    }

    /** Shows the form and waits; true when it was confirmed with OK. */
    public boolean show(DialogService dialogs, String title, String header) {
        validate();
        return dialogs.showForm(title, header, content, invalid.getReadOnlyProperty())
                .filter(ButtonType.OK::equals).isPresent();
    }

    private void watch(Node node) {
        if (node instanceof TextInputControl input) {
            input.textProperty().addListener((obs, old, text) -> validate());
        } else if (node instanceof CheckBox box) {
            box.selectedProperty().addListener((obs, old, v) -> validate());
        } else if (node instanceof ChoiceBox<?> choice) {
            choice.valueProperty().addListener((obs, old, v) -> validate());
        } else if (node instanceof ComboBox<?> combo) {
            combo.valueProperty().addListener((obs, old, v) -> validate());
        } else if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(this::watch);
        }
    }
}
