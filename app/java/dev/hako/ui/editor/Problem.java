package dev.hako.ui.editor;

import dev.hako.ui.common.I18n;
import java.util.List;

/**
 * Something wrong with the user's input, found before anything is sent: where
 * (the config key or YAML path, and a 1-based line and column when known) and a
 * message key of the editors bundle with its arguments.
 */
public record Problem(String path, int line, int column, String messageKey, List<Object> arguments) {

    public static Problem at(String path, int line, int column, String messageKey, Object... arguments) {
        return new Problem(path, line, column, messageKey, List.of(arguments));
    }

    public static Problem of(String path, String messageKey, Object... arguments) {
        return at(path, 0, 0, messageKey, arguments);
    }

    public Problem withPosition(int newLine, int newColumn) {
        return new Problem(path, newLine, newColumn, messageKey, arguments);
    }

    public String message(I18n i18n) {
        String text = i18n.format(messageKey, arguments.toArray());
        return line > 0 ? i18n.format("editor.problem.at", line, column, text) : text;
    }
}
