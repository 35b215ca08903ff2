package dev.hako.ui.common;

import dev.hako.lxd.ConflictException;
import dev.hako.lxd.Explained;
import dev.hako.lxd.ForbiddenException;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.OperationFailedException;
import dev.hako.lxd.PreconditionFailedException;
import dev.hako.lxd.Transfer;
import dev.hako.lxd.UnreachableException;
import dev.hako.lxd.UntrustedCertificateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one mapping from a failure to what the user reads: the server's own words
 * verbatim when it answered, a sentence from the bundles otherwise, and never a
 * request line or an English exception text inside another language.
 */
public final class FailureText {

    private FailureText() {
    }

    /** One line saying what went wrong, in the window's language. */
    public static String of(I18n i18n, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cancelled(cause)) {
            return i18n.get("error.cancelled");
        }
        if (cause instanceof Explained explained) {
            return i18n.format(explained.messageKey(), explained.messageArguments().toArray());
        }
        if (cause instanceof LxdException lxd) {
            String said = lxd.serverMessage();
            if (said != null && !said.isBlank()) {
                return said;
            } else if (lxd.status() > 0) {
                return i18n.format(statusKey(lxd), lxd.status());
            }
        }
        if (cause instanceof IOException io) {
            return localFile(i18n, io);
        }
        // Only the kind of failure, never its English text: the log has that.
        return i18n.format("error.unexpected", cause.getClass().getSimpleName());
    }

    /**
     * The server's own text when it answered and is the whole story, else null. An explained
     * failure words the server's text itself (which server refused, for instance): {@link #of} tells it.
     */
    public static String serverText(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof LxdException lxd && !(cause instanceof UnreachableException)
                && !(cause instanceof Explained)) {
            return lxd.serverMessage();
        }
        return null;
    }

    /** The bundle key of a hint for what to do next. */
    public static String hintKey(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof UntrustedCertificateException) {
            return "error.hint.certificate";
        } else if (cause instanceof UnreachableException) {
            return "error.hint.unreachable";
        } else if (cancelled(cause)) {
            return "error.hint.cancelled";
        } else if (cause instanceof PreconditionFailedException) {
            return "error.hint.changed";
        } else if (cause instanceof NotFoundException) {
            return "error.hint.notFound";
        } else if (cause instanceof ConflictException) {
            return "error.hint.conflict";
        } else if (cause instanceof ForbiddenException) {
            return "error.hint.forbidden";
        } else if (cause instanceof Explained && !(cause instanceof LxdException)) {
            // Found on this side before anything was sent.
            return "error.hint.input";
        }
        return "error.hint.generic";
    }

    /** The failure behind wrappers that add nothing for the user. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException
                || cause instanceof UncheckedIOException && cause.getCause() != null
                || cause.getClass() == RuntimeException.class && cause.getCause() != null)
                && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static boolean cancelled(Throwable cause) {
        return cause instanceof OperationFailedException op && op.cancelled()
                || cause instanceof Transfer.CancelledException
                || cause instanceof InterruptedException
                || cause instanceof CancellationException;
    }

    /** A refusal the server gave without words: a sentence for its kind. */
    private static String statusKey(LxdException refusal) {
        if (refusal instanceof NotFoundException) {
            return "error.server.notFound";
        } else if (refusal instanceof ConflictException) {
            return "error.server.conflict";
        } else if (refusal instanceof PreconditionFailedException) {
            return "error.server.changed";
        } else if (refusal instanceof ForbiddenException) {
            return "error.server.forbidden";
        } else if (refusal instanceof OperationFailedException) {
            return "error.operation.failed";
        } else if (refusal.status() >= 500) {
            return "error.server.failed";
        }
        return "error.server.refused";
    }

    /** Which file and what kind of problem; the system's own English text stays in the log. */
    private static String localFile(I18n i18n, IOException failure) {
        if (failure instanceof FileSystemException fs && fs.getFile() != null) {
            String key = failure instanceof NoSuchFileException ? "error.file.notFound"
                    : failure instanceof AccessDeniedException ? "error.file.denied" : "error.file.failed";
            return i18n.format(key, fs.getFile());
        }
        return i18n.get("error.io");
    }
}
