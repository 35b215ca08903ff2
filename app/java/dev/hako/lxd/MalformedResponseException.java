package dev.hako.lxd;

/** The server answered with something that is not a valid API response. */
public class MalformedResponseException extends LxdException {

    public MalformedResponseException(String message, Throwable cause) {
        super(message, 0, message, cause);
    }
}
