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

    /** The first 12 hex digits, as {@code lxc image list} shows them and the CLI accepts them. */
    public String shortFingerprint() {
        return shortFingerprint(fingerprint);
    }

    /** The first 12 hex digits of {@code fingerprint} (all of it when shorter). */
    public static String shortFingerprint(String fingerprint) {
        return fingerprint.substring(0, Math.min(12, fingerprint.length()));
    }

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
