package dev.hako.ui.cluster;

import dev.hako.ui.UiDriver;
import dev.hako.ui.tree.TreeEntry;
import java.util.function.Predicate;
import javafx.scene.control.TreeItem;

/** Where the cluster UI tests find a remote's cluster members in the tree. */
final class ClusterTree {

    private ClusterTree() {
    }

    /** The remote's "Cluster members" group, or null while the tree has none (not clustered yet). */
    static TreeItem<TreeEntry> membersGroup(UiDriver ui, String remote) {
        return find(ui.window().tree().view().getRoot(), e -> e instanceof TreeEntry.GroupEntry g
                && g.remote().equals(remote) && g.group() == TreeEntry.Group.CLUSTER_MEMBERS);
    }

    private static TreeItem<TreeEntry> find(TreeItem<TreeEntry> item, Predicate<TreeEntry> test) {
        for (TreeItem<TreeEntry> child : item.getChildren()) {
            if (child.getValue() != null && test.test(child.getValue())) {
                return child;
            }
            TreeItem<TreeEntry> inner = find(child, test);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }
}
