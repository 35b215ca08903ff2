package dev.hako.ui.terminal;

/**
 * Follows the output given to the emulator far enough to tell whether it is between escape
 * sequences (a drop must not start inside one: the emulator would read the dropped bytes
 * as its parameters or string). It knows escape, CSI, the string sequences (OSC, DCS, SOS,
 * PM, APC, ended by BEL or ST) and escapes with intermediate bytes, in 7 and 8 bits.
 */
final class EscapeTracker {
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
