package dev.hako.model;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one home of the server's byte-size syntax ({@code 10GiB}, {@code 512MB}, {@code 1024}),
 * as LXD and Incus parse it: a whole number and an optional unit, SI or binary, case as written.
 * Every screen that takes a size checks it here, so what one accepts the others accept too.
 */
public final class SizeRules {

    /** The bundle key of the one problem a size can have. */
    public static final String PROBLEM_KEY = "size.problem";

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|kB|MB|GB|TB|PB|EB|KiB|MiB|GiB|TiB|PiB|EiB)?");
    private static final Map<String, Long> UNITS = Map.ofEntries(Map.entry("B", 1L),
            Map.entry("kB", 1000L), Map.entry("MB", 1000L * 1000), Map.entry("GB", 1000L * 1000 * 1000),
            Map.entry("TB", 1000L * 1000 * 1000 * 1000), Map.entry("PB", 1000L * 1000 * 1000 * 1000 * 1000),
            Map.entry("EB", 1000L * 1000 * 1000 * 1000 * 1000 * 1000),
            Map.entry("KiB", 1L << 10), Map.entry("MiB", 1L << 20), Map.entry("GiB", 1L << 30),
            Map.entry("TiB", 1L << 40), Map.entry("PiB", 1L << 50), Map.entry("EiB", 1L << 60));

    private SizeRules() {
    }

    /** Whether the server would accept {@code text} (trimmed) as a size. */
    public static boolean valid(String text) {
        return bytes(text).isPresent();
    }

    /** The size in bytes, or empty when the server would refuse it. */
    public static Optional<Long> bytes(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(m.group(1));
            long unit = m.group(2) == null ? 1 : UNITS.get(m.group(2));
            return Optional.of(Math.multiplyExact(value, unit));
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /** The bundle key of the problem with {@code text}, or empty when it is a valid size. */
    public static Optional<String> check(String text) {
        return valid(text) ? Optional.empty() : Optional.of(PROBLEM_KEY);
    }
}
