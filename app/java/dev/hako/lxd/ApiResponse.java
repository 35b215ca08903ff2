package dev.hako.lxd;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A parsed sync or async envelope. {@code operation} is the operation URL of an
 * async response; {@code etag} and {@code location} come from the headers.
 */
public record ApiResponse(String type, int httpStatus, JsonNode metadata, String operation, String etag,
                          String location) {

    public boolean isAsync() {
        return "async".equals(type);
    }

    public <T> T metadataAs(Class<T> type) {
        return Json.convert(metadata, type);
    }

    public <T> T metadataAs(JavaType type) {
        return Json.convert(metadata, type);
    }
}
