package dev.hako.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** The one place the look is chosen: AtlantaFX Primer, light or dark, plus Hako's own sheet. */
public final class Theme {

    private static final String HAKO_CSS = Theme.class.getResource("/dev/hako/ui/hako.css").toExternalForm();

    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT)
            .contains("linux");

    private Theme() {
    }

    private static boolean windowsFollowed;

    /**
     * Gives every window that opens (dialogs, alerts, menus) Hako's sheet and fonts, so
     * Japanese renders in dialogs as in the main window. FX thread.
     */
    public static void followAllWindows(boolean dark) {
        current = dark;
        if (windowsFollowed) {
            return;
        }
        windowsFollowed = true;
        javafx.stage.Window.getWindows().addListener((javafx.collections.ListChangeListener<javafx.stage.Window>) c -> {
            while (c.next()) {
                for (javafx.stage.Window window : c.getAddedSubList()) {
                    if (window.getScene() != null && window.getScene().getRoot() != null
                            && !window.getScene().getStylesheets().contains(HAKO_CSS)) {
                        decorate(window.getScene(), current);
                    }
                }
            }
        });
    }

    private static volatile boolean current;

    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public static void decorate(Scene scene, boolean dark) {
        current = dark;
        if (!scene.getStylesheets().contains(HAKO_CSS)) {
            scene.getStylesheets().add(HAKO_CSS);
        }
        scene.getRoot().getStyleClass().removeAll("dark", "light");
        scene.getRoot().getStyleClass().add(dark ? "dark" : "light");
        if (LINUX && !scene.getRoot().getStyleClass().contains("linux")) {
            scene.getRoot().getStyleClass().add("linux");
        }
    }
}
