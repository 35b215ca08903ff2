package dev.hako.ui.wizard.migrate;

import dev.hako.lxd.api.Instance;
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
 * Dragging an instance of the tree onto another remote's row, or onto a cluster member
 * (of its own cluster or another), opens the migration wizard for it with that
 * destination chosen. Nothing is transferred by the drop itself.
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

    /** What a dragged instance puts on the dragboard: which remote, which instance. */
    public static ClipboardContent content(String remote, String instance) {
        ClipboardContent content = new ClipboardContent();
        content.putString(PREFIX + remote + "/" + instance);
        return content;
    }

    /** Installs the handlers on the tree; {@code i18n} is the tree's language. */
    public static void install(TreeView<TreeEntry> view, Supplier<Window> owner, I18n i18n, Workspace workspace) {
        view.addEventHandler(MouseEvent.DRAG_DETECTED, e -> {
            if (entryUnder(e.getPickResult().getIntersectedNode()) instanceof TreeEntry.InstanceEntry instance) {
                Dragboard board = view.startDragAndDrop(TransferMode.COPY_OR_MOVE);
                board.setContent(content(instance.remote(), instance.instance().name()));
                e.consume();
            }
        });
        view.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (Drop.of(e, workspace) != null) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            e.consume();
        });
        view.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            Drop drop = Drop.of(e, workspace);
            e.setDropCompleted(drop != null);
            e.consume();
            if (drop != null) {
                MigrationWizard.open(owner.get(), i18n, workspace, drop.source(), drop.instance(), drop.target(),
                        drop.member());
            }
        });
    }

    /** An instance the workspace knows, dropped on the row of another remote or of a cluster member. */
    private record Drop(RemoteModel source, Instance instance, String target, String member) {

        /** The drop an event would make, or null when it would make none. */
        static Drop of(DragEvent e, Workspace workspace) {
            String text = e.getDragboard().hasString() ? e.getDragboard().getString() : null;
            if (text == null || !text.startsWith(PREFIX) || text.lastIndexOf('/') <= PREFIX.length()) {
                return null;
            }
            String remoteName = text.substring(PREFIX.length(), text.lastIndexOf('/'));
            RemoteModel source = workspace.remote(remoteName);
            Instance instance = source == null ? null
                    : source.instances().snapshot().get(text.substring(text.lastIndexOf('/') + 1));
            if (instance == null) {
                return null;
            }
            TreeEntry under = entryUnder(e.getPickResult().getIntersectedNode());
            if (under instanceof TreeEntry.RemoteEntry remote && !remote.remote().equals(remoteName)) {
                return new Drop(source, instance, remote.remote(), null);
            }
            if (under instanceof TreeEntry.MemberEntry member
                    && !(member.remote().equals(remoteName)
                    && member.member().serverName().equals(instance.location()))) {
                return new Drop(source, instance, member.remote(), member.member().serverName());
            }
            return null;
        }
    }
}
