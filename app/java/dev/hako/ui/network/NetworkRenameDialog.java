package dev.hako.ui.network;

import dev.hako.ui.common.CommandBox;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.UnreachableException;
import dev.hako.model.RemoteModel;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FormBuilder;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The rename-network form; it binds a {@link NetworkRenameViewModel}. */
public final class NetworkRenameDialog {

    private NetworkRenameDialog() {
    }

    public static void open(TaskExecutor tasks, DialogService dialogs, RemoteModel remote, String network) {
        LxdClient client = remote.client();
        if (client == null) {
            dialogs.showError(dialogs.i18n().format("action.notConnected", remote.name()),
                    new UnreachableException(remote.name(), null));
            return;
        }
        show(dialogs, new NetworkRenameViewModel(dialogs.i18n(), tasks, dialogs, client.kind(), remote.name(), network,
                () -> remote.networks().snapshot().keySet(), (from, to) -> client.networks().rename(from, to)),
                client.kind().cli());
    }

    private static void show(DialogService dialogs, NetworkRenameViewModel model, String cli) {
        I18n i18n = dialogs.i18n();
        TextField name = new TextField();
        name.setId("nameField");
        name.textProperty().bindBidirectional(model.newNameProperty());
        FormBuilder.focusOnShow(name, name);
        Label problem = new Label();
        problem.setId("formProblem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty().bind(model.problemProperty());
        // No empty gap while there is nothing to say.
        problem.managedProperty().bind(model.invalidProperty());
        Label hint = new Label(i18n.get("network.rename.hint"));
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().add("text-muted");
        VBox content = new VBox(8, new Label(i18n.get("network.rename.newName")), name, hint, problem,
                CommandBox.of(i18n, cli, model.commandProperty(), "networkCommand"));
        content.setPrefWidth(520);
        if (dialogs.showForm(i18n.get("network.rename.title"), i18n.format("network.rename.header", model.name()),
                content, model.invalidProperty()).filter(ButtonType.OK::equals).isPresent()) {
            model.rename(() -> show(dialogs, model, cli));
        }
    }
}
