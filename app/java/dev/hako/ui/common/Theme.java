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

    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public static void decorate(Scene scene, boolean dark) {
        scene.getStylesheets().setAll(HAKO_CSS);
        scene.getRoot().getStyleClass().removeAll("dark", "light");
        scene.getRoot().getStyleClass().add(dark ? "dark" : "light");
        if (LINUX && !scene.getRoot().getStyleClass().contains("linux")) {
            scene.getRoot().getStyleClass().add("linux");
        }
    }
}
