package dev.hako.ui.common;

import dev.hako.lxd.api.InstanceStatus;
import javafx.collections.ObservableList;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Icons per kind of object and state; colours come from the style sheet classes. */
public final class Icons {

    private Icons() {
    }

    /**
     * What an icon shows: the glyph and its style class. Cells that are reused keep one
     * icon node and apply a new glyph to it, because a fresh node in the scene costs a
     * full CSS pass while changing a glyph costs a repaint.
     */
    public record Glyph(Ikon ikon, String styleClass) {

        public FontIcon icon() {
            FontIcon icon = new FontIcon(ikon);
            icon.getStyleClass().addAll("hako-icon", styleClass);
            return icon;
        }

        /** Makes {@code icon} show this glyph, touching only what differs. */
        public void applyTo(FontIcon icon) {
            if (icon.getIconCode() != ikon) {
                icon.setIconCode(ikon);
            }
            ObservableList<String> classes = icon.getStyleClass();
            if (classes.size() != 2 || !classes.get(0).equals("hako-icon") || !classes.get(1).equals(styleClass)) {
                classes.setAll("hako-icon", styleClass);
            }
        }
    }

    public static FontIcon of(Ikon ikon, String styleClass) {
        return new Glyph(ikon, styleClass).icon();
    }

    public static FontIcon instanceStatus(int statusCode) {
        return instanceStatusGlyph(statusCode).icon();
    }

    public static Glyph instanceStatusGlyph(int statusCode) {
        return switch (statusCode) {
            case InstanceStatus.RUNNING -> new Glyph(Material2MZ.PLAY_CIRCLE_FILLED, "status-running");
            case InstanceStatus.FROZEN -> new Glyph(Material2AL.AC_UNIT, "status-frozen");
            case InstanceStatus.STOPPED -> new Glyph(Material2MZ.STOP_CIRCLE, "status-stopped");
            default -> new Glyph(Material2AL.ERROR, "status-error");
        };
    }

    public static FontIcon remote(boolean online, boolean connecting) {
        return remoteGlyph(online, connecting).icon();
    }

    public static Glyph remoteGlyph(boolean online, boolean connecting) {
        if (connecting) {
            return new Glyph(Material2MZ.SYNC, "remote-connecting");
        }
        return online ? new Glyph(Material2AL.DNS, "remote-online") : new Glyph(Material2AL.CLOUD_OFF, "remote-offline");
    }

    /** Icon of a group row by its kind's name. */
    public static Glyph groupGlyph(String groupName) {
        return switch (groupName) {
            case "IMAGES" -> new Glyph(Material2AL.IMAGE, "group");
            case "STORAGE_POOLS" -> new Glyph(Material2MZ.STORAGE, "group");
            case "NETWORKS" -> new Glyph(Material2AL.DEVICE_HUB, "group");
            case "PROFILES" -> new Glyph(Material2AL.ACCOUNT_TREE, "group");
            case "PROJECTS" -> new Glyph(Material2AL.FOLDER_SPECIAL, "group");
            case "CLUSTER_MEMBERS" -> new Glyph(Material2AL.DNS, "group");
            default -> new Glyph(Material2AL.LAYERS, "group");
        };
    }

    /** Icon of an object row by kind: image, pool, volume, network, profile, project, member, all (remotes). */
    public static FontIcon kind(String kind) {
        return kindGlyph(kind).icon();
    }

    public static Glyph kindGlyph(String kind) {
        return switch (kind) {
            case "image" -> new Glyph(Material2AL.IMAGE, "kind-image");
            case "pool" -> new Glyph(Material2MZ.STORAGE, "kind-pool");
            case "volume" -> new Glyph(Material2AL.FOLDER, "kind-volume");
            case "network" -> new Glyph(Material2MZ.SETTINGS_ETHERNET, "kind-network");
            case "profile" -> new Glyph(Material2AL.ACCOUNT_TREE, "kind-profile");
            case "project" -> new Glyph(Material2AL.FOLDER_SPECIAL, "kind-project");
            case "all" -> new Glyph(Material2AL.DASHBOARD, "kind-all");
            default -> new Glyph(Material2AL.DNS, "kind-member");
        };
    }
}
