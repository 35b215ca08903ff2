package dev.hako.ui.tree;

import java.util.Objects;

/**
 * A place in the resource tree to go to: a remote, one of its groups, or an object in a
 * group by its key (instance, pool, network, profile, project or member name; image
 * fingerprint; a pool's volume as {@code pool/type/name}).
 *
 * @param remote the remote's name
 * @param group  the group, or null for the remote's own row
 * @param key    the object's key in the group, or null for the group's row
 */
public record TreeLocation(String remote, TreeEntry.Group group, String key) {

    public TreeLocation {
        Objects.requireNonNull(remote, "remote");
        if (group == null && key != null) {
            throw new IllegalArgumentException("an object needs its group");
        }
    }

    public static TreeLocation remote(String remote) {
        return new TreeLocation(remote, null, null);
    }

    public static TreeLocation group(String remote, TreeEntry.Group group) {
        return new TreeLocation(remote, group, null);
    }

    public static TreeLocation object(String remote, TreeEntry.Group group, String key) {
        return new TreeLocation(remote, group, key);
    }
}
