package dev.hako.lxd;

import dev.hako.lxd.api.VolumeBackup;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /1.0/storage-pools/<p>/volumes/custom/<v>/backups}: server-side backups of a
 * custom storage volume, their export to a host file and the import of a backup file
 * as a new custom volume. Servers offer this with the API extension
 * {@value #EXTENSION} (LXD 5.0 and Incus 6 both do); see {@link #supportedBy}.
 */
public final class VolumeBackups extends BackupCollection<VolumeBackup> {

    public static final String EXTENSION = "custom_volume_backup";
    /** Needed to choose the restored volume's name; without it the name in the backup is used. */
    public static final String NAME_EXTENSION = "backup_override_name";

    VolumeBackups(LxdClient client) {
        super(client, VolumeBackup.class, "volume_only");
    }

    public static VolumeBackups of(LxdClient client) {
        return new VolumeBackups(client);
    }

    /** Whether the server can back up and restore custom volumes. */
    public static boolean supportedBy(LxdClient client) {
        return client.serverInfo().hasExtension(EXTENSION);
    }

    private static String volumes(String pool) {
        return "/1.0/storage-pools/" + seg(pool) + "/volumes/custom";
    }

    private static String path(String pool, String volume) {
        return volumes(pool) + "/" + seg(volume) + "/backups";
    }

    /** The custom volume's backups as one set. */
    public BackupSet<VolumeBackup> backupsOf(String pool, String volume) {
        return new BackupSet<>(this, path(pool, volume));
    }

    public List<VolumeBackup> list(String pool, String volume) {
        return listAt(path(pool, volume));
    }

    /**
     * Starts a backup of a custom volume. {@code volumeOnly} leaves its snapshots out;
     * {@code name} null lets the server pick one; {@code compression} null uses the
     * server's default (e.g. "gzip", "xz", "zstd", "none").
     */
    public RunningOperation create(String pool, String volume, String name, boolean volumeOnly,
                                   boolean optimizedStorage, String compression, OffsetDateTime expiresAt) {
        return createAt(path(pool, volume), name, volumeOnly, optimizedStorage, compression, expiresAt);
    }

    public RunningOperation delete(String pool, String volume, String backup) {
        return deleteAt(path(pool, volume), backup);
    }

    public RunningOperation rename(String pool, String volume, String backup, String newName) {
        return renameAt(path(pool, volume), backup, newName);
    }

    /** Streams the backup tarball to {@code target} (written under a temporary name, then renamed). */
    public void export(String pool, String volume, String backup, Path target, Transfer transfer) {
        exportAt(path(pool, volume), backup, target, transfer);
    }

    /**
     * Creates a new custom volume on {@code pool} from a backup file, named {@code name}
     * (null: the name in the backup). Waits until the volume exists. The server takes the
     * pool from the request's path and the name from the {@code X-LXD-name} or
     * {@code X-Incus-name} header ({@code lxd/storage_volumes.go} storagePoolVolumesPost).
     */
    public void importBackup(Path file, String pool, String name, Transfer transfer) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("name", name);
        importAt(volumes(pool), file, headers, transfer);
    }
}
