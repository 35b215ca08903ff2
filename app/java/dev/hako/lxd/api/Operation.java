package dev.hako.lxd.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A background operation as the server reports it ({@code /1.0/operations/<id>}). */
public record Operation(
        String id,
        @com.fasterxml.jackson.annotation.JsonProperty("class") String operationClass,
        String description,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        String status,
        int statusCode,
        Map<String, List<String>> resources,
        JsonNode metadata,
        boolean mayCancel,
        String err,
        String location) {

    public static final int RUNNING = 103;
    public static final int SUCCESS = 200;
    public static final int FAILURE = 400;
    public static final int CANCELLED = 401;

    /** True once the operation can no longer change: success, failure or cancelled. */
    public boolean isFinal() {
        return statusCode >= 200;
    }

    public boolean succeeded() {
        return statusCode == SUCCESS;
    }

    /**
     * The progress text the server publishes under any metadata key ending in
     * {@code _progress} (download, unpack, migration …), as the CLI shows it.
     */
    public java.util.Optional<String> progressText() {
        if (metadata == null || !metadata.isObject()) {
            return java.util.Optional.empty();
        }
        var names = metadata.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (key.endsWith("_progress") && metadata.get(key).isTextual()) {
                return java.util.Optional.of(metadata.get(key).asText());
            }
        }
        return java.util.Optional.empty();
    }

    /** Percentage from the structured {@code progress} metadata, or from a "NN%" progress text. */
    public java.util.OptionalInt progressPercent() {
        if (metadata != null && metadata.path("progress").path("percent").isTextual()) {
            try {
                return java.util.OptionalInt.of(Integer.parseInt(metadata.path("progress").path("percent").asText()));
            } catch (NumberFormatException ignored) {
                // fall through to the text form
            }
        }
        return progressText().map(text -> {
            var m = java.util.regex.Pattern.compile("(\\d{1,3})%").matcher(text);
            return m.find() ? java.util.OptionalInt.of(Integer.parseInt(m.group(1))) : java.util.OptionalInt.empty();
        }).orElse(java.util.OptionalInt.empty());
    }
}
