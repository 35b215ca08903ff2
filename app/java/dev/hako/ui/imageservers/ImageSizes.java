package dev.hako.ui.imageservers;

import java.util.Locale;

/** Download sizes as people read them ({@code 2.4 MiB}); shared with the new instance wizard's image table. */
public final class ImageSizes {

    private ImageSizes() {
    }

    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }
}
