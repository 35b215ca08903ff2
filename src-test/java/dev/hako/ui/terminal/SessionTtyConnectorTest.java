package dev.hako.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import com.techsenger.jeditermfx.core.CursorShape;
import com.techsenger.jeditermfx.core.TerminalDisplay;
import com.techsenger.jeditermfx.core.TtyBasedArrayDataStream;
import com.techsenger.jeditermfx.core.emulator.JediEmulator;
import com.techsenger.jeditermfx.core.emulator.mouse.MouseFormat;
import com.techsenger.jeditermfx.core.emulator.mouse.MouseMode;
import com.techsenger.jeditermfx.core.model.JediTerminal;
import com.techsenger.jeditermfx.core.model.StyleState;
import com.techsenger.jeditermfx.core.model.TerminalSelection;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Output dropped unparsed when the emulator is far behind must leave the terminal exactly as
 * parsing every byte does: the same stream goes through JediTermFX's real emulator twice, once
 * with dropping and once without, and the screens, cursors and scrollbacks are compared.
 */
class SessionTtyConnectorTest {

    private static final int ROWS = 24;
    private static final int COLUMNS = 80;
    private static final int HISTORY = 5000;

    /** What one run left behind. */
    private record Result(String screen, int cursorX, int cursorY, List<String> history, long dropped) {
    }

    private static Result run(byte[] stream, boolean drop) throws Exception {
        TerminalTextBuffer buffer = new TerminalTextBuffer(COLUMNS, ROWS, new StyleState(), HISTORY, null);
        int capacity = ScrollbackBuffer.install(buffer, HISTORY);
        assertThat(capacity).isEqualTo(HISTORY + ScrollbackBuffer.SLACK);
        JediTerminal terminal = new JediTerminal(new Display(), buffer, new StyleState());
        SessionTtyConnector connector = new SessionTtyConnector("test");
        if (drop) {
            connector.skipScrolledOff(() -> capacity + buffer.getHeight() + 200);
        }
        // Everything is queued before the emulator starts: it is as far behind as it can be.
        for (int at = 0; at < stream.length; at += 16 * 1024) {
            connector.offer(java.util.Arrays.copyOfRange(stream, at, Math.min(stream.length, at + 16 * 1024)));
        }
        connector.end();
        JediEmulator emulator = new JediEmulator(new TtyBasedArrayDataStream(connector), terminal);
        while (emulator.hasNext()) {
            emulator.next();
        }
        return new Result(buffer.getScreenLines(), terminal.getCursorX(), terminal.getCursorY(),
                buffer.getHistoryBuffer().getLineTexts(), connector.droppedBytes());
    }

    private static void assertSameTerminal(Result dropped, Result parsed) {
        assertThat(dropped.screen()).isEqualTo(parsed.screen());
        assertThat(dropped.cursorX()).isEqualTo(parsed.cursorX());
        assertThat(dropped.cursorY()).isEqualTo(parsed.cursorY());
        // Between trims the scrollback holds 5,000 to 6,000 lines: the shorter is the end of the longer.
        if (parsed.history().size() < HISTORY) {
            assertThat(dropped.history()).isEqualTo(parsed.history());
            return;
        }
        int common = Math.min(dropped.history().size(), parsed.history().size());
        assertThat(common).isGreaterThanOrEqualTo(HISTORY);
        assertThat(tail(dropped.history(), common)).isEqualTo(tail(parsed.history(), common));
    }

    private static List<String> tail(List<String> lines, int count) {
        return lines.subList(lines.size() - count, lines.size());
    }

    private static void lines(ByteArrayOutputStream out, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            String line = switch (i % 7) {
                case 0 -> prefix + " " + i + " the quick brown fox\tjumps";
                case 1 -> prefix + " " + i + " 日本語の行 ü é";
                case 2 -> prefix + " " + i + " " + "long ".repeat(40); // wraps over three rows
                case 3 -> "";
                default -> prefix + " " + i + " 0123456789";
            };
            out.writeBytes((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void text(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void droppedFloodsLeaveTheSameScreenAndScrollback() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        text(out, "\033[2J\033[H\033[1;32mgreen prompt\033[0m $ cat big\r\n");
        text(out, "partial line without end ");
        lines(out, "first", 100_000);
        text(out, "\033[31mred in the middle\033[0m\r\n\033]0;a title\007");
        lines(out, "second", 100_000);
        text(out, "\033[7mlast\033[0m $ ");
        byte[] stream = out.toByteArray();

        Result parsed = run(stream, false);
        Result dropped = run(stream, true);
        assertThat(parsed.dropped()).isZero();
        assertThat(dropped.dropped()).as("bytes dropped of %d", stream.length).isGreaterThan(stream.length / 2);
        assertSameTerminal(dropped, parsed);
        assertThat(dropped.screen()).contains("second 99999 0123456789").contains("last $");
    }

    @Test
    void nothingIsDroppedInsideASequenceOrWithAScrollRegion() throws Exception {
        ByteArrayOutputStream region = new ByteArrayOutputStream();
        text(region, "\033[5;20r\033[22;1H");
        lines(region, "region", 100_000);
        Result parsed = run(region.toByteArray(), false);
        Result dropped = run(region.toByteArray(), true);
        assertThat(dropped.dropped()).isZero();
        assertSameTerminal(dropped, parsed);

        // The region back to the whole screen: dropping is allowed again.
        text(region, "\033[r");
        lines(region, "whole", 100_000);
        assertThat(run(region.toByteArray(), true).dropped()).isPositive();

        ByteArrayOutputStream title = new ByteArrayOutputStream();
        text(title, "\033]0;");
        lines(title, "in a title", 100_000);
        assertThat(run(title.toByteArray(), true).dropped()).isZero();

        // C1 controls in UTF-8 (U+009B is CSI) are not plain text.
        ByteArrayOutputStream c1 = new ByteArrayOutputStream();
        for (int i = 0; i < 100_000; i++) {
            text(c1, "line \u009b1m " + i + "\r\n");
        }
        assertThat(run(c1.toByteArray(), true).dropped()).isZero();
    }

    /** The emulator's display, with nothing to show on. */
    private static final class Display implements TerminalDisplay {
        private String title = "";

        @Override
        public void setCursor(int x, int y) {
        }

        @Override
        public void setCursorShape(CursorShape cursorShape) {
        }

        @Override
        public void beep() {
        }

        @Override
        public void scrollArea(int scrollRegionTop, int scrollRegionSize, int dy) {
        }

        @Override
        public void setCursorVisible(boolean isCursorVisible) {
        }

        @Override
        public void useAlternateScreenBuffer(boolean useAlternateScreenBuffer) {
        }

        @Override
        public String getWindowTitle() {
            return title;
        }

        @Override
        public void setWindowTitle(String windowTitle) {
            title = windowTitle;
        }

        @Override
        public TerminalSelection getSelection() {
            return null;
        }

        @Override
        public void terminalMouseModeSet(MouseMode mouseMode) {
        }

        @Override
        public void setMouseFormat(MouseFormat mouseFormat) {
        }

        @Override
        public boolean ambiguousCharsAreDoubleWidth() {
            return false;
        }
    }
}
