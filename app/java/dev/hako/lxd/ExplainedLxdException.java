package dev.hako.lxd;

import java.util.Arrays;
import java.util.List;

/**
 * A client failure that is no answer of the server (a local file, a broken-off transfer,
 * a cancellation, a timeout) and that callers still catch as an {@link LxdException}.
 * The user reads it in their language through its message key; {@link #serverMessage()}
 * is only set when a text of the server is part of it.
 */
public class ExplainedLxdException extends LxdException implements Explained {

    private final String messageKey;
    private final transient List<Object> arguments;

    /**
     * @param englishMessage the text for logs
     * @param status         the HTTP status behind it, or 0
     * @param messageKey     the bundle key the user sees
     * @param arguments      the key's arguments (names, paths and server texts, verbatim)
     */
    public ExplainedLxdException(String englishMessage, Throwable cause, int status, String messageKey,
                                 Object... arguments) {
        super(englishMessage, status, null, cause);
        this.messageKey = messageKey;
        this.arguments = List.copyOf(Arrays.stream(arguments).map(a -> a == null ? "" : a).toList());
    }

    public ExplainedLxdException(String englishMessage, String messageKey, Object... arguments) {
        this(englishMessage, null, 0, messageKey, arguments);
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
