package dev.hako.ui.network;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.UnreachableException;
import dev.hako.model.RemoteModel;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.RenameDialog;
import dev.hako.ui.common.TaskExecutor;

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
        RenameDialog.show(dialogs, model, cli, new RenameDialog.Words(i18n.get("network.rename.title"),
                i18n.format("network.rename.header", model.name()), i18n.get("network.rename.newName"),
                i18n.get("network.rename.hint")), new RenameDialog.Ids("nameField", "formProblem", "networkCommand"));
    }
}
