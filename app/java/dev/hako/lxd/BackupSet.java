package dev.hako.lxd;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The backups of one object (an instance or a custom volume), bound to it, so that a
 * caller can list, create, export and delete them without knowing which kind it is.
 */
public final class BackupSet<B extends dev.hako.lxd.api.Backup> {

    private final BackupCollection<B> api;
    private final String path;

    BackupSet(BackupCollection<B> api, String path) {
        this.api = api;
        this.path = path;
    }

    public List<B> list() {
        return api.listAt(path);
    }

    /** {@code name} null lets the server pick one; {@code compression} null uses the server's default. */
    public RunningOperation create(String name, boolean withoutSnapshots, boolean optimizedStorage, String compression,
                                   OffsetDateTime expiresAt) {
        return api.createAt(path, name, withoutSnapshots, optimizedStorage, compression, expiresAt);
    }

    public RunningOperation rename(String backup, String newName) {
        return api.renameAt(path, backup, newName);
    }

    public RunningOperation delete(String backup) {
        return api.deleteAt(path, backup);
    }

    /** Streams the backup tarball to {@code target} (written under a temporary name, then renamed). */
    public void export(String backup, Path target, Transfer transfer) {
        api.exportAt(path, backup, target, transfer);
    }
}
