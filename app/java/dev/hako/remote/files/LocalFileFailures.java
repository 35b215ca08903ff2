package dev.hako.remote.files;

import dev.hako.lxd.ExplainedException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Failures on this computer's side of a copy (no permission, disk full, file gone) as
 * sentences of the bundles: the common causes have sentences of their own, the rest keep
 * the operating system's words after what was being done.
 */
public final class LocalFileFailures {

    /** What was being done to the local path. */
    public enum Action {
        WRITE_IN("files.local.cannotWriteIn"),
        WRITE("files.local.cannotWrite"),
        MOVE("files.local.cannotMove"),
        READ("files.local.cannotRead");

        private final String key;

        Action(String key) {
            this.key = key;
        }
    }

    private LocalFileFailures() {
    }

    public static ExplainedException of(Action action, Path path, IOException failure) {
        String english = action.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + path + ": "
                + failure;
        if (failure instanceof AccessDeniedException) {
            return new ExplainedException(english, failure, "files.local.denied", path);
        }
        if (failure instanceof NoSuchFileException) {
            return new ExplainedException(english, failure, "files.local.missing", path);
        }
        String reason = failure instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (reason.contains("No space left")) {
            return new ExplainedException(english, failure, "files.local.full", path);
        }
        return new ExplainedException(english, failure, action.key, path, reason);
    }
}
