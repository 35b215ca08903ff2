package dev.hako.ui.tree;

import dev.hako.lxd.ServerKind;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.remote.simplestreams.ImageServer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javafx.scene.control.TreeItem;

/**
 * The "Image servers" group at the bottom of the tree: the built-in servers of the CLIs whose
 * kinds of server the user has (LXD's {@code images:}, {@code ubuntu:}, {@code ubuntu-daily:};
 * Incus's {@code images:}), and the simplestreams remotes the user saved. Rows are reused by
 * address, so a selected server stays selected while remotes connect.
 */
final class ImageServerRows {

    private final TreeItem<TreeEntry> group = new TreeItem<>(new TreeEntry.ImageServersEntry(0));
    private final Map<String, TreeItem<TreeEntry>> rows = new HashMap<>();

    ImageServerRows() {
        group.setExpanded(true);
    }

    TreeItem<TreeEntry> group() {
        return group;
    }

    /** The kinds of the remotes that have said what they are. */
    static Set<ServerKind> kindsOf(List<RemoteModel> remotes) {
        Set<ServerKind> kinds = EnumSet.noneOf(ServerKind.class);
        for (RemoteModel remote : remotes) {
            if (remote.state() != null && remote.state().kind() != null) {
                kinds.add(remote.state().kind());
            }
        }
        return kinds;
    }

    void show(TreeItem<TreeEntry> root, Workspace workspace, Predicate<TreeEntry> filter, boolean filtering) {
        List<ImageServer> listed = ImageServer.listed(kindsOf(workspace.remotes()), workspace.savedImageServers());
        List<TreeItem<TreeEntry>> shown = new ArrayList<>();
        Map<String, TreeItem<TreeEntry>> kept = new HashMap<>();
        for (ImageServer server : listed) {
            TreeEntry entry = new TreeEntry.ImageServerEntry(server);
            TreeItem<TreeEntry> row = rows.get(server.key());
            if (row == null) {
                row = new TreeItem<>(entry);
            } else if (!entry.equals(row.getValue())) {
                row.setValue(entry);
            }
            kept.put(server.key(), row);
            if (filter.test(entry)) {
                shown.add(row);
            }
        }
        rows.clear();
        rows.putAll(kept);
        if (!group.getChildren().equals(shown)) {
            group.getChildren().setAll(shown);
        }
        relabel();
        boolean wanted = !listed.isEmpty() && !(filtering && shown.isEmpty());
        if (!wanted) {
            root.getChildren().remove(group);
        } else if (!root.getChildren().contains(group)) {
            root.getChildren().add(group);
        }
    }

    void relabel() {
        group.setValue(new TreeEntry.ImageServersEntry(group.getChildren().size()));
    }
}
