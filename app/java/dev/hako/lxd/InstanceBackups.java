package dev.hako.lxd;

import dev.hako.lxd.api.InstanceBackup;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /1.0/instances/<n>/backups}: server-side backups of an instance, their
 * export to a host file and the import of a backup file as a new instance.
 */
public final class InstanceBackups extends BackupCollection<InstanceBackup> {

    InstanceBackups(LxdClient client) {
        super(client, InstanceBackup.class, "instance_only");
    }

    public static InstanceBackups of(LxdClient client) {
        return new InstanceBackups(client);
    }

    private static String path(String instance) {
        return "/1.0/instances/" + seg(instance) + "/backups";
    }

    /** The instance's backups as one set. */
    public BackupSet<InstanceBackup> backupsOf(String instance) {
        return new BackupSet<>(this, path(instance));
    }

    public List<InstanceBackup> list(String instance) {
        return listAt(path(instance));
    }

    /**
     * Starts a backup. {@code name} null lets the server pick one; {@code compression}
     * null uses the server's default (e.g. "gzip", "xz", "zstd", "none").
     */
    public RunningOperation create(String instance, String name, boolean instanceOnly, boolean optimizedStorage,
                                   String compression, OffsetDateTime expiresAt) {
        return createAt(path(instance), name, instanceOnly, optimizedStorage, compression, expiresAt);
    }

    public RunningOperation delete(String instance, String backup) {
        return deleteAt(path(instance), backup);
    }

    public RunningOperation rename(String instance, String backup, String newName) {
        return renameAt(path(instance), backup, newName);
    }

    /** Streams the backup tarball to {@code target} (written under a temporary name, then renamed). */
    public void export(String instance, String backup, Path target, Transfer transfer) {
        exportAt(path(instance), backup, target, transfer);
    }

    /**
     * Creates a new instance from a backup file, on {@code pool} (null: the one in the
     * backup) under {@code name} (null: the one in the backup). Waits until it exists.
     */
    public void importBackup(Path file, String pool, String name, Transfer transfer) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("pool", pool);
        headers.put("name", name);
        importAt("/1.0/instances", file, headers, transfer);
    }
}
