package dev.hako.ui.common;

import java.util.function.Function;
import javafx.util.StringConverter;

/** How a choice box or combo box shows values that are picked, never typed. */
public final class ShownAs {

    private ShownAs() {
    }

    /** Shows each value as {@code toText} words it, no value (null) included. */
    public static <T> StringConverter<T> text(Function<T, String> toText) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return toText.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
