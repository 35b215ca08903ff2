package dev.hako.ui.terminal;

import com.techsenger.jeditermfx.core.TtyConnector;
import com.techsenger.jeditermfx.core.util.TermSize;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Joins a JediTermFX terminal to an exec or console session. Output frames arrive on the
 * network thread and wait in a queue bounded by bytes ({@link #QUEUE_LIMIT}): when the
 * emulator falls further behind, the network thread blocks and the server is held back by
 * TCP, so memory stays bounded whatever the command prints. The bound is generous because
 * the server, once the command has exited, does not wait long for a reader that lags: a
 * small bound lost the end of a long output. The emulator's own thread decodes UTF-8
 * (keeping characters split across frames whole) and parses; the FX thread only paints.
 *
 * <p>When the emulator falls behind a flood of plain text (a {@code cat} of a big file), the
 * lines that would scroll past the scrollback before anyone could see them are dropped
 * before parsing ({@link #skipScrolledOff}): see {@link OutputQueue#dropPlainLines} for why the
 * screen and the scrollback end up exactly as if every byte had been parsed.
 */
final class SessionTtyConnector implements TtyConnector {

    private final String name;
    /** Output not yet parsed that may wait here before the server is held back. */
    static final long QUEUE_LIMIT = 64L * 1024 * 1024;

    private final OutputQueue frames = new OutputQueue(QUEUE_LIMIT);
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private volatile RunningSession session;
    private volatile boolean ended;
    private volatile boolean drained;
    private volatile boolean closed;
    /** Lines that must stay ahead of a drop (scrollback + screen + margin); 0: never drop. */
    private volatile java.util.function.IntSupplier keepLines = () -> 0;
    private final EscapeTracker escapes = new EscapeTracker();
    private long takenSinceAttempt;
    private long lastScan;
    private volatile long dropped;
    private volatile long received;
    private volatile TermSize sentSize;

    /**
     * Queued output from which a drop is tried: the emulator is this far behind. What stays
     * after a drop (the scrollback's worth of lines) is parsed and then mostly scrolled away by
     * what follows, so a drop should take much more than it keeps; once the session has
     * ended nothing follows, and whatever is queued may go.
     */
    static final long DROP_BACKLOG = 8L * 1024 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};

    SessionTtyConnector(String name) {
        this.name = name;
    }

    /**
     * Lets the connector drop plain-text lines that cannot be seen any more: {@code keepLines}
     * says how many lines (scrollback capacity + screen rows + a margin) must stay after a drop.
     */
    void skipScrolledOff(java.util.function.IntSupplier keepLines) {
        this.keepLines = keepLines;
    }

    /** Bytes of output received from the server so far (benchmark). */
    long receivedBytes() {
        return received;
    }

    /** Bytes of output dropped unparsed so far (benchmark and tests). */
    long droppedBytes() {
        return dropped;
    }

    /** The pty size last sent to the server, or null (tests wait for a resize to get there). */
    TermSize sentSize() {
        return sentSize;
    }

    void attach(RunningSession session) {
        this.session = session;
    }

    /** Output from the server (network thread); blocks while the emulator is behind. */
    void offer(byte[] chunk) {
        if (closed || chunk.length == 0) {
            return;
        }
        received += chunk.length; // one network thread offers
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
            frames.put(OutputQueue.END);
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
            } else {
                tryDrop();
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
            if (next == OutputQueue.END) {
                frames.offer(OutputQueue.END);
                drained = true;
                return -1;
            }
            escapes.advance(next);
            takenSinceAttempt += next.length;
            ByteBuffer joined = ByteBuffer.allocate(pending.remaining() + next.length);
            joined.put(pending).put(next).flip();
            pending = joined;
        }
    }

    /**
     * Drops plain lines from the head of the queue when the emulator is far behind and is
     * between escape sequences (all it was given has been decoded, and no sequence is open).
     * After a try that dropped nothing, tried again only once the emulator has taken a quarter
     * of what that try scanned, so scanning costs a fraction of parsing.
     */
    private void tryDrop() {
        int keep = keepLines.getAsInt();
        if (keep <= 0 || !escapes.ground() || escapes.customRegion() || takenSinceAttempt < lastScan / 4
                || (!ended && frames.bytes() < DROP_BACKLOG)) {
            return;
        }
        long[] result = frames.dropPlainLines(keep, escapes.afterC2());
        takenSinceAttempt = 0;
        // A scan that dropped paid for itself; one that did not waits for the emulator to catch up.
        lastScan = result[0] > 0 ? 0 : result[1];
        if (result[0] > 0) {
            dropped += result[0];
            // What the dropped text did to the state the rest depends on: the cursor at the start
            // of a new line (the drop ends with CR LF). The lines themselves scroll out of reach.
            escapes.advance(CRLF);
            pending = ByteBuffer.wrap(CRLF.clone());
        }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        RunningSession s = session;
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
        RunningSession s = session;
        if (s != null && !ended && size.getColumns() > 0 && size.getRows() > 0) {
            try {
                s.resize(size.getColumns(), size.getRows());
                sentSize = size;
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
        frames.offer(OutputQueue.END);
        RunningSession s = session;
        if (s != null) {
            s.close();
        }
    }
}
