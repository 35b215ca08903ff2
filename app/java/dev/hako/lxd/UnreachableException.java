package dev.hako.lxd;

/** The server could not be reached or the connection broke; there was no HTTP answer. */
public class UnreachableException extends LxdException {

    public UnreachableException(String message, Throwable cause) {
        super(message, 0, cause == null || cause.getMessage() == null ? message : cause.getMessage(), cause);
    }
}
