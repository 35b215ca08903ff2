package dev.hako.lxd;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * Control over one long upload or download: bytes moved so far, and cancellation
 * from any thread (the HTTP call is cancelled, so the stream stops at once).
 */
public final class Transfer {

    static final int BUFFER = 64 * 1024;

    private final LongConsumer progress;
    private final AtomicLong bytes = new AtomicLong();
    private volatile Call call;
    private volatile RunningOperation operation;
    private volatile boolean cancelled;

    public Transfer(LongConsumer progress) {
        this.progress = progress == null ? b -> { } : progress;
    }

    public static Transfer silent() {
        return new Transfer(null);
    }

    /** Bytes sent or received so far. */
    public long bytes() {
        return bytes.get();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Stops the transfer: cancels the HTTP call, and the server operation once there is one. */
    public void cancel() {
        cancelled = true;
        Call current = call;
        if (current != null) {
            current.cancel();
        }
        RunningOperation op = operation;
        if (op != null) {
            try {
                op.cancel();
            } catch (LxdException notCancellable) {
                // The server may refuse; the operation then runs to its end.
            }
        }
    }

    void attach(Call call) {
        this.call = call;
        if (cancelled) {
            call.cancel();
        }
    }

    void attach(RunningOperation op) {
        this.operation = op;
    }

    /** Adds bytes moved; callers outside this package that relay a stream report through it too. */
    public void count(long n) {
        progress.accept(bytes.addAndGet(n));
    }

    void throwIfCancelled() {
        if (cancelled) {
            throw new CancelledException();
        }
    }

    /** A request body that copies a file while it is written: one pass, constant memory, counted. */
    RequestBody fileBody(Path file, MediaType type) throws IOException {
        long length = Files.size(file);
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return type;
            }

            @Override
            public long contentLength() {
                return length;
            }

            @Override
            public boolean isOneShot() {
                return true;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                byte[] buffer = new byte[BUFFER];
                try (InputStream in = Files.newInputStream(file)) {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        if (cancelled) {
                            throw new IOException("cancelled");
                        }
                        sink.write(buffer, 0, n);
                        count(n);
                    }
                }
            }
        };
    }

    /** Thrown when a transfer (or any wait of a task) stopped because it was cancelled. */
    public static final class CancelledException extends ExplainedLxdException {
        public CancelledException() {
            super("cancelled", "error.cancelled");
        }
    }
}
