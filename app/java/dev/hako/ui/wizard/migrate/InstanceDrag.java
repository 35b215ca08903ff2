package dev.hako.ui.wizard.migrate;

import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.ui.common.I18n;
import dev.hako.ui.tree.TreeEntry;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.Window;

/**
 * Dragging an instance of the tree onto another remote's row opens the migration
 * wizard for it, with that remote chosen. Nothing is transferred by the drop itself.
 */
public final class InstanceDrag {

    private static final String PREFIX = "hako-instance:";

    private InstanceDrag() {
    }

    private static TreeEntry entryUnder(Object target) {
        Node node = target instanceof Node n ? n : null;
        while (node != null && !(node instanceof TreeCell<?>)) {
            node = node.getParent();
        }
        if (node instanceof TreeCell<?> cell && !cell.isEmpty() && cell.getItem() instanceof TreeEntry entry) {
            return entry;
        }
        return null;
    }

    /** Installs the handlers on the tree; {@code i18n} is the tree's language. */
    public static void install(TreeView<TreeEntry> view, Supplier<Window> owner, I18n i18n, Workspace workspace) {
        TreeEntry.InstanceEntry[] dragged = new TreeEntry.InstanceEntry[1];
        view.addEventHandler(MouseEvent.DRAG_DETECTED, e -> {
            if (entryUnder(e.getPickResult().getIntersectedNode()) instanceof TreeEntry.InstanceEntry instance) {
                dragged[0] = instance;
                Dragboard board = view.startDragAndDrop(TransferMode.COPY_OR_MOVE);
                ClipboardContent content = new ClipboardContent();
                content.putString(PREFIX + instance.remote() + "/" + instance.instance().name());
                board.setContent(content);
                e.consume();
            }
        });
        view.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (dropTarget(e, dragged[0]) != null) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            e.consume();
        });
        view.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            TreeEntry.RemoteEntry target = dropTarget(e, dragged[0]);
            TreeEntry.InstanceEntry instance = dragged[0];
            e.setDropCompleted(target != null);
            e.consume();
            if (target != null) {
                RemoteModel source = workspace.remote(instance.remote());
                if (source != null) {
                    MigrationWizard.open(owner.get(), i18n, workspace, source, instance.instance(), target.remote());
                }
            }
        });
        view.addEventHandler(DragEvent.DRAG_DONE, e -> dragged[0] = null);
    }

    private static TreeEntry.RemoteEntry dropTarget(DragEvent e, TreeEntry.InstanceEntry dragged) {
        if (dragged == null || !e.getDragboard().hasString() || !e.getDragboard().getString().startsWith(PREFIX)) {
            return null;
        }
        if (entryUnder(e.getPickResult().getIntersectedNode()) instanceof TreeEntry.RemoteEntry remote
                && !remote.remote().equals(dragged.remote())) {
            return remote;
        }
        return null;
    }
}
