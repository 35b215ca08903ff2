package dev.hako.ui.files;

import dev.hako.lxd.FileMetadata;
import dev.hako.lxd.InstanceFiles;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.NotFoundException;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

/**
 * Streamed copies between the host and an instance, in constant memory, with progress
 * and cancellation. A download is written under a hidden temporary name next to the
 * target and renamed only when whole, so a failed or cancelled one leaves nothing on the
 * host; an upload that fails or is cancelled removes what it wrote on the server (when
 * the file did not exist before).
 */
public final class FileTransfers {

    private FileTransfers() {
    }

    /** Thrown when a transfer was cancelled by the user. */
    public static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled");
        }
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

    /** Copies {@code remotePath} to {@code target}; {@code progress} gets the bytes done so far. */
    public static FileMetadata download(LxdClient client, String instance, String remotePath, Path target,
                                        LongConsumer progress, Control control) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp;
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw new LocalFailure("cannot write in " + dir + ": " + e.getMessage(), e);
        }
        boolean done = false;
        try {
            FileMetadata metadata;
            // The response arrives in small pieces; a 1 MiB buffer turns them into few large writes.
            try (OutputStream out = new CountingOutput(new BufferedOutputStream(Files.newOutputStream(temp),
                    1 << 20), progress, control)) {
                metadata = client.instances().files().download(instance, remotePath, out);
            } catch (IOException e) {
                throw new LocalFailure("cannot write " + temp + ": " + e.getMessage(), e);
            }
            if (control.cancelled()) {
                throw new Cancelled();
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            return metadata;
        } catch (IOException e) {
            throw new LocalFailure("cannot rename to " + target + ": " + e.getMessage(), e);
        } catch (LxdException e) {
            if (control.cancelled()) {
                throw new Cancelled();
            }
            throw e;
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort; the name is hidden and says what it is
                }
            }
        }
    }

    /** Copies {@code source} to {@code remotePath} (overwriting); {@code progress} gets the bytes sent. */
    public static void upload(LxdClient client, String instance, Path source, String remotePath,
                              LongConsumer progress, Control control) {
        InstanceFiles files = client.instances().files();
        boolean existed;
        try {
            files.stat(instance, remotePath);
            existed = true;
        } catch (NotFoundException absent) {
            existed = false;
        }
        long size;
        InputStream in;
        try {
            size = Files.size(source);
            in = new CountingInput(Files.newInputStream(source), progress, control);
        } catch (IOException e) {
            throw new LocalFailure("cannot read " + source + ": " + e.getMessage(), e);
        }
        try (InputStream stream = in) {
            files.upload(instance, remotePath, stream, size, InstanceFiles.FileOptions.defaults());
            if (control.cancelled()) {
                throw new Cancelled();
            }
        } catch (IOException closing) {
            // closing a local file: nothing to report
        } catch (RuntimeException e) {
            if (!existed) {
                try {
                    files.delete(instance, remotePath);
                } catch (LxdException ignored) {
                    // not created, or the server is gone: nothing more to do
                }
            }
            throw control.cancelled() ? new Cancelled() : e;
        }
    }

    /** A failure on the host's side (disk full, no permission). */
    public static final class LocalFailure extends RuntimeException {
        LocalFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final class CountingOutput extends FilterOutputStream {
        private final LongConsumer progress;
        private final Control control;
        private long count;

        CountingOutput(OutputStream out, LongConsumer progress, Control control) {
            super(out);
            this.progress = progress;
            this.control = control;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (control.cancelled()) {
                throw new InterruptedIOException("cancelled");
            }
            out.write(b, off, len);
            count += len;
            progress.accept(count);
        }
    }

    private static final class CountingInput extends FilterInputStream {
        private final LongConsumer progress;
        private final Control control;
        private long count;

        CountingInput(InputStream in, LongConsumer progress, Control control) {
            super(in);
            this.progress = progress;
            this.control = control;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (control.cancelled()) {
                throw new InterruptedIOException("cancelled");
            }
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
                progress.accept(count);
            }
            return n;
        }
    }
}
