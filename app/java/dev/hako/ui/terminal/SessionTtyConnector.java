package dev.hako.ui.terminal;

import com.techsenger.jeditermfx.core.TtyConnector;
import com.techsenger.jeditermfx.core.util.TermSize;
import dev.hako.lxd.ExecSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Joins a JediTermFX terminal to an exec or console session. Output frames arrive on the
 * network thread and wait in a queue bounded by bytes ({@link #QUEUE_LIMIT}): when the
 * emulator falls further behind, the network thread blocks and the server is held back by
 * TCP, so memory stays bounded whatever the command prints. The bound is generous because
 * the server, once the command has exited, does not wait long for a reader that lags: a
 * small bound lost the end of a long output. The emulator's own thread decodes UTF-8
 * (keeping characters split across frames whole) and parses; the FX thread only paints.
 */
final class SessionTtyConnector implements TtyConnector {

    private static final byte[] END = new byte[0];

    private final String name;
    /** Output not yet parsed that may wait here before the server is held back. */
    static final long QUEUE_LIMIT = 64L * 1024 * 1024;

    private final ByteQueue frames = new ByteQueue(QUEUE_LIMIT);
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private volatile ExecSession session;
    private volatile boolean ended;
    private volatile boolean drained;
    private volatile boolean closed;

    SessionTtyConnector(String name) {
        this.name = name;
    }

    void attach(ExecSession session) {
        this.session = session;
    }

    /** Output from the server (network thread); blocks while the emulator is behind. */
    void offer(byte[] chunk) {
        if (closed || chunk.length == 0) {
            return;
        }
        try {
            frames.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** No more output will come: the emulator sees end of stream once the queue is drained. */
    void end() {
        ended = true;
        try {
            // After everything queued: blocks while the emulator catches up.
            frames.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int read(char[] buf, int offset, int length) throws IOException {
        CharBuffer out = CharBuffer.wrap(buf, offset, length);
        while (true) {
            if (pending.hasRemaining()) {
                decoder.decode(pending, out, false);
                if (out.position() > offset) {
                    return out.position() - offset;
                }
            }
            byte[] next;
            try {
                next = pending.hasRemaining() ? frames.poll(50, TimeUnit.MILLISECONDS) : frames.take();
            } catch (InterruptedException e) {
                // Only close() ends reading (it queues the end marker): an interrupt alone must not cut output.
                if (closed) {
                    return -1;
                }
                continue;
            }
            if (next == null) {
                continue;
            }
            if (next == END) {
                frames.offer(END);
                drained = true;
                return -1;
            }
            ByteBuffer joined = ByteBuffer.allocate(pending.remaining() + next.length);
            joined.put(pending).put(next).flip();
            pending = joined;
        }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        ExecSession s = session;
        if (s == null || ended) {
            return;
        }
        try {
            s.write(bytes);
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void write(String string) throws IOException {
        write(string.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Connected until the emulator has read the last byte: the session may end while output
     * is still queued, and the emulator stops reading as soon as this says false.
     */
    @Override
    public boolean isConnected() {
        return !drained && !closed;
    }

    @Override
    public void resize(TermSize size) {
        ExecSession s = session;
        if (s != null && !ended && size.getColumns() > 0 && size.getRows() > 0) {
            try {
                s.resize(size.getColumns(), size.getRows());
            } catch (RuntimeException ignored) {
                // The session is ending; its end is reported by the output stream.
            }
        }
    }

    @Override
    public int waitFor() throws InterruptedException {
        while (!drained && !closed) {
            Thread.sleep(100);
        }
        return 0;
    }

    @Override
    public boolean ready() {
        return !frames.isEmpty() || pending.hasRemaining();
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void close() {
        closed = true;
        frames.clear();
        frames.offer(END);
        ExecSession s = session;
        if (s != null) {
            s.close();
        }
    }

    /** A FIFO of frames bounded by their total size; the end marker never counts and never waits. */
    private static final class ByteQueue {
        private final long limit;
        private final ArrayDeque<byte[]> items = new ArrayDeque<>();
        private long bytes;

        ByteQueue(long limit) {
            this.limit = limit;
        }

        synchronized void put(byte[] item) throws InterruptedException {
            while (item != END && bytes > 0 && bytes + item.length > limit) {
                wait();
            }
            items.addLast(item);
            bytes += item.length;
            notifyAll();
        }

        synchronized boolean offer(byte[] item) {
            items.addLast(item);
            bytes += item.length;
            notifyAll();
            return true;
        }

        synchronized byte[] take() throws InterruptedException {
            while (items.isEmpty()) {
                wait();
            }
            return remove();
        }

        synchronized byte[] poll(long timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (items.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return remove();
        }

        private byte[] remove() {
            byte[] item = items.removeFirst();
            bytes -= item.length;
            notifyAll();
            return item;
        }

        synchronized boolean isEmpty() {
            return items.isEmpty();
        }

        synchronized void clear() {
            items.clear();
            bytes = 0;
            notifyAll();
        }
    }
}
