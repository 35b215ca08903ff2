package dev.hako.ui.common;

import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;

/**
 * JavaFX labels its standard dialog buttons (OK, Cancel …) in the JVM's language; these
 * follow the language chosen in the window instead.
 */
public final class DialogButtons {

    private static final Map<ButtonType, String> KEYS = Map.of(ButtonType.OK, "dialog.ok",
            ButtonType.CANCEL, "dialog.cancel", ButtonType.CLOSE, "dialog.close", ButtonType.YES, "dialog.yes",
            ButtonType.NO, "dialog.no", ButtonType.APPLY, "dialog.apply");
    private static final String WATCHED = "hako.dialogButtons";
    private static volatile I18n language;

    private DialogButtons() {
    }

    /** The language of the main window, for the dialogs it opens from now on. */
    public static void use(I18n i18n) {
        language = i18n;
    }

    /** Labels the pane's standard buttons now, whenever its buttons change, and when the language changes. */
    static void localise(DialogPane pane) {
        localise(pane, null);
    }

    /** The same in a given language (a dialog service's), which wins over the main window's. */
    static void localise(DialogPane pane, I18n own) {
        if (own != null) {
            pane.getProperties().put(WATCHED + ".language", own);
        }
        relabel(pane);
        I18n i18n = languageOf(pane);
        if (pane.getProperties().putIfAbsent(WATCHED, Boolean.TRUE) == null) {
            pane.getButtonTypes().addListener((ListChangeListener<ButtonType>) change -> relabel(pane));
            if (i18n != null) {
                // Held by the pane, weakly by the language: a closed dialog is not kept alive by it.
                InvalidationListener relabelOnChange = o -> relabel(pane);
                pane.getProperties().put(WATCHED + ".listener", relabelOnChange);
                i18n.localeProperty().addListener(new WeakInvalidationListener(relabelOnChange));
            }
        }
    }

    private static I18n languageOf(DialogPane pane) {
        return pane.getProperties().get(WATCHED + ".language") instanceof I18n own ? own : language;
    }

    private static void relabel(DialogPane pane) {
        I18n i18n = languageOf(pane);
        if (i18n == null) {
            return;
        }
        for (ButtonType type : pane.getButtonTypes()) {
            String key = KEYS.get(type);
            if (key != null && pane.lookupButton(type) instanceof Button button) {
                button.setText(i18n.get(key));
            }
        }
    }
}
