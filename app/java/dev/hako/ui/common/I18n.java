package dev.hako.ui.common;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The user's language: every visible string comes from the English or Japanese
 * bundles through here. Each area of the UI has its own bundle pair under
 * {@code dev/hako/i18n/} so that areas can grow without stepping on each other.
 *
 * <p>The window has one instance whose language can change while it runs
 * ({@link #setLocale}): screens that outlive the change (terminals, transfers,
 * drafts) listen to {@link #localeProperty()} and relabel themselves in place.
 */
public final class I18n {

    /** Bundle base names, searched in this order. */
    public static final List<String> BUNDLES = List.of("messages", "actions", "remotes", "terminal", "editors",
            "wizards", "welcome", "images", "init", "cluster", "newinstance", "files", "errors", "views", "lists",
            "dashboard", "network", "history", "metrics", "volumes", "startup", "imageservers");

    private final ReadOnlyObjectWrapper<Locale> locale = new ReadOnlyObjectWrapper<>(this, "locale");
    // Replaced whole on a change: worker threads may read it while the UI thread switches.
    private volatile List<ResourceBundle> bundles;

    public I18n(Locale locale) {
        this.bundles = load(locale);
        this.locale.set(locale);
    }

    private static List<ResourceBundle> load(Locale locale) {
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES);
        List<ResourceBundle> loaded = new ArrayList<>();
        for (String name : BUNDLES) {
            try {
                loaded.add(ResourceBundle.getBundle("dev.hako.i18n." + name, locale, noFallback));
            } catch (MissingResourceException absent) {
                // An area without strings yet.
            }
        }
        return List.copyOf(loaded);
    }

    public Locale locale() {
        return locale.get();
    }

    /** The language now in use; screens that stay open through a change relabel on it. */
    public ReadOnlyObjectProperty<Locale> localeProperty() {
        return locale.getReadOnlyProperty();
    }

    /** Switches the language; listeners of {@link #localeProperty()} relabel. UI thread. */
    public void setLocale(Locale newLocale) {
        if (!newLocale.equals(locale.get())) {
            bundles = load(newLocale);
            locale.set(newLocale);
        }
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

    /** The text of {@code key}, following language changes: bind a label to it. */
    public StringBinding text(String key) {
        return Bindings.createStringBinding(() -> get(key), locale);
    }

    public String format(String key, Object... arguments) {
        return new MessageFormat(get(key), locale()).format(arguments);
    }

    /** A server time in this language's medium date-and-time form, or the text under {@code neverKey}. */
    public String dateTime(java.time.OffsetDateTime time, String neverKey) {
        if (dev.hako.model.ServerTime.isNever(time)) {
            return get(neverKey);
        }
        return time.atZoneSameInstant(java.time.ZoneId.systemDefault()).format(java.time.format.DateTimeFormatter
                .ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM).withLocale(locale()));
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
