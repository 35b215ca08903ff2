package dev.hako.ui.terminal;

import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.ui.settings.DefaultSettingsProvider;

/**
 * JediTermFX settings that follow the application's theme (light text on dark in the dark
 * theme). The screen is repainted at most 30 times a second: each repaint holds the text
 * buffer's lock, so fewer repaints leave the emulator thread more time when a command pours
 * out text (measured: 50 → 20 repaints/s cut the time for 8 MB by about 40 %).
 */
class TerminalSettings extends DefaultSettingsProvider {

    static final int REFRESH_RATE = 30;

    private final boolean dark;

    TerminalSettings(boolean dark) {
        this.dark = dark;
    }

    @Override
    public int maxRefreshRate() {
        return REFRESH_RATE;
    }

    @Override
    public TerminalColor getDefaultForeground() {
        return dark ? TerminalColor.rgb(0xd0, 0xd7, 0xde) : super.getDefaultForeground();
    }

    @Override
    public TerminalColor getDefaultBackground() {
        return dark ? TerminalColor.rgb(0x0d, 0x11, 0x17) : super.getDefaultBackground();
    }
}
