package dev.hako.ui.remotes;

import dev.hako.ui.common.I18n;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;

/**
 * Texts that follow the window's language: a binding over {@link I18n#localeProperty()}
 * (and whatever else the text depends on), so an open dialog relabels itself in place
 * when the language is switched, without losing what was typed.
 */
final class Texts {

    private Texts() {
    }

    /** The bundle text of {@code key}. */
    static StringBinding key(I18n i18n, String key) {
        return of(i18n, () -> i18n.get(key));
    }

    /** {@code text} recomputed on a language switch and whenever one of {@code dependencies} changes. */
    static StringBinding of(I18n i18n, Supplier<String> text, Observable... dependencies) {
        Observable[] all = Stream.concat(Stream.of(i18n.localeProperty()), Arrays.stream(dependencies))
                .toArray(Observable[]::new);
        return Bindings.createStringBinding(text::get, all);
    }
}
