package dev.hako.ui.common;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user's language: every visible string comes from the English or Japanese
 * bundles through here. Each area of the UI has its own bundle pair under
 * {@code dev/hako/i18n/} so that areas can grow without stepping on each other.
 */
public final class I18n {

    /** Bundle base names, searched in this order. */
    public static final List<String> BUNDLES = List.of("messages", "actions", "remotes", "terminal", "editors",
            "wizards", "welcome", "images", "init", "cluster", "newinstance");

    private final Locale locale;
    private final List<ResourceBundle> bundles = new ArrayList<>();

    public I18n(Locale locale) {
        this.locale = locale;
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES);
        for (String name : BUNDLES) {
            try {
                bundles.add(ResourceBundle.getBundle("dev.hako.i18n." + name, locale, noFallback));
            } catch (MissingResourceException absent) {
                // An area without strings yet.
            }
        }
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key) {
        for (ResourceBundle bundle : bundles) {
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        // Visible in the UI and caught by the bundle completeness test.
        return "!" + key + "!";
    }

    public String format(String key, Object... arguments) {
        return new MessageFormat(get(key), locale).format(arguments);
    }

    /** The locales the UI is translated into. */
    public static Locale[] supported() {
        return new Locale[] {Locale.ENGLISH, Locale.JAPANESE};
    }

    /** The system language if supported, else English. */
    public static Locale systemDefault() {
        return Locale.getDefault().getLanguage().equals("ja") ? Locale.JAPANESE : Locale.ENGLISH;
    }
}
