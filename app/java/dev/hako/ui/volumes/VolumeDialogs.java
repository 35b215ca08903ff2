package dev.hako.ui.volumes;

import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FormBuilder;
import dev.hako.ui.common.I18n;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The rename, resize, copy and move forms of a custom volume; each binds its view model. */
final class VolumeDialogs {

    private VolumeDialogs() {
    }

    static void showRename(DialogService dialogs, VolumeRenameViewModel model, String cli) {
        I18n i18n = dialogs.i18n();
        TextField name = new TextField();
        name.setId("volumeNewName");
        name.textProperty().bindBidirectional(model.newNameProperty());
        GridPane grid = AttachVolumeDialog.grid();
        grid.addRow(0, new Label(i18n.get("volumes.rename.newName")), name);
        VBox content = AttachVolumeDialog.form(i18n, grid, AttachVolumeDialog.hint(i18n.get("volumes.rename.hint")),
                model, cli, "volumeCommand");
        FormBuilder.focusOnShow(content, name);
        if (dialogs.showForm(i18n.get("volumes.rename.title"), i18n.format("volumes.rename.header",
                model.volume().volume().name(), model.volume().pool()), content, model.invalidProperty())
                .filter(ButtonType.OK::equals).isPresent()) {
            model.rename(() -> showRename(dialogs, model, cli));
        }
    }

    static void showResize(DialogService dialogs, VolumeResizeViewModel model, String cli) {
        I18n i18n = dialogs.i18n();
        Label facts = new Label();
        facts.setId("volumeSizeFacts");
        facts.textProperty().bind(model.factsProperty());
        TextField size = new TextField();
        size.setId("volumeNewSize");
        size.setPromptText("10GiB");
        size.textProperty().bindBidirectional(model.sizeProperty());
        GridPane grid = AttachVolumeDialog.grid();
        grid.addRow(0, new Label(i18n.get("volumes.resize.now")), facts);
        grid.addRow(1, new Label(i18n.get("volumes.resize.size")), size);
        VBox content = AttachVolumeDialog.form(i18n, grid, AttachVolumeDialog.hint(i18n.get("volumes.resize.hint")),
                model, cli, "volumeCommand");
        FormBuilder.focusOnShow(content, size);
        if (dialogs.showForm(i18n.get("volumes.resize.title"), i18n.format("volumes.resize.header",
                model.volume().volume().name(), model.volume().pool()), content, model.invalidProperty())
                .filter(ButtonType.OK::equals).isPresent()) {
            model.resize(() -> showResize(dialogs, model, cli));
        }
    }

    static void showCopy(DialogService dialogs, VolumeCopyViewModel model, String cli) {
        I18n i18n = dialogs.i18n();
        ComboBox<String> pool = AttachVolumeDialog.combo("volumeTargetPool", model.pools(), p -> p);
        pool.valueProperty().bindBidirectional(model.targetPoolProperty());
        TextField name = new TextField();
        name.setId("volumeNewName");
        name.textProperty().bindBidirectional(model.newNameProperty());
        GridPane grid = AttachVolumeDialog.grid();
        if (model.move()) {
            grid.addRow(0, new Label(i18n.get("volumes.move.pool")), pool);
            grid.addRow(1, new Label(i18n.get("volumes.move.name")), name);
        } else {
            grid.addRow(0, new Label(i18n.get("volumes.copy.pool")), pool);
            grid.addRow(1, new Label(i18n.get("volumes.copy.name")), name);
        }
        String hint = model.move() ? i18n.get("volumes.move.hint") : i18n.get("volumes.copy.hint");
        VBox content = AttachVolumeDialog.form(i18n, grid, AttachVolumeDialog.hint(hint), model, cli,
                "volumeCommand");
        FormBuilder.focusOnShow(content, name);
        String source = model.volume().pool() + "/" + model.volume().volume().name();
        String title = model.move() ? i18n.get("volumes.move.title") : i18n.get("volumes.copy.title");
        String header = model.move() ? i18n.format("volumes.move.header", source)
                : i18n.format("volumes.copy.header", source);
        if (dialogs.showForm(title, header, content, model.invalidProperty()).filter(ButtonType.OK::equals)
                .isPresent()) {
            model.run(() -> showCopy(dialogs, model, cli));
        }
    }
}
