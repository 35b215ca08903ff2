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

    private static volatile boolean current;
    private static final javafx.beans.property.ReadOnlyBooleanWrapper DARK =
            new javafx.beans.property.ReadOnlyBooleanWrapper(Theme.class, "dark");

    /** True while the dark theme is in use; screens with colours of their own (the terminal) follow it. */
    public static javafx.beans.property.ReadOnlyBooleanProperty darkProperty() {
        return DARK.getReadOnlyProperty();
    }

    /**
     * Gives a dialog its owner's sheets and root classes (theme, and on Linux the CJK
     * font JavaFX does not fall back to by itself). Call before showing it.
     */
    public static void styleDialog(javafx.scene.control.DialogPane pane, javafx.stage.Window owner) {
        if (owner != null && owner.getScene() != null) {
            for (String sheet : owner.getScene().getStylesheets()) {
                if (!pane.getStylesheets().contains(sheet)) {
                    pane.getStylesheets().add(sheet);
                }
            }
        }
        decorateDialogPane(pane);
        DialogButtons.localise(pane);
        DialogKeys.enterPressesDefault(pane);
    }

    /** Dialogs carry their own pane under the scene root; it needs the sheet and classes itself. */
    private static void decorateDialogPane(javafx.scene.Node root) {
        javafx.scene.control.DialogPane pane = root instanceof javafx.scene.control.DialogPane direct ? direct
                : root instanceof javafx.scene.Parent parent ? parent.getChildrenUnmodifiable().stream()
                .filter(javafx.scene.control.DialogPane.class::isInstance)
                .map(javafx.scene.control.DialogPane.class::cast).findFirst().orElse(null) : null;
        if (pane == null) {
            return;
        }
        if (!pane.getStylesheets().contains(HAKO_CSS)) {
            pane.getStylesheets().add(HAKO_CSS);
        }
        pane.getStyleClass().removeAll("dark", "light");
        pane.getStyleClass().add(current ? "dark" : "light");
        if (LINUX && !pane.getStyleClass().contains("linux")) {
            pane.getStyleClass().add("linux");
        }
        markOpaquePopups(pane);
    }

    /**
     * Without a compositor a window cannot be see-through, so a popup's drop shadow would
     * paint as a light frame around menus and lists; the sheet drops the shadow then.
     */
    private static void markOpaquePopups(javafx.scene.Node root) {
        if (!javafx.application.Platform.isSupported(javafx.application.ConditionalFeature.TRANSPARENT_WINDOW)
                && !root.getStyleClass().contains("opaque-popups")) {
            root.getStyleClass().add("opaque-popups");
        }
    }

    /** A window of the application's own (not the main one): the current theme's sheet and classes. */
    public static void decorateWindow(Scene scene) {
        decorate(scene, current);
    }

    /**
     * Changes the theme of everything open, in place: the user-agent sheet restyles every
     * control, and each window's root (or dialog pane) gets the new classes. Nothing is rebuilt.
     */
    public static void switchTo(boolean dark) {
        apply(dark);
        current = dark;
        DARK.set(dark);
        for (javafx.stage.Window window : javafx.stage.Window.getWindows()) {
            Scene scene = window.getScene();
            if (scene == null || scene.getRoot() == null) {
                continue;
            }
            if (scene.getRoot() instanceof javafx.scene.control.DialogPane
                    || scene.getRoot().getChildrenUnmodifiable().stream()
                    .anyMatch(javafx.scene.control.DialogPane.class::isInstance)) {
                decorateDialogPane(scene.getRoot());
            } else if (scene.getStylesheets().contains(HAKO_CSS)) {
                decorate(scene, dark);
            }
        }
    }

    /** Whether the dark theme is in use. */
    public static boolean isDark() {
        return current;
    }

    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public static void decorate(Scene scene, boolean dark) {
        current = dark;
        DARK.set(dark);
        if (!scene.getStylesheets().contains(HAKO_CSS)) {
            scene.getStylesheets().add(HAKO_CSS);
        }
        scene.getRoot().getStyleClass().removeAll("dark", "light");
        scene.getRoot().getStyleClass().add(dark ? "dark" : "light");
        if (LINUX && !scene.getRoot().getStyleClass().contains("linux")) {
            scene.getRoot().getStyleClass().add("linux");
        }
        markOpaquePopups(scene.getRoot());
    }
}
