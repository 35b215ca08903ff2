package dev.hako.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The user's language: every visible string comes from the English or Japanese bundle through here. */
public final class I18n {

    private static final String BUNDLE = "dev.hako.i18n.messages";

    private final Locale locale;
    private final ResourceBundle bundle;

    public I18n(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            // Visible in the UI and caught by the bundle completeness test.
            return "!" + key + "!";
        }
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
