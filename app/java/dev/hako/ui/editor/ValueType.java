package dev.hako.ui.editor;

import java.util.Locale;

/** The value types of configuration keys; each has its own property editor. */
public enum ValueType {
    BOOLEAN, INTEGER, SIZE, STRING, ENUM, DURATION, LIST;

    public static ValueType of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
