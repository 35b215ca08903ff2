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

    public static FontIcon instancesGroup() {
        return of(Material2AL.LAYERS, "group");
    }
}
