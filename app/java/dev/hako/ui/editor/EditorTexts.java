package dev.hako.ui.editor;

import dev.hako.ui.common.I18n;
import java.util.concurrent.Callable;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;

/**
 * Texts that follow the window's language: each is a binding on
 * {@link I18n#localeProperty()}, so a switch relabels the editor in place and
 * nothing has to be rebuilt (the draft, the tab and the caret all stay).
 */
final class EditorTexts {

    private final I18n i18n;

    EditorTexts(I18n i18n) {
        this.i18n = i18n;
    }

    I18n i18n() {
        return i18n;
    }

    StringBinding get(String key) {
        return Bindings.createStringBinding(() -> i18n.get(key), i18n.localeProperty());
    }

    StringBinding format(String key, Object... arguments) {
        return Bindings.createStringBinding(() -> i18n.format(key, arguments), i18n.localeProperty());
    }

    /** Any text computed in the current language, recomputed when it or {@code more} change. */
    StringBinding computed(Callable<String> text, Observable... more) {
        Observable[] dependencies = new Observable[more.length + 1];
        dependencies[0] = i18n.localeProperty();
        System.arraycopy(more, 0, dependencies, 1, more.length);
        return Bindings.createStringBinding(text, dependencies);
    }

    <T extends Labeled> T bind(T labeled, String key) {
        labeled.textProperty().bind(get(key));
        return labeled;
    }

    Label label(String key) {
        return bind(new Label(), key);
    }

    Button button(String id, String key) {
        Button button = bind(new Button(), key);
        // A squeezed row shrinks its fields, never a button's label to "…".
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (id != null) {
            button.setId(id);
        }
        return button;
    }

    Tooltip tooltip(String key) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(get(key));
        return tip;
    }
}
