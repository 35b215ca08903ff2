package dev.hako.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Keeps a damaged file of Hako's own aside as {@code <name>.damaged-<yyyyMMdd-HHmmss>}
 * next to it, never deleting it, so that the user can look at it or put it back. Used
 * for the history database, {@code remotes.yml}, the settings file and the client key.
 */
public final class DamagedFile {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private DamagedFile() {
    }

    /** The name the damaged {@code file} is kept under (a number is added if that name is taken). */
    public static Path backupName(Path file) {
        String base = file.getFileName() + ".damaged-" + LocalDateTime.now().format(STAMP);
        Path candidate = file.resolveSibling(base);
        for (int n = 2; Files.exists(candidate, LinkOption.NOFOLLOW_LINKS) && n < 1000; n++) {
            candidate = file.resolveSibling(base + "-" + n);
        }
        return candidate;
    }

    /** Moves {@code file} (a file or whatever stands in its place) aside; returns where it went. */
    public static Path moveAside(Path file) throws IOException {
        Path copy = backupName(file);
        Files.move(file, copy);
        return copy;
    }

    /** What went wrong reading a file, in plain words (the message, not the exception's class). */
    public static String describe(Exception failure) {
        if (failure instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** Copies {@code file} aside, leaving it in place (for a file Hako rewrites from what it could read). */
    public static Path copyAside(Path file) throws IOException {
        Path copy = backupName(file);
        Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
        return copy;
    }
}
