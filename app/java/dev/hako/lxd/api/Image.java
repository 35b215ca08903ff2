package dev.hako.lxd.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** {@code GET /1.0/images/<fingerprint>}. */
public record Image(
        String fingerprint,
        String filename,
        long size,
        String architecture,
        String type,
        boolean autoUpdate,
        boolean cached,
        @JsonProperty("public") boolean isPublic,
        Map<String, String> properties,
        List<ImageAlias> aliases,
        List<String> profiles,
        ImageSource updateSource,
        OffsetDateTime createdAt,
        OffsetDateTime expiresAt,
        OffsetDateTime lastUsedAt,
        OffsetDateTime uploadedAt,
        String project) {

    public ImagePut toPut() {
        return new ImagePut(autoUpdate, properties, isPublic, expiresAt, profiles);
    }

    /** An alias as listed inside an image. */
    public record ImageAlias(String name, String description) {
    }

    /** Where a cached or auto-updating image came from. */
    public record ImageSource(String alias, String certificate, String protocol, String server, String imageType) {
    }
}
