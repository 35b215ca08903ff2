package dev.hako.ui.tree;

import javafx.scene.control.TreeView;

/** Which rows a right click in the tree acts on. */
final class RightClick {

    private RightClick() {
    }

    /**
     * A right click acts on the row under the mouse: if that row is not part of the
     * selection, it becomes the selection (a multi-selection that includes it stays).
     * Without this the menu would act on whatever was selected before. False for a
     * click on empty space.
     */
    static boolean selectRowUnder(TreeView<TreeEntry> view, javafx.scene.input.ContextMenuEvent event) {
        if (event.isKeyboardTrigger()) {
            return true;
        }
        javafx.scene.Node node = event.getPickResult().getIntersectedNode();
        while (node != null && !(node instanceof javafx.scene.control.TreeCell<?>)) {
            node = node.getParent();
        }
        if (!(node instanceof javafx.scene.control.TreeCell<?> cell) || cell.isEmpty()) {
            // Empty space: no menu, rather than one acting on a selection made earlier.
            return false;
        }
        if (!view.getSelectionModel().getSelectedIndices().contains(cell.getIndex())) {
            view.getSelectionModel().clearAndSelect(cell.getIndex());
        }
        return true;
    }
}
