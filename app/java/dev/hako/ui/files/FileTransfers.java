package dev.hako.ui.files;

import dev.hako.lxd.FileMetadata;
import dev.hako.lxd.LxdClient;
import dev.hako.remote.files.FileCopies;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

/**
 * The former home of the streamed copies, kept for callers that still use it (the
 * benchmarks): each method hands over to {@link FileCopies}, which new code calls directly.
 */
public final class FileTransfers {

    private FileTransfers() {
    }

    /** A cancel switch shared with the transfer's thread. */
    public static final class Control {
        private final AtomicBoolean cancelled = new AtomicBoolean();

        public void cancel() {
            cancelled.set(true);
        }

        public boolean cancelled() {
            return cancelled.get();
        }
    }

    /** See {@link FileCopies#download}. */
    public static FileMetadata download(LxdClient client, String instance, String remotePath, Path target,
                                        LongConsumer progress, Control control) {
        return FileCopies.download(client, instance, remotePath, target, progress, control::cancelled);
    }

    /** See {@link FileCopies#upload}. */
    public static void upload(LxdClient client, String instance, Path source, String remotePath,
                              LongConsumer progress, Control control) {
        FileCopies.upload(client, instance, source, remotePath, progress, control::cancelled);
    }
}
