package dev.hako.ui.tree;

import dev.hako.lxd.api.Instance;
import dev.hako.model.ConnectionState;

/** What a tree row shows: small immutable values, replaced (never mutated) when the model changes. */
public sealed interface TreeEntry {

    String remote();

    /** A remote server and whether it answers. */
    record RemoteEntry(String remote, ConnectionState state) implements TreeEntry {
    }

    /** A group of objects under a remote, with their count. */
    record GroupEntry(String remote, Group group, int count) implements TreeEntry {
    }

    record InstanceEntry(String remote, Instance instance) implements TreeEntry {
    }

    /** The kinds of group a remote has. */
    enum Group {
        INSTANCES("tree.group.instances");

        final String messageKey;

        Group(String messageKey) {
            this.messageKey = messageKey;
        }
    }
}
