package dev.hako.ui.common;

import dev.hako.lxd.api.InstanceStatus;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Icons per kind of object and state; colours come from the style sheet classes. */
public final class Icons {

    private Icons() {
    }

    public static FontIcon of(Ikon ikon, String styleClass) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().addAll("hako-icon", styleClass);
        return icon;
    }

    public static FontIcon instanceStatus(int statusCode) {
        return switch (statusCode) {
            case InstanceStatus.RUNNING -> of(Material2MZ.PLAY_CIRCLE_FILLED, "status-running");
            case InstanceStatus.FROZEN -> of(Material2AL.AC_UNIT, "status-frozen");
            case InstanceStatus.STOPPED -> of(Material2MZ.STOP_CIRCLE, "status-stopped");
            default -> of(Material2AL.ERROR, "status-error");
        };
    }

    public static FontIcon remote(boolean online, boolean connecting) {
        if (connecting) {
            return of(Material2MZ.SYNC, "remote-connecting");
        }
        return online ? of(Material2AL.DNS, "remote-online") : of(Material2AL.CLOUD_OFF, "remote-offline");
    }

    /** Icon of a group row by its kind's name. */
    public static FontIcon group(String groupName) {
        return switch (groupName) {
            case "IMAGES" -> of(Material2AL.IMAGE, "group");
            case "STORAGE_POOLS" -> of(Material2MZ.STORAGE, "group");
            case "NETWORKS" -> of(Material2AL.DEVICE_HUB, "group");
            case "PROFILES" -> of(Material2AL.ACCOUNT_TREE, "group");
            case "PROJECTS" -> of(Material2AL.FOLDER_SPECIAL, "group");
            case "CLUSTER_MEMBERS" -> of(Material2AL.DNS, "group");
            default -> of(Material2AL.LAYERS, "group");
        };
    }

    /** Icon of an object row by kind: image, pool, volume, network, profile, project, member. */
    public static FontIcon kind(String kind) {
        return switch (kind) {
            case "image" -> of(Material2AL.IMAGE, "kind-image");
            case "pool" -> of(Material2MZ.STORAGE, "kind-pool");
            case "volume" -> of(Material2AL.FOLDER, "kind-volume");
            case "network" -> of(Material2MZ.SETTINGS_ETHERNET, "kind-network");
            case "profile" -> of(Material2AL.ACCOUNT_TREE, "kind-profile");
            case "project" -> of(Material2AL.FOLDER_SPECIAL, "kind-project");
            default -> of(Material2AL.DNS, "kind-member");
        };
    }
}
