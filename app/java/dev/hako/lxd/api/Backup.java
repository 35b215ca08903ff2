package dev.hako.lxd.api;

import java.time.OffsetDateTime;

/** What instance and custom-volume backups have in common, for lists that show either. */
public interface Backup {

    /** The backup's own name, without the owner's prefix. */
    String shortName();

    OffsetDateTime createdAt();

    /** A zero time (year 1) means it never expires. */
    OffsetDateTime expiresAt();

    /** Made without the owner's snapshots (instance_only / volume_only). */
    boolean withoutSnapshots();

    boolean optimizedStorage();
}
