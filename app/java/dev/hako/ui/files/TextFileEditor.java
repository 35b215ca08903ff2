package dev.hako.ui.files;

import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.view.instance.InstanceContext;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The window of a {@link TextEditorViewModel}: the text, a status line and Save. */
public final class TextFileEditor {

    /** The editor opened last (tests drive it); FX thread. */
    private static TextFileEditor last;

    private final TextEditorViewModel model;
    private final DialogService dialogs;
    private final I18n i18n;
    private final Runnable afterSave;
    private final TextArea text = new TextArea();
    private final Label status = new Label();
    private final Button save = new Button();
    private final Stage stage;
    private final ChangeListener<Locale> relabel = (o, was, now) -> relabel();

    private TextFileEditor(TextEditorViewModel model, DialogService dialogs, Window owner, Runnable afterSave) {
        this.model = model;
        this.dialogs = dialogs;
        this.i18n = model.i18n();
        this.afterSave = afterSave;
        text.setId("fileEditorText");
        text.setStyle("-fx-font-family: monospace;");
        text.textProperty().bindBidirectional(model.textProperty());
        save.setId("fileEditorSave");
        save.setDefaultButton(false);
        save.setOnAction(e -> save(false));
        status.setId("fileEditorStatus");
        status.setMaxWidth(Double.MAX_VALUE);
        status.textProperty().bind(model.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox bar = new HBox(8, status, save);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        BorderPane root = new BorderPane(text, null, null, bar, null);
        root.setPrefSize(720, 520);
        stage = dialogs.window(model.titleProperty().get(), root);
        if (stage.getOwner() == null && owner != null) {
            stage.initOwner(owner);
        }
        stage.titleProperty().bind(model.titleProperty());
        relabel();
        i18n.localeProperty().addListener(relabel);
        stage.setOnHidden(e -> {
            i18n.localeProperty().removeListener(relabel);
            model.close();
        });
    }

    /**
     * Loads the file in the background and shows the editor, or hands {@code failed} why it
     * cannot (not text, gone, no permission). {@code afterSave} runs after each save.
     */
    public static void open(InstanceContext context, String path, Window owner, Consumer<? super Exception> failed,
                            Runnable afterSave) {
        TextEditorViewModel model = TextEditorViewModel.of(context, path);
        model.load(() -> {
            TextFileEditor editor = new TextFileEditor(model, context.dialogs(), owner, afterSave);
            editor.stage.show();
            last = editor;
        }, failure -> {
            model.close();
            failed.accept(failure);
        });
    }

    public static TextFileEditor lastOpened() {
        return last;
    }

    private void relabel() {
        save.setText(i18n.get("files.edit.save"));
    }

    public Stage stage() {
        return stage;
    }

    public TextArea textArea() {
        return text;
    }

    public String statusText() {
        return status.getText();
    }

    /** Saves; unless {@code force}, first checks that nobody changed the file meanwhile. */
    public void save(boolean force) {
        model.save(force, this::askOverwrite, afterSave);
    }

    private boolean askOverwrite() {
        Label question = new Label(i18n.format("files.edit.overwrite", model.path()));
        question.setWrapText(true);
        question.setMaxWidth(460);
        return dialogs.showForm(model.titleProperty().get(), i18n.get("files.edit.changedOnServer"), question, null,
                ButtonType.YES, ButtonType.NO).filter(ButtonType.YES::equals).isPresent();
    }
}
