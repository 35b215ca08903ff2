package dev.hako.ui.wizard.pool;

import dev.hako.model.RemoteModel;
import dev.hako.model.pool.PoolUsage;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FormBuilder;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.List;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * The form that deletes a pool after saying what still uses it; it shows and binds a
 * {@link DeletePoolViewModel}.
 */
public final class DeletePoolDialog {

    private DeletePoolDialog() {
    }

    /** Reads what uses the pool now, then asks. */
    public static void open(TaskExecutor tasks, DialogService dialogs, RemoteModel remote, String pool) {
        DeletePoolViewModel.load(tasks, dialogs, remote, pool, model -> ask(dialogs, model));
    }

    private static void ask(DialogService dialogs, DeletePoolViewModel model) {
        I18n i18n = dialogs.i18n();
        PoolUsage usage = model.usage();
        VBox content = new VBox(8);
        content.setPrefWidth(520);
        content.setId("poolUsage");
        if (usage.unused()) {
            content.getChildren().add(new Label(i18n.get("pool.delete.unused")));
        }
        CheckBox clearProfiles = new CheckBox(i18n.get("pool.delete.clearProfiles"));
        clearProfiles.setId("poolClearProfiles");
        clearProfiles.setWrapText(true);
        clearProfiles.selectedProperty().bindBidirectional(model.clearProfilesProperty());
        CheckBox clearVolumes = new CheckBox(i18n.get("pool.delete.clearVolumes"));
        clearVolumes.setId("poolClearVolumes");
        clearVolumes.setWrapText(true);
        clearVolumes.selectedProperty().bindBidirectional(model.clearVolumesProperty());
        section(content, i18n.get("pool.delete.profiles"), usage.profiles(), clearProfiles);
        section(content, i18n.get("pool.delete.volumes"), usage.volumes(), clearVolumes);
        section(content, i18n.get("pool.delete.images"), usage.images(), null);
        section(content, i18n.get("pool.delete.instances"), usage.instances(), null);
        section(content, i18n.get("pool.delete.other"), usage.other(), null);
        Label blocked = new Label(usage.blocked() ? i18n.get("pool.delete.blocked") : "");
        blocked.setId("poolBlocked");
        blocked.getStyleClass().add("danger");
        blocked.setWrapText(true);
        TextField confirm = new TextField();
        confirm.setId("confirmField");
        confirm.textProperty().bindBidirectional(model.typedNameProperty());
        FormBuilder.focusOnShow(content, confirm);
        content.getChildren().addAll(blocked, new Label(i18n.format("pool.delete.typeName", usage.pool())), confirm);
        ButtonType delete = new ButtonType(i18n.get("pool.delete.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.get("wizard.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        if (dialogs.showForm(i18n.get("pool.delete.title"), i18n.format("pool.delete.header", usage.pool()), content,
                model.invalidProperty(), delete, cancel).filter(delete::equals).isPresent()) {
            model.delete();
        }
    }

    private static void section(VBox content, String title, List<String> names, CheckBox clear) {
        if (names.isEmpty()) {
            return;
        }
        Label heading = new Label(title);
        heading.getStyleClass().add("text-bold");
        Label list = new Label(String.join(", ", names));
        list.setWrapText(true);
        content.getChildren().addAll(heading, list);
        if (clear != null) {
            content.getChildren().add(clear);
        }
    }
}
