package dev.hako.ui.terminal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One output stream of a command: its bytes are decoded as they arrive (network thread, keeping
 * characters split across frames whole) and the text waits here until the screen takes it in
 * frame-sized batches. At most {@link #SHOWN_LIMIT} characters are kept; the rest is only marked.
 */
final class StreamBuffer {

    /** At most this much of each stream is kept on screen; the rest is counted, not shown. */
    static final int SHOWN_LIMIT = 2 * 1024 * 1024;

    /** Stands for what was left out past the limit. */
    static final String CUT = "\n[…]\n";

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final StringBuilder pendingText = new StringBuilder();
    private ByteBuffer carry = ByteBuffer.allocate(0);
    private long shown;
    private boolean truncated;
    private boolean everTruncated;

    synchronized void reset() {
        pendingText.setLength(0);
        carry = ByteBuffer.allocate(0);
        shown = 0;
        truncated = false;
        everTruncated = false;
        decoder.reset();
    }

    synchronized void append(byte[] bytes) {
        ByteBuffer in = ByteBuffer.allocate(carry.remaining() + bytes.length);
        in.put(carry).put(bytes).flip();
        CharBuffer chars = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, chars, false);
        carry = in.slice();
        chars.flip();
        if (shown + chars.length() <= SHOWN_LIMIT) {
            pendingText.append(chars);
            shown += chars.length();
        } else if (!everTruncated) {
            truncated = true;
            everTruncated = true;
        }
    }

    /** The text that arrived since the last call ("" for none), with {@link #CUT} where the limit was hit. */
    synchronized String drain() {
        if (pendingText.length() == 0 && !truncated) {
            return "";
        }
        String text = pendingText.toString();
        pendingText.setLength(0);
        if (truncated) {
            truncated = false;
            text += CUT;
        }
        return text;
    }
}
