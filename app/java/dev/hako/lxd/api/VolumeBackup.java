package dev.hako.lxd.api;

import java.time.OffsetDateTime;

/** {@code GET /1.0/storage-pools/<p>/volumes/custom/<v>/backups/<b>} (API extension custom_volume_backup). */
public record VolumeBackup(
        String name,
        OffsetDateTime createdAt,
        OffsetDateTime expiresAt,
        boolean volumeOnly,
        boolean optimizedStorage) {

    /** The name without a {@code volume/} prefix, should a server list it with one. */
    public String shortName() {
        return name == null ? "" : name.substring(name.lastIndexOf('/') + 1);
    }
}
