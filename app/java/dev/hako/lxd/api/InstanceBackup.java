package dev.hako.lxd.api;

import java.time.OffsetDateTime;

/** {@code GET /1.0/instances/<n>/backups/<b>}. */
public record InstanceBackup(
        String name,
        OffsetDateTime createdAt,
        OffsetDateTime expiresAt,
        boolean instanceOnly,
        boolean optimizedStorage) implements Backup {

    @Override
    public boolean withoutSnapshots() {
        return instanceOnly;
    }

    /** The name without the {@code instance/} prefix the server lists it with. */
    @Override
    public String shortName() {
        return name == null ? "" : name.substring(name.lastIndexOf('/') + 1);
    }
}
