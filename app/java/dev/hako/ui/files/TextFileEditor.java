package dev.hako.ui.files;

import dev.hako.lxd.FileMetadata;
import dev.hako.lxd.InstanceFiles;
import dev.hako.lxd.LxdClient;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskRunner;
import dev.hako.ui.view.instance.InstanceContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A small text file from the instance in a plain editor. Saving checks first whether the
 * file changed on the server since it was opened (size or modification time) and asks
 * before overwriting someone else's change. Mode and owner stay as they were: the server
 * keeps them when it overwrites an existing file.
 */
public final class TextFileEditor {

    private final InstanceContext context;
    private final I18n i18n;
    private final String path;
    private final Stage stage = new Stage();
    private final TextArea text = new TextArea();
    private final Label status = new Label();
    private final Runnable afterSave;
    private FileMetadata opened;

    private TextFileEditor(InstanceContext context, String path, Window owner, Runnable afterSave) {
        this.context = context;
        this.i18n = context.i18n();
        this.path = path;
        this.afterSave = afterSave;
        stage.setTitle(i18n.format("files.edit.title", path, context.instanceName()));
        if (owner != null) {
            stage.initOwner(owner);
        }
        text.setId("fileEditorText");
        text.setStyle("-fx-font-family: monospace;");
        Button save = new Button(i18n.get("files.edit.save"));
        save.setId("fileEditorSave");
        save.setDefaultButton(false);
        save.setOnAction(e -> save(false));
        status.setId("fileEditorStatus");
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox bar = new HBox(8, status, save);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        Scene scene = new Scene(new BorderPane(text, null, null, bar, null), 720, 520);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            scene.getRoot().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
        stage.setScene(scene);
    }

    /** Loads the file in the background and shows the editor, or reports why it cannot. */
    public static void open(InstanceContext context, String path, Window owner, Consumer<String> report,
                            Runnable afterSave) {
        LxdClient client = context.remote().client();
        String instance = context.instanceName();
        I18n i18n = context.i18n();
        TaskRunner.run(() -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            FileMetadata meta = client.instances().files().info(instance, path);
            client.instances().files().download(instance, path, bytes);
            try {
                String content = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray()))
                        .toString();
                return new Loaded(meta, content);
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException(i18n.format("files.edit.notText", path));
            }
        }, loaded -> {
            TextFileEditor editor = new TextFileEditor(context, path, owner, afterSave);
            editor.opened = loaded.metadata();
            editor.text.setText(loaded.text());
            editor.stage.show();
            last = editor;
        }, failure -> report.accept(failure instanceof IllegalArgumentException ? failure.getMessage()
                : i18n.format("files.actionFailed", path, failure.getMessage())));
    }

    private record Loaded(FileMetadata metadata, String text) {
    }

    /** The editor opened last (tests drive it); FX thread. */
    private static TextFileEditor last;

    public static TextFileEditor lastOpened() {
        return last;
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
        LxdClient client = context.remote().client();
        String instance = context.instanceName();
        byte[] content = text.getText().getBytes(StandardCharsets.UTF_8);
        FileMetadata known = opened;
        status.setText(i18n.get("files.edit.saving"));
        TaskRunner.run(() -> {
            FileMetadata now = client.instances().files().info(instance, path);
            if (!force && (now.size() != known.size() || !Objects.equals(now.modified(), known.modified()))) {
                return Boolean.FALSE;
            }
            client.instances().files().upload(instance, path, new ByteArrayInputStream(content), content.length,
                    InstanceFiles.FileOptions.defaults());
            opened = client.instances().files().info(instance, path);
            return Boolean.TRUE;
        }, saved -> {
            if (saved) {
                status.setText(i18n.get("files.edit.saved"));
                afterSave.run();
            } else {
                status.setText(i18n.get("files.edit.changedOnServer"));
                Alert ask = new Alert(Alert.AlertType.WARNING, i18n.format("files.edit.overwrite", path),
                        ButtonType.YES, ButtonType.NO);
                ask.initOwner(stage);
                if (ask.showAndWait().orElse(ButtonType.NO) == ButtonType.YES) {
                    save(true);
                }
            }
        }, failure -> status.setText(i18n.format("files.actionFailed", path, failure.getMessage())));
    }
}
