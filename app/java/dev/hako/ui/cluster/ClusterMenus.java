package dev.hako.ui.cluster;

import dev.hako.lxd.LxdClient;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.tree.TreeEntry;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** The cluster items of the tree's context menu: on a remote, the members group and a member. */
public final class ClusterMenus {

    private ClusterMenus() {
    }

    private static boolean clustered(RemoteModel remote) {
        LxdClient c = remote.client();
        return c != null && c.serverInfo().environment() != null && c.serverInfo().environment().serverClustered();
    }

    /** Adds what applies to {@code entry} (nothing for other kinds of entry or an offline remote). */
    public static void addItems(ContextMenu menu, TaskExecutor tasks, DialogService dialogs, Workspace workspace,
                                RemoteModel remote, TreeEntry entry) {
        if (remote.client() == null) {
            return;
        }
        I18n i18n = dialogs.i18n();
        ClusterActions actions = new ClusterActions(tasks, dialogs, remote);
        if (entry instanceof TreeEntry.RemoteEntry) {
            menu.getItems().add(new SeparatorMenuItem());
            if (clustered(remote)) {
                add(menu, i18n, "cluster.menu.addMember", "menuClusterAddMember", actions::addMember);
            } else {
                add(menu, i18n, "cluster.menu.create", "menuClusterCreate",
                        () -> CreateClusterDialog.open(tasks, dialogs, remote));
                add(menu, i18n, "cluster.menu.join", "menuClusterJoin",
                        () -> JoinClusterWizard.open(tasks, dialogs, workspace, remote, null));
            }
        } else if (entry instanceof TreeEntry.GroupEntry group && group.group() == TreeEntry.Group.CLUSTER_MEMBERS) {
            add(menu, i18n, "cluster.menu.addMember", "menuClusterAddMember", actions::addMember);
        } else if (entry instanceof TreeEntry.MemberEntry member) {
            String name = member.member().serverName();
            boolean evacuated = "evacuated".equalsIgnoreCase(member.member().status());
            add(menu, i18n, "cluster.menu.evacuate", "menuClusterEvacuate", () -> actions.changeState(name, true))
                    .setDisable(evacuated);
            add(menu, i18n, "cluster.menu.restore", "menuClusterRestore", () -> actions.changeState(name, false))
                    .setDisable(!evacuated);
            menu.getItems().add(new SeparatorMenuItem());
            add(menu, i18n, "cluster.menu.addMember", "menuClusterAddMember", actions::addMember);
            add(menu, i18n, "cluster.menu.remove", "menuClusterRemove", () -> actions.remove(name));
        }
    }

    private static MenuItem add(ContextMenu menu, I18n i18n, String key, String id, Runnable action) {
        MenuItem item = new MenuItem(i18n.get(key));
        item.setId(id);
        item.setOnAction(e -> action.run());
        menu.getItems().add(item);
        return item;
    }
}
