package dev.hako.lxd.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The editable part of an image. */
public record ImagePut(
        boolean autoUpdate,
        Map<String, String> properties,
        @JsonProperty("public") boolean isPublic,
        OffsetDateTime expiresAt,
        List<String> profiles) {
}
