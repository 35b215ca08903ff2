package dev.hako.remote.init;

import dev.hako.lxd.ExplainedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Preseed files: read whole (a preseed is small; anything over 1 MiB is refused unread) and
 * written without their secrets. Blocking.
 */
public final class PreseedFiles {

    private PreseedFiles() {
    }

    /** The preseed in {@code file}, secrets included (the caller moves them out of sight). */
    public static Preseed read(Path file) {
        try {
            if (Files.size(file) > PreseedYaml.MAX_CHARS) {
                throw new ExplainedException("preseed file over 1 MiB: " + file, "init.problem.fileTooLarge");
            }
            return PreseedYaml.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code preseed} to {@code file} as lxd init's YAML, leaving out the trust password
     * and a join token whatever it holds; returns the text written.
     */
    public static String write(Preseed preseed, Path file) {
        String text = PreseedYaml.write(preseed, false);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text;
    }
}
