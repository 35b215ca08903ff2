package dev.hako.lxd;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A file on this computer could not be read or written during a transfer. The user
 * reads which file and, where the system said, why (missing, no permission) in their
 * language; the system's English text stays in the log message.
 */
public final class LocalFileException extends ExplainedLxdException {

    private LocalFileException(String englishMessage, IOException cause, String messageKey, Object file) {
        super(englishMessage, cause, 0, messageKey, file);
    }

    /** Reading {@code file} (an upload's source) failed. */
    public static LocalFileException reading(Path file, IOException cause) {
        return new LocalFileException("cannot read " + file + ": " + cause.getMessage(), cause,
                keyOf(cause, "error.file.read"), file);
    }

    /** Writing {@code file} (a download's target) failed. */
    public static LocalFileException writing(Path file, IOException cause) {
        return new LocalFileException("cannot write " + file + ": " + cause.getMessage(), cause,
                keyOf(cause, "error.file.write"), file);
    }

    /** No temporary folder could be made, e.g. for an image copied through this computer. */
    public static LocalFileException noTemporaryFolder(IOException cause) {
        return new LocalFileException("cannot make a temporary folder: " + cause.getMessage(), cause,
                "error.file.temporary", "");
    }

    private static String keyOf(IOException cause, String otherwise) {
        if (cause instanceof NoSuchFileException) {
            return "error.file.notFound";
        } else if (cause instanceof AccessDeniedException) {
            return "error.file.denied";
        }
        return otherwise;
    }
}
