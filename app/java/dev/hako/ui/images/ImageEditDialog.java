package dev.hako.ui.images;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.UnreachableException;
import dev.hako.lxd.api.Image;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The form that edits an image's properties and flags; it shows and binds an {@link ImageEditViewModel}. */
public final class ImageEditDialog {

    private ImageEditDialog() {
    }

    /** Reads the image with its ETag, then shows the form. */
    public static void open(TaskExecutor tasks, DialogService dialogs, String remote, LxdClient client,
                            String fingerprint) {
        I18n i18n = dialogs.i18n();
        String headline = i18n.format("images.edit.failed", Image.shortFingerprint(fingerprint));
        if (client == null) {
            dialogs.showError(headline, new UnreachableException(remote, null));
            return;
        }
        tasks.execute(BackgroundTask.of(progress -> client.images().get(fingerprint))
                .onSuccess(read -> show(dialogs, new ImageEditViewModel(i18n, tasks, dialogs, client.kind(),
                        remote, client.project(), read, (put, etag) -> client.images().update(fingerprint, put, etag),
                        () -> client.images().get(fingerprint))))
                .onFailure(failure -> dialogs.showError(headline, failure)));
    }

    static void show(DialogService dialogs, ImageEditViewModel model) {
        I18n i18n = dialogs.i18n();
        ButtonType save = new ButtonType(i18n.get("images.edit.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.get("wizard.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        String shortFp = Image.shortFingerprint(model.fingerprint());
        if (dialogs.showForm(i18n.get("images.edit.title"), i18n.format("images.edit.header", shortFp),
                content(i18n, model), model.invalidProperty(), save, cancel).filter(save::equals).isPresent()) {
            model.save(() -> { }, () -> show(dialogs, model));
        }
    }

    private static VBox content(I18n i18n, ImageEditViewModel model) {
        TextField description = new TextField();
        description.setId("imageDescription");
        description.textProperty().bindBidirectional(model.descriptionProperty());
        GridPane rows = new GridPane();
        rows.setId("imageProperties");
        rows.setHgap(6);
        rows.setVgap(4);
        model.properties().addListener((ListChangeListener<ImageEditViewModel.PropertyRow>) change -> {
            while (change.next()) {
                // Typing into a row is an "update" of the list: the fields are already there.
                if (change.wasAdded() || change.wasRemoved()) {
                    layoutRows(i18n, model, rows);
                    return;
                }
            }
        });
        layoutRows(i18n, model, rows);
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(180);
        Button add = new Button(i18n.get("images.edit.addProperty"));
        add.setId("imageAddProperty");
        add.setOnAction(e -> model.addProperty());
        CheckBox isPublic = new CheckBox(i18n.get("images.edit.public"));
        isPublic.setId("imagePublic");
        isPublic.selectedProperty().bindBidirectional(model.publicProperty());
        CheckBox autoUpdate = new CheckBox(i18n.get("images.edit.autoUpdate"));
        autoUpdate.setId("imageAutoUpdate");
        autoUpdate.selectedProperty().bindBidirectional(model.autoUpdateProperty());
        // Turning it off stays possible; turning it on needs a source to update from.
        autoUpdate.disableProperty().bind(model.autoUpdateProperty().not().and(
                javafx.beans.binding.Bindings.createBooleanBinding(() -> !model.updatable())));
        Label noSource = new Label(model.updatable() ? "" : i18n.get("images.edit.noSource"));
        noSource.getStyleClass().add("text-muted");
        noSource.setWrapText(true);
        Label problem = new Label();
        problem.setId("imageEditProblem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        TextArea commands = new TextArea();
        commands.setId("imageEditCommands");
        commands.setEditable(false);
        commands.setPrefRowCount(3);
        commands.setWrapText(true);
        commands.textProperty().bind(model.commandsProperty());
        VBox content = new VBox(6, new Label(i18n.get("images.edit.description")), description,
                new Label(i18n.get("images.edit.properties")), scroll, add, isPublic, autoUpdate, noSource, problem,
                new Label(i18n.get("images.edit.commands")), commands);
        content.setPrefWidth(560);
        content.setPadding(new Insets(14));
        return content;
    }

    /** Builds a row of fields per property. */
    private static void layoutRows(I18n i18n, ImageEditViewModel model, GridPane rows) {
        rows.getChildren().clear();
        int index = 0;
        for (ImageEditViewModel.PropertyRow row : model.properties()) {
            TextField key = new TextField();
            key.setId("imagePropertyKey" + index);
            key.setPromptText(i18n.get("images.edit.key"));
            key.textProperty().bindBidirectional(row.keyProperty());
            TextField value = new TextField();
            value.setId("imagePropertyValue" + index);
            value.setPromptText(i18n.get("images.edit.value"));
            value.textProperty().bindBidirectional(row.valueProperty());
            Button remove = new Button(i18n.get("images.edit.remove"));
            remove.setId("imagePropertyRemove" + index);
            remove.setOnAction(e -> model.removeProperty(row));
            rows.addRow(index++, key, value, remove);
            GridPane.setHgrow(value, Priority.ALWAYS);
        }
    }
}
