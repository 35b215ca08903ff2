package dev.hako.ui.terminal;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * The output of a session waiting for the emulator: a FIFO of frames bounded by their total
 * size, so the network thread blocks (and TCP holds the server back) when the emulator is far
 * behind. The end marker never counts and never waits. It can drop plain lines from its head
 * that would scroll out of reach before anyone could see them ({@link #dropPlainLines}).
 */
final class OutputQueue {

    /** Queued after the last frame: no more output will come. */
    static final byte[] END = new byte[0];

    private final long limit;
    private final ArrayDeque<byte[]> items = new ArrayDeque<>();
    private long bytes;

    OutputQueue(long limit) {
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
