package dev.hako.lxd;

import java.util.List;

/**
 * The server could not be reached or the connection broke; there was no HTTP answer.
 * {@link #serverMessage()} is the transport's own text when it had one (for logs); the
 * user reads the message key, which names the address and never the request.
 */
public class UnreachableException extends LxdException implements Explained {

    private final String messageKey;
    private final transient List<Object> arguments;

    /**
     * For callers that name what could not be reached ({@code what}, e.g. a remote's name)
     * and have no transport failure; with a {@code cause}, its text is the detail.
     */
    public UnreachableException(String what, Throwable cause) {
        this(what, cause, "error.unreachable.named", what);
    }

    private UnreachableException(String englishMessage, Throwable cause, String messageKey, Object... arguments) {
        super(englishMessage, 0, cause == null ? null : cause.getMessage(), cause);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    /** Nothing answered at {@code address} (refused, no route, TLS handshake broken off). */
    public static UnreachableException cannotReach(String englishMessage, String address, Throwable cause) {
        return new UnreachableException(englishMessage, cause, "error.unreachable", address);
    }

    /** The server was reached but did not answer within {@code seconds}. */
    public static UnreachableException noAnswer(String englishMessage, String address, long seconds,
                                                Throwable cause) {
        return new UnreachableException(englishMessage, cause, "error.noAnswer", address, seconds);
    }

    /** The connection broke while a request or a stream was under way. */
    public static UnreachableException connectionLost(String englishMessage, Throwable cause) {
        return new UnreachableException(englishMessage, cause, "error.connectionLost");
    }

    /** A plain web server (an image server) answered, but not with what was asked for. */
    public static UnreachableException notServing(String englishMessage, String address, String statusLine) {
        return new UnreachableException(englishMessage, null, "error.notServing", address, statusLine);
    }

    @Override
    public String messageKey() {
        return messageKey;
    }

    @Override
    public List<Object> messageArguments() {
        return arguments;
    }
}
