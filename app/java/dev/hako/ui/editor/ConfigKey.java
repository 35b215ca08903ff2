package dev.hako.ui.editor;

import dev.hako.model.config.ObjectKind;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One known configuration key from the catalog. A key ending in {@code .*} names a
 * family of free keys ({@code user.*}). Null bounds, values or pattern mean "none".
 * Read-only keys ({@code volatile.*}) are the server's own state: shown, not edited in the form.
 */
public record ConfigKey(
        String key,
        ValueType type,
        String defaultValue,
        Set<ObjectKind> kinds,
        List<String> drivers,
        List<String> networkTypes,
        Long min,
        Long max,
        List<String> values,
        String pattern,
        String extension,
        boolean percent,
        boolean multiline,
        boolean secret,
        String descriptionEn,
        String descriptionJa,
        boolean readOnly) {

    public boolean isFamily() {
        return key.endsWith(".*");
    }

    /** Whether {@code name} is this key, or a member of this family. */
    public boolean matches(String name) {
        if (isFamily()) {
            String prefix = key.substring(0, key.length() - 1);
            return name.startsWith(prefix) && name.length() > prefix.length();
        }
        return key.equals(name);
    }

    public String description(Locale locale) {
        return "ja".equals(locale.getLanguage()) ? descriptionJa : descriptionEn;
    }

    /** Whether the key applies to an object of this kind with this storage driver or network type (null = any). */
    public boolean appliesTo(ObjectKind kind, String driverOrType) {
        if (!kinds.contains(kind)) {
            return false;
        }
        if (driverOrType == null) {
            return true;
        }
        if (kind == ObjectKind.STORAGE_POOL && drivers != null) {
            return drivers.contains(driverOrType);
        }
        if (kind == ObjectKind.NETWORK && networkTypes != null) {
            return networkTypes.contains(driverOrType);
        }
        return true;
    }
}
