package dev.hako.lxd.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/** One frame of {@code /1.0/events}: {@code lifecycle}, {@code operation} or {@code logging}. */
public record Event(String type, OffsetDateTime timestamp, String location, String project, JsonNode metadata) {

    public static final String LIFECYCLE = "lifecycle";
    public static final String OPERATION = "operation";
    public static final String LOGGING = "logging";

    public boolean isLifecycle() {
        return LIFECYCLE.equals(type);
    }

    public boolean isOperation() {
        return OPERATION.equals(type);
    }

    /** The lifecycle action, e.g. {@code instance-started}; empty for other event types. */
    public String action() {
        return metadata == null ? "" : metadata.path("action").asText("");
    }

    /** The lifecycle source without its query, e.g. {@code /1.0/instances/c1}. */
    public String source() {
        String source = metadata == null ? "" : metadata.path("source").asText("");
        int query = source.indexOf('?');
        return query < 0 ? source : source.substring(0, query);
    }

    /** The last path segment of the source, URL-decoded: the object's name. */
    public String sourceName() {
        String path = source();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return java.net.URLDecoder.decode(last, java.nio.charset.StandardCharsets.UTF_8);
    }
}
