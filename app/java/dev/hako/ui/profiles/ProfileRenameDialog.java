package dev.hako.ui.profiles;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.UnreachableException;
import dev.hako.model.RemoteModel;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.RenameDialog;
import dev.hako.ui.common.TaskExecutor;

/** The rename-profile form; it binds a {@link ProfileRenameViewModel}. */
public final class ProfileRenameDialog {

    private ProfileRenameDialog() {
    }

    public static void open(TaskExecutor tasks, DialogService dialogs, RemoteModel remote, String profile) {
        LxdClient client = remote.client();
        if (client == null) {
            dialogs.showError(dialogs.i18n().format("action.notConnected", remote.name()),
                    new UnreachableException(remote.name(), null));
            return;
        }
        show(dialogs, new ProfileRenameViewModel(dialogs.i18n(), tasks, dialogs,
                new dev.hako.model.ActionCommands(client.kind(), remote.name(), client.project()), profile,
                () -> remote.profiles().snapshot().keySet(), (from, to) -> client.profiles().rename(from, to)),
                client.kind().cli());
    }

    private static void show(DialogService dialogs, ProfileRenameViewModel model, String cli) {
        I18n i18n = dialogs.i18n();
        RenameDialog.show(dialogs, model, cli, new RenameDialog.Words(i18n.get("profile.rename.title"),
                i18n.format("profile.rename.header", model.name()), i18n.get("profile.rename.newName"),
                i18n.get("profile.rename.hint")),
                new RenameDialog.Ids("profileNewName", "profileRenameProblem", "profileCommand"));
    }
}
