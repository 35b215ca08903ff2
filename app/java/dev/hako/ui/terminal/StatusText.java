package dev.hako.ui.terminal;

import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import java.util.Arrays;
import java.util.List;

/**
 * A sentence a screen shows about its state, kept as a bundle key and its arguments rather
 * than as text so that it can be said again in another language. A failure, when there is
 * one, is the key's last argument, rendered by {@link FailureText} in the language of the moment.
 */
record StatusText(String key, List<Object> arguments, Throwable failure) {

    static final StatusText NONE = new StatusText(null, List.of(), null);

    static StatusText of(String key, Object... arguments) {
        return new StatusText(key, List.copyOf(Arrays.asList(arguments)), null);
    }

    /** {@code key} with the failure, in the user's words, as its last argument. */
    static StatusText failure(String key, Throwable failure) {
        return new StatusText(key, List.of(), failure);
    }

    String render(I18n i18n) {
        if (key == null) {
            return "";
        }
        if (failure == null) {
            return i18n.format(key, arguments.toArray());
        }
        Object[] all = Arrays.copyOf(arguments.toArray(), arguments.size() + 1);
        all[arguments.size()] = FailureText.of(i18n, failure);
        return i18n.format(key, all);
    }
}
