package dev.hako.lxd;

import dev.hako.lxd.api.InstanceBackup;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Request;

/**
 * {@code /1.0/instances/<n>/backups}: server-side backups of an instance, their
 * export to a host file and the import of a backup file as a new instance.
 */
public final class InstanceBackups extends ResourceApi {

    private final ImageTransfers streams;

    InstanceBackups(LxdClient client) {
        super(client);
        this.streams = new ImageTransfers(client);
    }

    public static InstanceBackups of(LxdClient client) {
        return new InstanceBackups(client);
    }

    private static String path(String instance) {
        return "/1.0/instances/" + seg(instance) + "/backups";
    }

    private static String path(String instance, String backup) {
        return path(instance) + "/" + seg(backup);
    }

    public List<InstanceBackup> list(String instance) {
        return list(path(instance), InstanceBackup.class);
    }

    /**
     * Starts a backup. {@code name} null lets the server pick one; {@code compression}
     * null uses the server's default (e.g. "gzip", "xz", "zstd", "none").
     */
    public RunningOperation create(String instance, String name, boolean instanceOnly, boolean optimizedStorage,
                                   String compression, OffsetDateTime expiresAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (name != null && !name.isBlank()) {
            body.put("name", name);
        }
        body.put("instance_only", instanceOnly);
        body.put("optimized_storage", optimizedStorage);
        if (compression != null && !compression.isBlank()) {
            body.put("compression_algorithm", compression);
        }
        if (expiresAt != null) {
            body.put("expires_at", expiresAt);
        }
        return async("POST", path(instance), body, null);
    }

    public RunningOperation delete(String instance, String backup) {
        return async("DELETE", path(instance, backup), null, null);
    }

    public RunningOperation rename(String instance, String backup, String newName) {
        return async("POST", path(instance, backup), Map.of("name", newName), null);
    }

    /** Streams the backup tarball to {@code target} (written under a temporary name, then renamed). */
    public void export(String instance, String backup, Path target, Transfer transfer) {
        streams.download(path(instance, backup) + "/export", target, transfer);
    }

    /**
     * Creates a new instance from a backup file, on {@code pool} (null: the one in the
     * backup) under {@code name} (null: the one in the backup). Waits until it exists.
     */
    public void importBackup(Path file, String pool, String name, Transfer transfer) {
        String p = transport.headerPrefix();
        Request.Builder request;
        try {
            request = new Request.Builder().url(url("/1.0/instances"))
                    .post(transfer.fileBody(file, ImageTransfers.OCTETS));
        } catch (IOException e) {
            throw new InstanceFiles.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (pool != null && !pool.isBlank()) {
            request.header(p + "pool", pool);
        }
        if (name != null && !name.isBlank()) {
            request.header(p + "name", name);
        }
        RunningOperation op = streams.startUpload(request.build(), transfer, "/1.0/instances");
        ImageTransfers.awaitOperation(op, transfer);
    }
}
