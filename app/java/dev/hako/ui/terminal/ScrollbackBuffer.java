package dev.hako.ui.terminal;

import com.techsenger.jeditermfx.core.model.LinesBuffer;
import com.techsenger.jeditermfx.core.model.TerminalLine;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import com.techsenger.jeditermfx.core.model.hyperlinks.TextProcessing;
import java.lang.reflect.Field;
import java.util.List;

/**
 * The terminal's scrollback, trimmed in batches. JediTermFX's own history buffer, once full,
 * drops its oldest line by copying all the others into a new list, for every line that
 * scrolls off the screen: 5,000 references copied per line of output, most of the
 * emulator's time when a command prints a lot (profiled: 44 % of the emulator thread while
 * 64 MB went through). This one lets the history grow to {@code limit + slack} lines and
 * then drops the oldest {@code slack} at once, so the copying is shared by {@code slack}
 * lines. A person scrolling back sees at least {@code limit} lines, as before.
 */
final class ScrollbackBuffer extends LinesBuffer {

    /** Lines that may wait beyond the limit before one trim. */
    static final int SLACK = 1000;

    private final int limit;

    ScrollbackBuffer(int limit, TextProcessing textProcessing) {
        super(-1, textProcessing);
        this.limit = limit;
    }

    /** Most lines this history holds at any time. */
    int capacity() {
        return limit + SLACK;
    }

    @Override
    public void addLines(List<TerminalLine> lines) {
        super.addLines(lines);
        if (getLineCount() > limit + SLACK) {
            removeTopLines(getLineCount() - limit);
        }
    }

    /**
     * Puts a batch-trimmed history into {@code buffer} in place of the library's; its fields are
     * private, so this goes through reflection on the pinned library version. Returns the lines
     * the history may hold, or -1 (and changes nothing) when the library is not as expected.
     */
    static int install(TerminalTextBuffer buffer, int limit) {
        if (limit <= 0) {
            return -1;
        }
        try {
            Field history = TerminalTextBuffer.class.getDeclaredField("myHistoryBuffer");
            Field processing = TerminalTextBuffer.class.getDeclaredField("myTextProcessing");
            history.setAccessible(true);
            processing.setAccessible(true);
            ScrollbackBuffer mine = new ScrollbackBuffer(limit, (TextProcessing) processing.get(buffer));
            buffer.lock();
            try {
                LinesBuffer old = (LinesBuffer) history.get(buffer);
                if (old.getLineCount() > 0) {
                    return -1; // only a fresh terminal: nothing to carry over
                }
                history.set(buffer, mine);
            } finally {
                buffer.unlock();
            }
            return mine.capacity();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }
}
