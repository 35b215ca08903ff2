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
            setGraphic(Icons.group(group.group().name()));
            setText(i18n.get(group.group().messageKey) + " (" + group.count() + ")");
        } else if (entry instanceof TreeEntry.InstanceEntry instance) {
            setGraphic(Icons.instanceStatus(instance.instance().statusCode()));
            setText(instance.instance().name());
        } else if (entry instanceof TreeEntry.ImageEntry image) {
            setGraphic(Icons.kind("image"));
            setText(image.label());
        } else if (entry instanceof TreeEntry.PoolEntry pool) {
            setGraphic(Icons.kind("pool"));
            setText(pool.pool().name() + "  (" + pool.pool().driver() + ")");
        } else if (entry instanceof TreeEntry.VolumeEntry volume) {
            setGraphic(Icons.kind("volume"));
            setText(volume.volume().volume().name());
        } else if (entry instanceof TreeEntry.NetworkEntry network) {
            setGraphic(Icons.kind("network"));
            setText(network.network().name() + "  (" + network.network().type() + ")");
        } else if (entry instanceof TreeEntry.ProfileEntry profile) {
            setGraphic(Icons.kind("profile"));
            setText(profile.profile().name());
        } else if (entry instanceof TreeEntry.ProjectEntry project) {
            setGraphic(Icons.kind("project"));
            setText(project.project().name());
        } else if (entry instanceof TreeEntry.MemberEntry member) {
            setGraphic(Icons.kind("member"));
            setText(member.member().serverName() + "  " + member.member().status());
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
