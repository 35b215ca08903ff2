package dev.hako.remote;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Hako keeps what it records (task and metric history): {@code $XDG_DATA_HOME/hako},
 * or the OS's own place. Kept apart from the settings so that deleting history never
 * touches remotes or keys.
 */
public final class DataDirectory {

    private DataDirectory() {
    }

    public static Path resolve(Map<String, String> env) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "hako");
        }
        if (os.contains("win") && env.get("LOCALAPPDATA") != null) {
            return Path.of(env.get("LOCALAPPDATA"), "Hako");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Hako", "Data");
        }
        return Path.of(home, ".local", "share", "hako");
    }
}
