package dev.hako.lxd;

import java.util.Arrays;
import java.util.List;

/**
 * A refusal or failure found on this side (bad input, a local file that cannot be
 * written, a malformed token) that the user sees in their language.
 */
public class ExplainedException extends RuntimeException implements Explained {

    private final String messageKey;
    private final transient List<Object> arguments;

    /**
     * @param englishMessage the text for logs
     * @param messageKey     the bundle key the user sees
     * @param arguments      the key's arguments (texts from elsewhere kept verbatim)
     */
    public ExplainedException(String englishMessage, Throwable cause, String messageKey, Object... arguments) {
        super(englishMessage, cause);
        this.messageKey = messageKey;
        this.arguments = List.copyOf(Arrays.stream(arguments).map(a -> a == null ? "" : a).toList());
    }

    public ExplainedException(String englishMessage, String messageKey, Object... arguments) {
        this(englishMessage, null, messageKey, arguments);
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
