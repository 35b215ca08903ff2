package dev.hako.ui.tree;

import dev.hako.model.ConnectionState;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.Icons;
import javafx.scene.control.TreeCell;

/** Renders one tree row; cells are reused, so everything is set from the entry each time. */
final class TreeEntryCell extends TreeCell<TreeEntry> {

    private final I18n i18n;

    TreeEntryCell(I18n i18n) {
        this.i18n = i18n;
    }

    @Override
    protected void updateItem(TreeEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        getStyleClass().remove("offline");
        if (empty || entry == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        if (entry instanceof TreeEntry.RemoteEntry remote) {
            ConnectionState state = remote.state();
            setGraphic(Icons.remote(state.online(), state.status() == ConnectionState.Status.CONNECTING));
            setText(remote.remote() + "  " + describe(state));
            if (state.status() == ConnectionState.Status.OFFLINE) {
                getStyleClass().add("offline");
            }
        } else if (entry instanceof TreeEntry.GroupEntry group) {
            setGraphic(Icons.instancesGroup());
            setText(i18n.get(group.group().messageKey) + " (" + group.count() + ")");
        } else if (entry instanceof TreeEntry.InstanceEntry instance) {
            setGraphic(Icons.instanceStatus(instance.instance().statusCode()));
            setText(instance.instance().name());
        }
    }

    private String describe(ConnectionState state) {
        return switch (state.status()) {
            case CONNECTING -> i18n.get("remote.connecting");
            case ONLINE -> i18n.format("remote.online", state.kind().displayName(),
                    state.version() == null ? "?" : state.version());
            case OFFLINE -> i18n.format("remote.offline", state.reason() == null ? "" : state.reason());
        };
    }
}
