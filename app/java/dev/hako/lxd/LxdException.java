package dev.hako.lxd;

/**
 * Base of every failure the client reports. {@link #serverMessage()} is the
 * server's own text, verbatim, when the server answered; callers show it as is.
 */
public class LxdException extends RuntimeException {

    private final int status;
    private final String serverMessage;

    public LxdException(String message, int status, String serverMessage, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.serverMessage = serverMessage;
    }

    public LxdException(String message, int status, String serverMessage) {
        this(message, status, serverMessage, null);
    }

    /** HTTP status the server gave, or 0 when it never answered. */
    public int status() {
        return status;
    }

    /** The server's error text, or the transport's when there was no answer. */
    public String serverMessage() {
        return serverMessage;
    }
}
