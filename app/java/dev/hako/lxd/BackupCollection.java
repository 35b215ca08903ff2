package dev.hako.lxd;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Request;

/**
 * What instance and custom-volume backups share: a {@code …/backups} collection on the
 * server (list, create, rename, delete, export as a streamed download) and the import
 * of a backup file, sent as an {@code application/octet-stream} body to the collection
 * that creates the restored object. Subclasses only say where those collections are.
 */
abstract class BackupCollection<B extends dev.hako.lxd.api.Backup> extends ResourceApi {

    private final Class<B> type;
    private final String onlyKey;
    private final ImageTransfers streams;

    /** {@code onlyKey} is the create field that leaves the snapshots out: instance_only or volume_only. */
    BackupCollection(LxdClient client, Class<B> type, String onlyKey) {
        super(client);
        this.type = type;
        this.onlyKey = onlyKey;
        this.streams = new ImageTransfers(client);
    }

    final List<B> listAt(String backups) {
        return list(backups, type);
    }

    final RunningOperation createAt(String backups, String name, boolean withoutSnapshots, boolean optimizedStorage,
                                    String compression, OffsetDateTime expiresAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (name != null && !name.isBlank()) {
            body.put("name", name);
        }
        body.put(onlyKey, withoutSnapshots);
        body.put("optimized_storage", optimizedStorage);
        if (compression != null && !compression.isBlank()) {
            body.put("compression_algorithm", compression);
        }
        if (expiresAt != null) {
            body.put("expires_at", expiresAt);
        }
        return async("POST", backups, body, null);
    }

    final RunningOperation deleteAt(String backups, String backup) {
        return async("DELETE", backups + "/" + seg(backup), null, null);
    }

    final RunningOperation renameAt(String backups, String backup, String newName) {
        return async("POST", backups + "/" + seg(backup), Map.of("name", newName), null);
    }

    /** Streams the backup tarball to {@code target} (written under a temporary name, then renamed). */
    final void exportAt(String backups, String backup, Path target, Transfer transfer) {
        streams.download(backups + "/" + seg(backup) + "/export", target, transfer);
    }

    /**
     * Uploads a backup file to {@code collection} with the given headers (names without the
     * server's {@code X-LXD-}/{@code X-Incus-} prefix; blank values are left out) and waits
     * until the restored object exists.
     */
    final void importAt(String collection, Path file, Map<String, String> headers, Transfer transfer) {
        Request.Builder request;
        try {
            request = new Request.Builder().url(url(collection)).post(transfer.fileBody(file, ImageTransfers.OCTETS));
        } catch (IOException e) {
            throw LocalFileException.reading(file, e);
        }
        headers.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                request.header(transport.headerPrefix() + name, value);
            }
        });
        RunningOperation op = streams.startUpload(request.build(), transfer, collection);
        ImageTransfers.awaitOperation(op, transfer);
    }
}
