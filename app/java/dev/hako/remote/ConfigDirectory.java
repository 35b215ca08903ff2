package dev.hako.remote;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where Hako keeps its settings: {@code $XDG_CONFIG_HOME/hako}, or the OS's own place. */
public final class ConfigDirectory {

    private ConfigDirectory() {
    }

    public static Path resolve(Map<String, String> env) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "hako");
        }
        if (os.contains("win") && env.get("APPDATA") != null) {
            return Path.of(env.get("APPDATA"), "Hako");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Hako");
        }
        return Path.of(home, ".config", "hako");
    }
}
