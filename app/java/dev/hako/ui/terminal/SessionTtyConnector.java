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
 *
 * <p>When the emulator falls behind a flood of plain text (a {@code cat} of a big file), the
 * lines that would scroll past the scrollback before anyone could see them are dropped
 * before parsing ({@link #skipScrolledOff}): see {@link ByteQueue#dropPlainLines} for why the
 * screen and the scrollback end up exactly as if every byte had been parsed.
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
    /** Lines that must stay ahead of a drop (scrollback + screen + margin); 0: never drop. */
    private volatile java.util.function.IntSupplier keepLines = () -> 0;
    private final EscapeTracker escapes = new EscapeTracker();
    private long takenSinceAttempt;
    private long lastScan;
    private volatile long dropped;
    private volatile long received;

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

    void attach(ExecSession session) {
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
            if (next == END) {
                frames.offer(END);
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

    /**
     * Follows the output given to the emulator far enough to tell whether it is between escape
     * sequences (a drop must not start inside one: the emulator would read the dropped bytes
     * as its parameters or string). It knows escape, CSI, the string sequences (OSC, DCS, SOS,
     * PM, APC, ended by BEL or ST) and escapes with intermediate bytes, in 7 and 8 bits.
     */
    static final class EscapeTracker {
        private static final int GROUND = 0;
        private static final int ESCAPE = 1;
        private static final int CSI = 2;
        private static final int STRING = 3;
        private static final int STRING_ESCAPE = 4;
        private static final int ONE_MORE = 5;
        private int state = GROUND;
        private boolean c2;
        private boolean parameters;
        private boolean privateMarker;
        private boolean customRegion;

        void advance(byte[] bytes) {
            for (byte value : bytes) {
                int b = value & 0xFF;
                boolean wasC2 = c2;
                c2 = b == 0xC2;
                switch (state) {
                    case GROUND -> {
                        if (b == 0x1B) {
                            state = ESCAPE;
                        } else if (wasC2 && b == 0x9B) {
                            state = CSI;
                            parameters = false;
                            privateMarker = false;
                        } else if (wasC2 && (b == 0x9D || b == 0x90 || b == 0x98 || b == 0x9E || b == 0x9F)) {
                            state = STRING;
                        }
                    }
                    case ESCAPE -> {
                        if (b == '[') {
                            state = CSI;
                            parameters = false;
                            privateMarker = false;
                        } else if (b == ']' || b == 'P' || b == 'X' || b == '^' || b == '_') {
                            state = STRING;
                        } else if (b >= 0x20 && b <= 0x2F) {
                            state = ONE_MORE; // ESC ( B, ESC # 8, ESC % G …: one more byte ends it
                        } else if (b != 0x1B) {
                            if (b == 'c') {
                                customRegion = false; // full reset
                            }
                            state = GROUND;
                        }
                    }
                    case ONE_MORE -> state = b >= 0x20 && b <= 0x2F ? ONE_MORE : GROUND;
                    case CSI -> {
                        if (b >= 0x3C && b <= 0x3F) {
                            privateMarker = true;
                        } else if (b >= 0x30 && b <= 0x3B) {
                            parameters = true;
                        }
                        if (b >= 0x40 && b <= 0x7E) {
                            if (b == 'r' && !privateMarker) {
                                // DECSTBM: a scroll region; without parameters, the whole screen again.
                                customRegion = parameters;
                            }
                            state = GROUND;
                        } else if (b == 0x1B) {
                            state = ESCAPE;
                        }
                    }
                    case STRING -> {
                        if (b == 0x07) {
                            state = GROUND;
                        } else if (b == 0x1B) {
                            state = STRING_ESCAPE;
                        } else if (wasC2 && b == 0x9C) {
                            state = GROUND;
                        }
                    }
                    case STRING_ESCAPE -> state = b == '\\' ? GROUND : b == 0x1B ? STRING_ESCAPE : STRING;
                    default -> state = GROUND;
                }
            }
        }

        boolean ground() {
            return state == GROUND;
        }

        /**
         * A scroll region smaller than the screen may be set. Then rows outside it keep what
         * is written on them (the cursor can sit below the region), so nothing is dropped.
         */
        boolean customRegion() {
            return customRegion;
        }

        /** The last byte given was C2, the first half of a UTF-8 sequence that may be a C1 control. */
        boolean afterC2() {
            return c2;
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

        synchronized long bytes() {
            return bytes;
        }

        /**
         * Drops the head of the queue up to a CR LF when the head is plain text (printable
         * characters, tabs, CR, LF: nothing that changes the terminal's modes, style or
         * character sets) and at least {@code keep} more line feeds of plain text follow in
         * what is queued. Whatever the dropped text wrote is then scrolled past the scrollback
         * by the lines that follow, and the only state it leaves behind is the cursor at the
         * start of a line, which the caller restores with CR LF: the screen and the scrollback
         * come out as if it had been parsed. Returns {bytes dropped, bytes scanned}.
         */
        synchronized long[] dropPlainLines(int keep, boolean afterC2) {
            // First pass: line feeds in the plain run at the head (stops at the first other byte).
            long lineFeeds = 0;
            long scanned = 0;
            boolean c2 = afterC2;
            scan:
            for (byte[] item : items) {
                if (item == END) {
                    break;
                }
                for (byte b : item) {
                    if (!plain(b, c2)) {
                        break scan;
                    }
                    c2 = b == (byte) 0xC2;
                    scanned++;
                    if (b == '\n') {
                        lineFeeds++;
                    }
                }
            }
            long cutAt = lineFeeds - keep;
            if (cutAt <= 0) {
                return new long[] {0, scanned};
            }
            // Second pass: the end of the cutAt-th line feed; it must end a CR LF.
            long seen = 0;
            long position = 0;
            int frameIndex = 0;
            int offset = -1;
            byte previous = 0;
            find:
            for (byte[] item : items) {
                for (int i = 0; i < item.length; i++) {
                    position++;
                    if (item[i] == '\n' && ++seen == cutAt) {
                        offset = i;
                        previous = i > 0 ? item[i - 1] : previous;
                        break find;
                    }
                    previous = item[i];
                }
                frameIndex++;
            }
            if (offset < 0 || previous != '\r') {
                return new long[] {0, scanned};
            }
            for (int i = 0; i < frameIndex; i++) {
                bytes -= items.removeFirst().length;
            }
            byte[] last = items.removeFirst();
            bytes -= last.length;
            if (offset + 1 < last.length) {
                byte[] rest = java.util.Arrays.copyOfRange(last, offset + 1, last.length);
                items.addFirst(rest);
                bytes += rest.length;
            }
            notifyAll();
            return new long[] {position, scanned};
        }

        /**
         * Bytes that only print or move to a new line: printable ASCII, TAB, CR, LF and UTF-8
         * sequences, but not the C1 controls U+0080–U+009F (C2 80–9F), which the emulator
         * reads as CSI, OSC and the like.
         */
        private static boolean plain(byte b, boolean afterC2) {
            int u = b & 0xFF;
            if (u >= 0x80) {
                return !(afterC2 && u <= 0x9F);
            }
            return (u >= 0x20 && u < 0x7F) || u == '\r' || u == '\n' || u == '\t';
        }

        synchronized void clear() {
            items.clear();
            bytes = 0;
            notifyAll();
        }
    }
}
