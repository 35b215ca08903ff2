package dev.hako.ui.images;

import dev.hako.model.NameRules;
import dev.hako.ui.common.I18n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks and parsers the image, backup and snapshot forms share: files to read and
 * write, aliases, {@code key=value} properties. Each check returns the problem in the
 * user's language, or null.
 */
final class ImageFormChecks {

    private final I18n i18n;

    ImageFormChecks(I18n i18n) {
        this.i18n = i18n;
    }

    /** A file that exists and can be read, or the problem. */
    String readableFile(String text) {
        if (text.isBlank()) {
            return i18n.get("images.problem.noFile");
        }
        Path path = Path.of(text.trim());
        return Files.isRegularFile(path) && Files.isReadable(path) ? null
                : i18n.format("images.problem.unreadable", text.trim());
    }

    /** A file to write: its folder must exist. */
    String writableTarget(String text) {
        if (text.isBlank()) {
            return i18n.get("images.problem.noFile");
        }
        Path path = Path.of(text.trim()).toAbsolutePath();
        if (Files.isDirectory(path)) {
            return i18n.format("images.problem.isFolder", text.trim());
        }
        Path parent = path.getParent();
        return parent != null && Files.isDirectory(parent) && Files.isWritable(parent) ? null
                : i18n.format("images.problem.noFolder", parent);
    }

    /** An optional object name (blank: the server or the file decides). */
    String optionalName(String text) {
        return text.isBlank() ? null : NameRules.check(text.trim()).map(p -> i18n.get(p.messageKey)).orElse(null);
    }

    /** Comma-separated aliases: none may hold white space or a colon. */
    static List<String> aliases(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    String aliasProblem(String text) {
        for (String alias : aliases(text)) {
            if (alias.matches(".*[\\s:].*")) {
                return i18n.format("images.problem.alias", alias);
            }
        }
        return null;
    }

    /** {@code key=value} lines; blank lines are skipped. */
    static Map<String, String> properties(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return out;
    }

    String propertiesProblem(String text) {
        for (String line : text.split("\\R")) {
            if (!line.isBlank() && line.indexOf('=') <= 0) {
                return i18n.format("images.problem.property", line.trim());
            }
        }
        return null;
    }
}
