package dev.hako.lxd.api;

import java.time.OffsetDateTime;

/**
 * {@code GET /1.0/warnings/<uuid>} (API extension {@code warnings}: LXD 5.0 and Incus):
 * something the server noticed about itself, such as a missing kernel feature.
 *
 * @param status    {@code new}, {@code acknowledged} or {@code resolved}
 * @param severity  {@code low}, {@code moderate} or {@code high}
 * @param location  the cluster member it was seen on (empty or {@code none} outside a cluster)
 * @param project   the project it concerns; empty for the host as a whole
 * @param entityUrl the object it concerns ({@code /1.0/instances/c1}); empty for none
 */
public record Warning(
        String uuid,
        String status,
        String severity,
        String type,
        int count,
        String lastMessage,
        String location,
        String project,
        String entityUrl,
        OffsetDateTime firstSeenAt,
        OffsetDateTime lastSeenAt) {

    public static final String RESOLVED = "resolved";

    /** Whether it still stands: resolved warnings are kept by the server for a while, for the record. */
    public boolean open() {
        return !RESOLVED.equals(status);
    }
}
