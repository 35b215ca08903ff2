package dev.hako.lxd.api;

import java.time.OffsetDateTime;

/** {@code POST /1.0/instances/<n>/snapshots}. */
public record InstanceSnapshotsPost(String name, boolean stateful, OffsetDateTime expiresAt) {
}
