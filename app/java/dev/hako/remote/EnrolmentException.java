package dev.hako.remote;

import dev.hako.lxd.Explained;
import java.util.Arrays;
import java.util.List;

/**
 * Trust could not be set up; {@link #reason()} says why in terms a person can act on,
 * and the user reads it in their language. Never carries a secret.
 */
public final class EnrolmentException extends RuntimeException implements Explained {

    /** Why enrolment stopped, with the bundle key that says so. */
    public enum Reason {
        /** The token was made by another server than the one whose certificate was accepted. */
        TOKEN_FOR_ANOTHER_SERVER("remotes.problem.tokenForAnotherServer"),
        /** The token's expiry time has passed. */
        TOKEN_EXPIRED("remotes.problem.tokenExpired"),
        /** Incus has no trust passwords (only tokens). */
        PASSWORD_NOT_SUPPORTED("remotes.problem.passwordNotSupported"),
        /** The server accepted the request but still does not trust this client. */
        STILL_UNTRUSTED("remotes.problem.stillUntrusted"),
        /** No password or token was given and the server does not trust the certificate yet. */
        NOT_TRUSTED("remotes.connect.notTrusted");

        private final String messageKey;

        Reason(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    private final Reason reason;
    private final transient List<Object> arguments;

    /** @param arguments the reason's bundle arguments (never a secret) */
    public EnrolmentException(Reason reason, String message, Object... arguments) {
        super(message);
        this.reason = reason;
        this.arguments = List.copyOf(Arrays.asList(arguments));
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String messageKey() {
        return reason.messageKey;
    }

    @Override
    public List<Object> messageArguments() {
        return arguments;
    }
}
