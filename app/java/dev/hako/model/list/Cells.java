package dev.hako.model.list;

import dev.hako.model.ServerTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormatSymbols;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** What the list columns have in common: lxc's ways of writing figures and times, and ordering with gaps last. */
final class Cells {

    private static final DateTimeFormatter LXC_TIME =
            DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String[] IEC_UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Cells() {
    }

    /**
     * Orders rows by a key, rows without one (null) last in either direction.
     */
    static <R, T> Comparator<R> known(Function<R, T> key, Comparator<? super T> order, boolean descending) {
        return (a, b) -> {
            T x = key.apply(a);
            T y = key.apply(b);
            if (x == null || y == null) {
                return x == null ? (y == null ? 0 : 1) : -1;
            }
            int result = order.compare(x, y);
            return descending ? -result : result;
        };
    }

    /** Orders rows by a column's text in natural order (numbers inside by value), empty cells last. */
    static <R> Comparator<R> byText(ListColumn<R> column, boolean descending) {
        return known(row -> emptyToNull(column.text(row, Locale.ROOT)), NaturalOrder.INSTANCE, descending);
    }

    /** lxc's usual time layout, in UTC; empty for a time the server calls never. */
    static String time(OffsetDateTime time) {
        return ServerTime.isNever(time) ? "" : LXC_TIME.format(time);
    }

    static OffsetDateTime never(OffsetDateTime time) {
        return ServerTime.isNever(time) ? null : time;
    }

    /**
     * {@code units.GetByteSizeStringIEC(n, 2)}: plain bytes below 1 KiB, else the largest unit
     * that keeps the figure under 1024, two decimals rounded half to even as Go prints them.
     */
    static String iec(long bytes, Locale locale) {
        if (bytes < 1024) {
            return bytes + "B";
        }
        double value = bytes;
        String unit = IEC_UNITS[0];
        for (String candidate : IEC_UNITS) {
            value /= 1024;
            unit = candidate;
            if (value < 1024) {
                break;
            }
        }
        return twoDecimals(value, locale) + unit;
    }

    /** Go's {@code %.2f} of the exact value, with the locale's decimal mark. */
    static String twoDecimals(double value, Locale locale) {
        String figure = new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        char mark = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        return figure.replace('.', mark);
    }

    static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    static String configValue(Map<String, String> config, String key) {
        return config == null ? "" : orEmpty(config.get(key));
    }

    /** A standalone server says "none" where a cluster names its member; lxc shows nothing then. */
    static String location(String location) {
        return location == null || "none".equals(location) ? "" : location;
    }
}
