package dev.hako.ui.terminal;

import dev.hako.ui.common.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;

/**
 * Texts that follow the window's language: bindings on {@link I18n#localeProperty()} that
 * screens bind their labels to, so a language switch relabels them in place.
 */
final class LocalText {

    private LocalText() {
    }

    /** The bundle's text for {@code key}, in the language of the moment. */
    static StringBinding of(I18n i18n, String key) {
        return Bindings.createStringBinding(() -> i18n.get(key), i18n.localeProperty());
    }

    /** {@code key} formatted with fixed arguments, in the language of the moment. */
    static StringBinding format(I18n i18n, String key, Object... arguments) {
        return Bindings.createStringBinding(() -> i18n.format(key, arguments), i18n.localeProperty());
    }

    /** A status that changes, said in the language of the moment. */
    static StringBinding of(I18n i18n, ObservableValue<StatusText> status) {
        return Bindings.createStringBinding(() -> status.getValue() == null ? ""
                : status.getValue().render(i18n), status, i18n.localeProperty());
    }
}
