package dev.hako.remote;

import dev.hako.lxd.Explained;
import java.util.Arrays;
import java.util.List;

/**
 * Input or a saved setting this side refuses (an address, a name, a token, a CLI's
 * remote): still the {@link IllegalArgumentException} callers catch, and
 * {@link Explained} so the user reads why in their language. The message stays
 * English, for logs; never put a secret in it or in the arguments.
 */
public class ExplainedArgumentException extends IllegalArgumentException implements Explained {

    private final String messageKey;
    private final transient List<Object> arguments;

    public ExplainedArgumentException(String englishMessage, Throwable cause, String messageKey, Object... arguments) {
        super(englishMessage, cause);
        this.messageKey = messageKey;
        this.arguments = List.copyOf(Arrays.stream(arguments).map(a -> a == null ? "" : a).toList());
    }

    public ExplainedArgumentException(String englishMessage, String messageKey, Object... arguments) {
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
