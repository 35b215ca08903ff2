package dev.hako.remote.files;

import dev.hako.lxd.FileMetadata;
import dev.hako.lxd.InstanceFiles;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.NotFoundException;
import dev.hako.remote.files.LocalFileFailures.Action;
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
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Streamed copies between the host and an instance, in constant memory, with progress
 * and cancellation. A download is written under a hidden temporary name next to the
 * target and renamed only when whole, so a failed or cancelled one leaves nothing on the
 * host; an upload that fails or is cancelled removes what it wrote on the server (when
 * the file did not exist before). Blocking; failures on the host's side are
 * {@link dev.hako.lxd.ExplainedException}s, a cancel is a {@link CancelledException}.
 */
public final class FileCopies {

    private FileCopies() {
    }

    /** Copies {@code remotePath} to {@code target}; {@code progress} gets the bytes done so far. */
    public static FileMetadata download(LxdClient client, String instance, String remotePath, Path target,
                                        LongConsumer progress, BooleanSupplier cancelled) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp;
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw LocalFileFailures.of(Action.WRITE_IN, dir, e);
        }
        boolean done = false;
        try {
            FileMetadata metadata;
            // The response arrives in small pieces; a 1 MiB buffer turns them into few large writes.
            try (OutputStream out = new CountingOutput(new BufferedOutputStream(Files.newOutputStream(temp),
                    1 << 20), progress, cancelled)) {
                metadata = client.instances().files().download(instance, remotePath, out);
            } catch (IOException e) {
                throw cancelled.getAsBoolean() ? new CancelledException()
                        : LocalFileFailures.of(Action.WRITE, temp, e);
            }
            if (cancelled.getAsBoolean()) {
                throw new CancelledException();
            }
            try {
                try {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw LocalFileFailures.of(Action.MOVE, target, e);
            }
            done = true;
            return metadata;
        } catch (LxdException e) {
            if (cancelled.getAsBoolean()) {
                throw new CancelledException();
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
                              LongConsumer progress, BooleanSupplier cancelled) {
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
            in = new CountingInput(Files.newInputStream(source), progress, cancelled);
        } catch (IOException e) {
            throw LocalFileFailures.of(Action.READ, source, e);
        }
        try (InputStream stream = in) {
            files.upload(instance, remotePath, stream, size, InstanceFiles.FileOptions.defaults());
            if (cancelled.getAsBoolean()) {
                throw new CancelledException();
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
            throw cancelled.getAsBoolean() ? new CancelledException() : e;
        }
    }

    private static final class CountingOutput extends FilterOutputStream {
        private final LongConsumer progress;
        private final BooleanSupplier cancelled;
        private long count;

        CountingOutput(OutputStream out, LongConsumer progress, BooleanSupplier cancelled) {
            super(out);
            this.progress = progress;
            this.cancelled = cancelled;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (cancelled.getAsBoolean()) {
                throw new InterruptedIOException("cancelled");
            }
            out.write(b, off, len);
            count += len;
            progress.accept(count);
        }
    }

    private static final class CountingInput extends FilterInputStream {
        private final LongConsumer progress;
        private final BooleanSupplier cancelled;
        private long count;

        CountingInput(InputStream in, LongConsumer progress, BooleanSupplier cancelled) {
            super(in);
            this.progress = progress;
            this.cancelled = cancelled;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (cancelled.getAsBoolean()) {
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
