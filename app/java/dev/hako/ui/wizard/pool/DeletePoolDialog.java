package dev.hako.ui.wizard.pool;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.StoragePool;
import dev.hako.model.RemoteModel;
import dev.hako.ui.common.Dialogs;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskRunner;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Deletes a pool after saying what still uses it. Profile devices on the pool and
 * custom volumes can be cleared first, each only after its own box is ticked;
 * instances must be moved or deleted elsewhere, so while any remain nothing is sent.
 */
public final class DeletePoolDialog {

    private DeletePoolDialog() {
    }

    public static void open(Window owner, I18n i18n, RemoteModel remote, String pool) {
        LxdClient client = remote.client();
        String action = i18n.format("pool.delete.action", pool);
        if (client == null) {
            Dialogs.showError(owner, i18n, action, new dev.hako.lxd.UnreachableException(remote.name(), null));
            return;
        }
        TaskRunner.run(() -> client.storage().pool(pool).value(), (StoragePool value) -> {
            PoolUsage usage = PoolUsage.of(pool, value.usedBy());
            ask(owner, i18n, usage).ifPresent(choice -> TaskRunner.run(
                    () -> PoolUsage.clearAndDelete(client, pool, choice.profiles(), choice.volumes()), () -> { },
                    failure -> Dialogs.showError(owner, i18n, action, failure)));
        }, failure -> Dialogs.showError(owner, i18n, action, failure));
    }

    /** What the user agreed to clear. */
    record Choice(List<String> profiles, List<String> volumes) {
    }

    private static java.util.Optional<Choice> ask(Window owner, I18n i18n, PoolUsage usage) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("pool.delete.title"));
        dialog.setHeaderText(i18n.format("pool.delete.header", usage.pool()));
        VBox content = new VBox(8);
        content.setPrefWidth(520);
        content.setId("poolUsage");
        if (usage.unused()) {
            content.getChildren().add(new Label(i18n.get("pool.delete.unused")));
        }
        CheckBox clearProfiles = new CheckBox(i18n.get("pool.delete.clearProfiles"));
        clearProfiles.setId("poolClearProfiles");
        clearProfiles.setWrapText(true);
        CheckBox clearVolumes = new CheckBox(i18n.get("pool.delete.clearVolumes"));
        clearVolumes.setId("poolClearVolumes");
        clearVolumes.setWrapText(true);
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
        content.getChildren().addAll(blocked, new Label(i18n.format("pool.delete.typeName", usage.pool())), confirm);
        dialog.getDialogPane().setContent(content);
        ButtonType cancel = new ButtonType(i18n.get("wizard.cancel"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonType ok = new ButtonType(i18n.get("pool.delete.ok"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, cancel);
        dev.hako.ui.common.Theme.styleDialog(dialog.getDialogPane(), owner);
        Node okButton = dialog.getDialogPane().lookupButton(ok);
        Runnable check = () -> okButton.setDisable(usage.blocked() || !confirm.getText().trim().equals(usage.pool())
                || (!usage.profiles().isEmpty() && !clearProfiles.isSelected())
                || (!usage.volumes().isEmpty() && !clearVolumes.isSelected()));
        confirm.textProperty().addListener((o, a, b) -> check.run());
        clearProfiles.selectedProperty().addListener((o, a, b) -> check.run());
        clearVolumes.selectedProperty().addListener((o, a, b) -> check.run());
        check.run();
        Platform.runLater(confirm::requestFocus);
        return dialog.showAndWait().filter(ok::equals).map(b -> new Choice(
                clearProfiles.isSelected() ? usage.profiles() : List.of(),
                clearVolumes.isSelected() ? usage.volumes() : List.of()));
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
