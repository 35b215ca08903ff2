package dev.hako.remote.creation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hako.lxd.api.Operation;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far a server operation got, read from its metadata: the daemons report downloads and
 * unpacking as {@code *_progress} texts such as {@code "rootfs: 42% (3.10MB/s)"}.
 *
 * @param fraction 0 to 1, or negative when the text carries no percentage
 * @param text     the server's own words, verbatim
 */
public record OperationProgress(double fraction, String text) {

    /** The fraction of a progress text without a percentage. */
    public static final double UNKNOWN = -1;

    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})%");

    /** The operation's latest progress text, if its metadata has one. */
    public static Optional<OperationProgress> of(Operation operation) {
        return operation == null ? Optional.empty() : of(operation.metadata());
    }

    static Optional<OperationProgress> of(JsonNode metadata) {
        if (metadata == null) {
            return Optional.empty();
        }
        String text = null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = metadata.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().endsWith("_progress") && field.getValue().isTextual()) {
                text = field.getValue().asText();
            }
        }
        if (text == null) {
            return Optional.empty();
        }
        Matcher percent = PERCENT.matcher(text);
        double fraction = percent.find() ? Math.min(100, Integer.parseInt(percent.group(1))) / 100.0 : UNKNOWN;
        return Optional.of(new OperationProgress(fraction, text));
    }
}
