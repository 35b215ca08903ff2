package dev.hako.ui.common;

import dev.hako.remote.DamagedFile;
import dev.hako.remote.FileFinding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Theme, language and the operations drawer's height, remembered between runs in {@code ui.properties}. */
public final class UiSettings {

    private static final Logger LOG = Logger.getLogger(UiSettings.class.getName());

    private final Path file;
    private final Properties values = new Properties();
    private FileFinding finding;
    private boolean readOnly;

    /**
     * Reads {@code ui.properties}. A file that cannot be read, or that holds what no settings
     * file holds (control characters, a broken escape), is kept aside as
     * {@code ui.properties.damaged-<time>} and the defaults are used; {@link #finding()} says so.
     */
    public UiSettings(Path configDirectory) {
        this.file = configDirectory.resolve("ui.properties");
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                checkText(bytes);
                values.load(new ByteArrayInputStream(bytes));
            } catch (IOException | IllegalArgumentException damaged) {
                values.clear();
                keepAside(damaged);
            }
        }
    }

    /** What was wrong with the settings file when it was read, if anything was. */
    public Optional<FileFinding> finding() {
        return Optional.ofNullable(finding);
    }

    /** A settings file is text: control characters other than tabs and line ends mean it was damaged. */
    private static void checkText(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7f) {
                throw new IllegalArgumentException("a control character (0x" + Integer.toHexString(b) + ") at byte " + i);
            }
        }
    }

    private void keepAside(Exception damaged) {
        Path kept = null;
        try {
            kept = DamagedFile.moveAside(file);
        } catch (IOException cannotMove) {
            // Left in place; saving would write over it, so saving is off until Hako starts again.
            LOG.log(Level.WARNING, "cannot keep " + file + " aside; settings will not be saved this time", cannotMove);
            readOnly = true;
        }
        finding = new FileFinding(FileFinding.Kind.SETTINGS_DAMAGED, file, kept, DamagedFile.describe(damaged));
        LOG.warning("settings file " + file + " was damaged (" + damaged + "); kept as " + kept + ", defaults used");
    }

    public boolean darkTheme() {
        return Boolean.parseBoolean(values.getProperty("theme.dark", "false"));
    }

    public void setDarkTheme(boolean dark) {
        values.setProperty("theme.dark", Boolean.toString(dark));
        save();
    }

    public Locale locale() {
        String language = values.getProperty("language");
        return language == null ? I18n.systemDefault() : Locale.forLanguageTag(language);
    }

    public void setLocale(Locale locale) {
        values.setProperty("language", locale.toLanguageTag());
        save();
    }

    /** The height the operations drawer was last dragged to. */
    public double operationsHeight(double otherwise) {
        try {
            return Double.parseDouble(values.getProperty("operations.height", Double.toString(otherwise)));
        } catch (NumberFormatException unreadable) {
            return otherwise;
        }
    }

    public void setOperationsHeight(double height) {
        values.setProperty("operations.height", Long.toString(Math.round(height)));
        save();
    }

    /** How many events an event monitor keeps ({@code events.limit}, 10,000 unless set; at least 100). */
    public int eventLimit() {
        try {
            return Math.max(100, Integer.parseInt(values.getProperty("events.limit", "10000").strip()));
        } catch (NumberFormatException unreadable) {
            return 10_000;
        }
    }

    /** How many days the task history keeps ended tasks ({@code history.retentionDays}, 90 unless set; 1 to 3650). */
    public int historyRetentionDays() {
        try {
            int days = Integer.parseInt(values.getProperty("history.retentionDays", "90").strip());
            return Math.max(1, Math.min(3650, days));
        } catch (NumberFormatException unreadable) {
            return 90;
        }
    }

    public void setHistoryRetentionDays(int days) {
        values.setProperty("history.retentionDays", Integer.toString(days));
        save();
    }

    /** A table's columns ({@code table} is "instances", "images" …), as saved (null when never chosen). */
    public String columns(String table) {
        return values.getProperty(table + ".columns");
    }

    public void setColumns(String table, String columns) {
        values.setProperty(table + ".columns", columns);
        save();
    }

    /** Seconds between metric readings when {@code metrics.interval} is not set. */
    public static final int METRICS_INTERVAL_DEFAULT = 30;
    public static final int METRICS_INTERVAL_MIN = 5;
    public static final int METRICS_INTERVAL_MAX = 3_600;

    /** Whether the figures of {@code remote} are recorded ({@code metrics.record.<remote>}; off unless set). */
    public boolean recordsMetrics(String remote) {
        return Boolean.parseBoolean(values.getProperty("metrics.record." + remote, "false"));
    }

    public void setRecordsMetrics(String remote, boolean on) {
        values.setProperty("metrics.record." + remote, Boolean.toString(on));
        save();
    }

    /**
     * Seconds between two readings of a recorded remote ({@code metrics.interval}, 30 unless
     * set). A value that is not a whole number from 5 to 3600 is reported in the log and the
     * default is used.
     */
    public int metricsInterval() {
        String text = values.getProperty("metrics.interval");
        if (text == null) {
            return METRICS_INTERVAL_DEFAULT;
        }
        Integer seconds = parseMetricsInterval(text);
        if (seconds == null) {
            LOG.warning("metrics.interval=" + text + " in " + file + " is not a whole number of seconds from "
                    + METRICS_INTERVAL_MIN + " to " + METRICS_INTERVAL_MAX + "; recording every "
                    + METRICS_INTERVAL_DEFAULT + " s instead");
            return METRICS_INTERVAL_DEFAULT;
        }
        return seconds;
    }

    /** The interval {@code text} stands for, or null when it is not a whole number from 5 to 3600. */
    public static Integer parseMetricsInterval(String text) {
        try {
            int seconds = Integer.parseInt(text.strip());
            return seconds < METRICS_INTERVAL_MIN || seconds > METRICS_INTERVAL_MAX ? null : seconds;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    public void setMetricsInterval(int seconds) {
        if (parseMetricsInterval(Integer.toString(seconds)) == null) {
            throw new IllegalArgumentException("metrics interval out of range: " + seconds);
        }
        values.setProperty("metrics.interval", Integer.toString(seconds));
        save();
    }

    /** Writes a temporary file and moves it over the old one, so that a crash never leaves half a file. */
    private synchronized void save() {
        if (readOnly) {
            return;
        }
        Path temporary = null;
        try {
            Files.createDirectories(file.getParent());
            temporary = Files.createTempFile(file.getParent(), "ui.properties.", ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                values.store(out, "Hako user interface");
            }
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot save " + file, e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    LOG.fine("cannot remove " + temporary);
                }
            }
        }
    }
}
