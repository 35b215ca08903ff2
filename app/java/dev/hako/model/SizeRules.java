package dev.hako.model;

import java.util.Map;
import java.util.Optional;

/**
 * The one home of the server's byte-size syntax, exactly as LXD and Incus parse it
 * ({@code ParseByteSizeString} in their {@code shared/units}, the same code in both):
 * ASCII digits directly followed by one of the units {@code B kB MB GB TB PB EB KiB MiB
 * GiB TiB PiB EiB}, or by {@code " bytes"}, or by nothing. Units are case-sensitive
 * ({@code 10G}, {@code 10gib} and {@code 10KB} are refused), there are no decimals or
 * signs, no blank between number and unit and none around the text, and the value must
 * fit a signed 64-bit number of bytes ({@code 8EiB} overflows).
 *
 * <p>One difference on purpose: the servers read the empty string as 0 (for optional
 * keys: unset). Here it is not a size; each screen decides what an empty field means.
 * Every screen that takes a size checks it here, so what one accepts the others accept too.
 */
public final class SizeRules {

    /** The bundle key of the one problem a size can have. */
    public static final String PROBLEM_KEY = "size.problem";

    private static final long KB = 1000L;
    private static final long KIB = 1024L;
    private static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("", 1L), Map.entry("B", 1L), Map.entry(" bytes", 1L),
            Map.entry("kB", KB), Map.entry("MB", KB * KB), Map.entry("GB", KB * KB * KB),
            Map.entry("TB", KB * KB * KB * KB), Map.entry("PB", KB * KB * KB * KB * KB),
            Map.entry("EB", KB * KB * KB * KB * KB * KB),
            Map.entry("KiB", KIB), Map.entry("MiB", KIB * KIB), Map.entry("GiB", KIB * KIB * KIB),
            Map.entry("TiB", KIB * KIB * KIB * KIB), Map.entry("PiB", KIB * KIB * KIB * KIB * KIB),
            Map.entry("EiB", KIB * KIB * KIB * KIB * KIB * KIB));

    private SizeRules() {
    }

    /** Whether the server would accept {@code text}, exactly as given, as a size. */
    public static boolean valid(String text) {
        return bytes(text).isPresent();
    }

    /** The size in bytes, or empty when the server would refuse {@code text} as given. */
    public static Optional<Long> bytes(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        int digits = 0;
        // ASCII only, as the server reads bytes: a full-width digit is not a digit there.
        while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
            digits++;
        }
        Long unit = UNITS.get(text.substring(digits));
        if (digits == 0 || unit == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Math.multiplyExact(Long.parseLong(text.substring(0, digits)), unit));
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /** The bundle key of the problem with {@code text}, or empty when it is a valid size. */
    public static Optional<String> check(String text) {
        return valid(text) ? Optional.empty() : Optional.of(PROBLEM_KEY);
    }
}
