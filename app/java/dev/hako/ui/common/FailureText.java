package dev.hako.ui.common;

import dev.hako.lxd.Explained;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.OperationFailedException;
import dev.hako.lxd.UnreachableException;
import dev.hako.lxd.UntrustedCertificateException;
import java.io.IOException;
import java.io.UncheckedIOException;
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
        if (cause instanceof Explained explained) {
            return i18n.format(explained.messageKey(), explained.messageArguments().toArray());
        }
        if (cause instanceof UntrustedCertificateException) {
            return i18n.get("error.text.certificate");
        }
        if (cause instanceof UnreachableException unreachable) {
            return i18n.format("error.text.unreachable", detail(unreachable.serverMessage(), cause));
        }
        if (cause instanceof LxdException lxd && lxd.serverMessage() != null && !lxd.serverMessage().isBlank()) {
            return lxd.serverMessage();
        }
        if (cause instanceof OperationFailedException op && op.cancelled()) {
            return i18n.get("error.hint.cancelled");
        }
        if (cause instanceof IOException || cause instanceof UncheckedIOException) {
            return i18n.format("error.text.io", detail(null, cause));
        }
        if (cause instanceof InterruptedException) {
            return i18n.get("error.hint.cancelled");
        }
        return i18n.format("error.text.unexpected", detail(null, cause));
    }

    /** The server's own text when it answered, else null. */
    public static String serverText(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof LxdException lxd && !(cause instanceof UnreachableException)) {
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
        } else if (cause instanceof dev.hako.lxd.PreconditionFailedException) {
            return "error.hint.changed";
        } else if (cause instanceof dev.hako.lxd.NotFoundException) {
            return "error.hint.notFound";
        } else if (cause instanceof dev.hako.lxd.ConflictException) {
            return "error.hint.conflict";
        } else if (cause instanceof dev.hako.lxd.ForbiddenException) {
            return "error.hint.forbidden";
        } else if (cause instanceof OperationFailedException op && op.cancelled()) {
            return "error.hint.cancelled";
        } else if (cause instanceof Explained) {
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

    private static String detail(String preferred, Throwable cause) {
        if (preferred != null && !preferred.isBlank()) {
            return preferred;
        }
        return cause.getMessage() == null || cause.getMessage().isBlank() ? cause.getClass().getSimpleName()
                : cause.getMessage();
    }
}
