package dev.hako.lxd.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The {@code source} of an instance creation: image, copy, migration or none. */
public record InstanceSource(
        String type,
        String alias,
        String fingerprint,
        Map<String, String> properties,
        String server,
        String protocol,
        String certificate,
        String secret,
        String mode,
        String operation,
        Map<String, String> secrets,
        String source,
        Boolean live,
        @JsonProperty("base-image") String baseImage,
        Boolean instanceOnly,
        String project,
        Boolean allowInconsistent) {

    public static InstanceSource none() {
        return new InstanceSource("none", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    public static InstanceSource imageAlias(String alias) {
        return new InstanceSource("image", alias, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    public static InstanceSource imageFingerprint(String fingerprint) {
        return new InstanceSource("image", null, fingerprint, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    /** Copy of an instance (or {@code instance/snapshot}) on the same server; {@code live} is always explicit. */
    public static InstanceSource copyOf(String sourceName, boolean instanceOnly) {
        return new InstanceSource("copy", null, null, null, null, null, null, null, null, null, null, sourceName,
                false, null, instanceOnly, null, null);
    }

    /** The same, of an instance in another {@code project} of the same server. */
    public static InstanceSource copyOf(String sourceName, boolean instanceOnly, String project) {
        return new InstanceSource("copy", null, null, null, null, null, null, null, null, null, null, sourceName,
                false, null, instanceOnly, project, null);
    }

    /**
     * The target side of a pull migration: the target dials {@code operation} on the source
     * (checking it against the source's {@code certificate}) and presents the {@code secrets}.
     */
    public static InstanceSource migrationPull(String operationUrl, String certificate, Map<String, String> secrets,
                                               boolean live, String baseImage, boolean instanceOnly) {
        return new InstanceSource("migration", null, null, null, null, null, certificate, null, "pull", operationUrl,
                secrets, null, live, baseImage, instanceOnly, null, null);
    }

    /**
     * An image the server pulls from another server: {@code protocol} {@code simplestreams}
     * or {@code lxd}; {@code certificate} pins the other server's certificate (PEM),
     * {@code secret} opens a private image on an {@code lxd} server. Either {@code alias}
     * or {@code fingerprint}.
     */
    public static InstanceSource remoteImage(String server, String protocol, String alias, String fingerprint,
                                             String certificate, String secret) {
        return new InstanceSource("image", alias, fingerprint, null, server, protocol, certificate, secret, "pull",
                null, null, null, null, null, null, null, null);
    }
}
