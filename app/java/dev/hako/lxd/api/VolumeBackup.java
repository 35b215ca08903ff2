package dev.hako.lxd.api;

import java.time.OffsetDateTime;

/** {@code GET /1.0/storage-pools/<p>/volumes/custom/<v>/backups/<b>} (API extension custom_volume_backup). */
public record VolumeBackup(
        String name,
        OffsetDateTime createdAt,
        OffsetDateTime expiresAt,
        boolean volumeOnly,
        boolean optimizedStorage) implements Backup {

    @Override
    public boolean withoutSnapshots() {
        return volumeOnly;
    }

    /** The name without a {@code volume/} prefix, should a server list it with one. */
    @Override
    public String shortName() {
        return name == null ? "" : name.substring(name.lastIndexOf('/') + 1);
    }
}
