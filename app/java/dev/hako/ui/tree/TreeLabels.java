package dev.hako.ui.tree;

import dev.hako.model.ConnectionState;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;

/**
 * The text of a tree row in the window's language. Pure, so the labels can be checked
 * without a toolkit, and re-asked for after a language switch.
 */
public final class TreeLabels {

    private TreeLabels() {
    }

    /** What the row of {@code entry} says. */
    public static String of(I18n i18n, TreeEntry entry) {
        if (entry instanceof TreeEntry.AllRemotesEntry all) {
            return i18n.format("tree.allRemotes", all.remotes());
        } else if (entry instanceof TreeEntry.ImageServersEntry servers) {
            return i18n.format("imageservers.group", servers.count());
        } else if (entry instanceof TreeEntry.ImageServerEntry server) {
            return server.server().name() + ":  " + server.server().address().replaceFirst("^https://", "");
        } else if (entry instanceof TreeEntry.RemoteEntry remote) {
            return remote.remote() + "  " + describe(i18n, remote.state());
        } else if (entry instanceof TreeEntry.GroupEntry group) {
            return groupName(i18n, group.group()) + " (" + group.count() + ")";
        } else if (entry instanceof TreeEntry.InstanceEntry instance) {
            return instance.instance().name();
        } else if (entry instanceof TreeEntry.ImageEntry image) {
            return image.label();
        } else if (entry instanceof TreeEntry.PoolEntry pool) {
            return pool.pool().name() + "  (" + pool.pool().driver() + ")";
        } else if (entry instanceof TreeEntry.VolumeEntry volume) {
            return volume.volume().volume().name();
        } else if (entry instanceof TreeEntry.NetworkEntry network) {
            return network.network().name() + "  (" + network.network().type() + ")";
        } else if (entry instanceof TreeEntry.ProfileEntry profile) {
            return profile.profile().name();
        } else if (entry instanceof TreeEntry.ProjectEntry project) {
            return project.project().name();
        } else if (entry instanceof TreeEntry.MemberEntry member) {
            return member.member().serverName() + "  " + member.member().status();
        }
        return "";
    }

    /** The name of a kind of group ("Instances", "インスタンス"). */
    public static String groupName(I18n i18n, TreeEntry.Group group) {
        return i18n.get(group.messageKey);
    }

    /** Whether a remote answers; for one that does not, why, in the window's language. */
    public static String describe(I18n i18n, ConnectionState state) {
        return switch (state.status()) {
            case CONNECTING -> i18n.get("remote.connecting");
            case ONLINE -> i18n.format("remote.online", state.kind().displayName(),
                    state.version() == null ? "?" : state.version());
            case OFFLINE -> i18n.format("remote.offline", state.failure() != null
                    ? FailureText.of(i18n, state.failure()) : state.reason() == null ? "" : state.reason());
            // "too old: LXD 3.0.3 — Hako needs …": the failure says it all, and no "offline" before it.
            case TOO_OLD -> FailureText.of(i18n, state.failure());
        };
    }
}
