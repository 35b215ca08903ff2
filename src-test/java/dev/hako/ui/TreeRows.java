package dev.hako.ui;

import dev.hako.ui.tree.TreeEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.testfx.util.WaitForAsyncUtils;

/** Reads the tree's rows on the FX thread, for assertions. */
public final class TreeRows {

    private TreeRows() {
    }

    public static List<TreeEntry> all(TreeView<TreeEntry> tree) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                List<TreeEntry> rows = new ArrayList<>();
                collect(tree.getRoot(), rows);
                return rows;
            }).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(TreeItem<TreeEntry> item, List<TreeEntry> rows) {
        for (TreeItem<TreeEntry> child : item.getChildren()) {
            rows.add(child.getValue());
            collect(child, rows);
        }
    }

    public static Optional<TreeEntry.InstanceEntry> instance(TreeView<TreeEntry> tree, String name) {
        return all(tree).stream()
                .filter(e -> e instanceof TreeEntry.InstanceEntry i && i.instance().name().equals(name))
                .map(e -> (TreeEntry.InstanceEntry) e).findFirst();
    }

    public static Optional<TreeEntry.RemoteEntry> remote(TreeView<TreeEntry> tree) {
        return all(tree).stream().filter(e -> e instanceof TreeEntry.RemoteEntry)
                .map(e -> (TreeEntry.RemoteEntry) e).findFirst();
    }
}
