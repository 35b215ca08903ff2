package dev.hako.remote;

/** Trust could not be set up; {@link #reason()} says why in terms a person can act on. Never carries a secret. */
public final class EnrolmentException extends RuntimeException {

    /** Why enrolment stopped. */
    public enum Reason {
        /** The token was made by another server than the one whose certificate was accepted. */
        TOKEN_FOR_ANOTHER_SERVER,
        /** The token's expiry time has passed. */
        TOKEN_EXPIRED,
        /** Incus has no trust passwords (only tokens). */
        PASSWORD_NOT_SUPPORTED,
        /** The server accepted the request but still does not trust this client. */
        STILL_UNTRUSTED
    }

    private final Reason reason;

    public EnrolmentException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
