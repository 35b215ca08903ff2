package dev.hako.lxd;

import java.util.List;

/**
 * The server answered with something that is not a valid API response. The message
 * (for logs) says what was wrong; the user reads the message key.
 */
public class MalformedResponseException extends LxdException implements Explained {

    public MalformedResponseException(String message, Throwable cause) {
        super(message, 0, null, cause);
    }

    @Override
    public String messageKey() {
        return "error.malformed";
    }

    @Override
    public List<Object> messageArguments() {
        return List.of();
    }
}
