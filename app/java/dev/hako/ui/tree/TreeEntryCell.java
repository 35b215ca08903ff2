package dev.hako.ui.tree;

import dev.hako.model.ConnectionState;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Renders one tree row; cells are reused, so everything is set from the entry each time.
 *
 * <p>The row's icon and text are nodes of the cell's own that live as long as the cell,
 * and only their glyph and string change. A {@code Labeled}'s own text and graphic
 * would re-add both nodes on every change, and each re-added node costs a full CSS
 * pass: with a thousand rows scrolling or updating that was most of the FX thread's time.
 */
final class TreeEntryCell extends TreeCell<TreeEntry> {

    private final I18n i18n;
    private final FontIcon icon = Icons.kindGlyph("image").icon();
    private final Text label = new Text();
    private final HBox content = new HBox(icon, label);

    TreeEntryCell(I18n i18n) {
        this.i18n = i18n;
        label.getStyleClass().add("tree-entry-label");
        label.fillProperty().bind(textFillProperty());
        label.fontProperty().bind(fontProperty());
        content.spacingProperty().bind(graphicTextGapProperty());
        content.setAlignment(Pos.CENTER_LEFT);
        content.setVisible(false);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setGraphic(content);
    }

    @Override
    protected void updateItem(TreeEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        getStyleClass().remove("offline");
        if (empty || entry == null) {
            label.setText("");
            setAccessibleText(null);
            content.setVisible(false);
            // The skin leaves an emptied cell's expand arrow alone; a row that has gone must not keep one.
            if (getDisclosureNode() != null) {
                getDisclosureNode().setVisible(false);
            }
            return;
        }
        content.setVisible(true);
        show(glyphOf(entry), TreeLabels.of(i18n, entry));
        if (entry instanceof TreeEntry.RemoteEntry remote
                && (remote.state().status() == ConnectionState.Status.OFFLINE
                || remote.state().status() == ConnectionState.Status.TOO_OLD)) {
            getStyleClass().add("offline");
        }
    }

    private static Icons.Glyph glyphOf(TreeEntry entry) {
        if (entry instanceof TreeEntry.AllRemotesEntry) {
            return Icons.kindGlyph("all");
        } else if (entry instanceof TreeEntry.ImageServersEntry) {
            return new Icons.Glyph(org.kordamp.ikonli.material2.Material2AL.CLOUD_QUEUE, "group");
        } else if (entry instanceof TreeEntry.ImageServerEntry) {
            return new Icons.Glyph(org.kordamp.ikonli.material2.Material2AL.CLOUD_DOWNLOAD, "kind-image");
        } else if (entry instanceof TreeEntry.RemoteEntry remote) {
            ConnectionState state = remote.state();
            return Icons.remoteGlyph(state.online(), state.status() == ConnectionState.Status.CONNECTING);
        } else if (entry instanceof TreeEntry.GroupEntry group) {
            return Icons.groupGlyph(group.group().name());
        } else if (entry instanceof TreeEntry.InstanceEntry instance) {
            return Icons.instanceStatusGlyph(instance.instance().statusCode());
        } else if (entry instanceof TreeEntry.ImageEntry) {
            return Icons.kindGlyph("image");
        } else if (entry instanceof TreeEntry.PoolEntry) {
            return Icons.kindGlyph("pool");
        } else if (entry instanceof TreeEntry.VolumeEntry) {
            return Icons.kindGlyph("volume");
        } else if (entry instanceof TreeEntry.NetworkEntry) {
            return Icons.kindGlyph("network");
        } else if (entry instanceof TreeEntry.ProfileEntry) {
            return Icons.kindGlyph("profile");
        } else if (entry instanceof TreeEntry.ProjectEntry) {
            return Icons.kindGlyph("project");
        }
        return Icons.kindGlyph("member");
    }

    private void show(Icons.Glyph glyph, String text) {
        glyph.applyTo(icon);
        label.setText(text);
        setAccessibleText(text);
    }
}
