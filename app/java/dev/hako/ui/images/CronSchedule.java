package dev.hako.ui.images;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A snapshot schedule as the server takes it in {@code snapshots.schedule}: a cron
 * expression {@code "m h dom mon dow"}, a shorthand ({@code @hourly}, {@code @daily},
 * {@code @midnight}, {@code @weekly}, {@code @monthly}, {@code @yearly}, {@code @annually})
 * or a comma-separated list of those. Computes the next run times in a time zone.
 */
public final class CronSchedule {

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};
    private static final String[] DAYS = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
    /** No schedule repeats less often than every leap day; look that far at most. */
    private static final int SEARCH_DAYS = 366 * 8;
    /** The bundle keys naming the fields start so. */
    private static final String FIELD = "snapshots.schedule.field.";

    private final List<Spec> specs;

    /**
     * What is wrong with a schedule: a bundle key whose first argument is the field it
     * concerns ({@code field} is itself a bundle key, or null) and whose others are
     * {@code details}, quoted from the schedule.
     */
    public record Problem(String key, String field, List<String> details) {
    }

    /** A schedule the server would refuse, with its {@link Problem}. */
    static final class InvalidScheduleException extends IllegalArgumentException {
        private final transient Problem problem;

        InvalidScheduleException(String englishMessage, String key, String field, String... details) {
            super(englishMessage);
            this.problem = new Problem(key, field, List.of(details));
        }

        Problem problem() {
            return problem;
        }
    }

    private CronSchedule(List<Spec> specs) {
        this.specs = specs;
    }

    /** One cron line: the allowed values of each field. */
    private record Spec(BitSet minutes, BitSet hours, BitSet days, BitSet months, BitSet weekdays,
                        boolean anyDay, boolean anyWeekday) {

        boolean dayMatches(ZonedDateTime t) {
            boolean dom = days.get(t.getDayOfMonth());
            boolean dow = weekdays.get(t.getDayOfWeek().getValue() % 7);
            if (anyDay || anyWeekday) {
                return dom && dow;
            }
            return dom || dow; // both restricted: either one will do, as in cron
        }
    }

    /**
     * Parses a schedule. The server separates list items with a comma and a space;
     * a list of shorthands written with bare commas ({@code @daily,@hourly}) is
     * accepted too (see {@link #normalize}).
     */
    public static CronSchedule parse(String text) {
        List<Spec> specs = new ArrayList<>();
        for (String item : items(text)) {
            if (item.startsWith("@")) {
                String line = shorthand(item);
                if (line != null) {
                    specs.add(spec(line));
                }
            } else {
                specs.add(spec(item));
            }
        }
        return new CronSchedule(specs);
    }

    /** The schedule's items, the way the server splits them (and bare commas between shorthands). */
    static List<String> items(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidScheduleException("empty schedule", "snapshots.schedule.problem.empty", null);
        }
        List<String> out = new ArrayList<>();
        for (String part : text.trim().split(",\\s+")) {
            String[] bare = part.split(",");
            boolean allShorthands = java.util.Arrays.stream(bare).allMatch(b -> b.trim().startsWith("@"));
            if (bare.length > 1 && allShorthands) {
                for (String b : bare) {
                    out.add(b.trim());
                }
            } else if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    /** The schedule as the server wants it: items joined by a comma and a space, shorthands lower case. */
    public static String normalize(String text) {
        return String.join(", ", items(text).stream()
                .map(i -> i.startsWith("@") ? i.toLowerCase(Locale.ROOT) : i.replaceAll("\\s+", " ")).toList());
    }

    /** The problem with a schedule, or empty when it is valid. */
    public static Optional<Problem> problem(String text) {
        try {
            parse(text);
            return Optional.empty();
        } catch (InvalidScheduleException e) {
            return Optional.of(e.problem());
        }
    }

    /** The cron line of a shorthand at its nominal time; null for {@code @never}. */
    private static String shorthand(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "@never" -> null;
            case "@hourly" -> "0 * * * *";
            case "@daily", "@midnight" -> "0 0 * * *";
            case "@weekly" -> "0 0 * * 0";
            case "@monthly" -> "0 0 1 * *";
            case "@yearly", "@annually" -> "0 0 1 1 *";
            default -> throw new InvalidScheduleException("unknown shorthand " + name,
                    "snapshots.schedule.problem.shorthand", null, name);
        };
    }

    private static Spec spec(String line) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length != 5) {
            throw new InvalidScheduleException("a schedule needs 5 fields, not " + fields.length + ": " + line,
                    "snapshots.schedule.problem.fields", null, Integer.toString(fields.length), line);
        }
        BitSet weekdays = field(fields[4], 0, 7, DAYS, FIELD + "weekday");
        if (weekdays.get(7)) {
            weekdays.set(0); // 7 is Sunday too
            weekdays.clear(7);
        }
        return new Spec(field(fields[0], 0, 59, null, FIELD + "minute"),
                field(fields[1], 0, 23, null, FIELD + "hour"), field(fields[2], 1, 31, null, FIELD + "day"),
                field(fields[3], 1, 12, MONTHS, FIELD + "month"), weekdays,
                fields[2].startsWith("*"), fields[4].startsWith("*"));
    }

    private static BitSet field(String text, int min, int max, String[] names, String what) {
        BitSet set = new BitSet(max + 1);
        for (String item : text.split(",")) {
            if (item.isEmpty()) {
                throw new InvalidScheduleException("empty " + what + " in " + text,
                        "snapshots.schedule.problem.emptyItem", what, text);
            }
            int step = 1;
            String range = item;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                step = number(item.substring(slash + 1), 1, Integer.MAX_VALUE, null, FIELD + "step", 0);
                range = item.substring(0, slash);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else {
                int dash = range.indexOf('-');
                if (dash > 0) {
                    from = number(range.substring(0, dash), min, max, names, what, min);
                    to = number(range.substring(dash + 1), min, max, names, what, min);
                    if (to < from) {
                        throw new InvalidScheduleException(what + " range " + range + " runs backwards",
                                "snapshots.schedule.problem.backwards", what, range);
                    }
                } else {
                    from = number(range, min, max, names, what, min);
                    to = slash >= 0 ? max : from;
                }
            }
            for (int v = from; v <= to; v += step) {
                set.set(v);
            }
        }
        return set;
    }

    private static int number(String text, int min, int max, String[] names, String what, int nameBase) {
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equalsIgnoreCase(text)) {
                    return i + (names == MONTHS ? 1 : 0);
                }
            }
        }
        try {
            int v = Integer.parseInt(text);
            if (v < min || v > max) {
                throw new InvalidScheduleException(what + " " + v + " is outside " + min + "-" + max,
                        "snapshots.schedule.problem.outside", what, Integer.toString(v), Integer.toString(min),
                        Integer.toString(max));
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidScheduleException("'" + text + "' is not a " + what, "snapshots.schedule.problem.notA",
                    what, text);
        }
    }

    /** The next {@code count} run times strictly after {@code after}, in its zone. */
    public List<ZonedDateTime> next(ZonedDateTime after, int count) {
        List<ZonedDateTime> runs = new ArrayList<>();
        ZonedDateTime from = after;
        while (runs.size() < count) {
            ZonedDateTime best = null;
            for (Spec spec : specs) {
                ZonedDateTime candidate = nextOf(spec, from);
                if (candidate != null && (best == null || candidate.isBefore(best))) {
                    best = candidate;
                }
            }
            if (best == null) {
                break;
            }
            runs.add(best);
            from = best;
        }
        return runs;
    }

    private static ZonedDateTime nextOf(Spec spec, ZonedDateTime after) {
        ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = after.plusDays(SEARCH_DAYS);
        while (t.isBefore(limit)) {
            if (!spec.months().get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
                continue;
            }
            if (!spec.dayMatches(t)) {
                t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
                continue;
            }
            if (!spec.hours().get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
                continue;
            }
            if (!spec.minutes().get(t.getMinute())) {
                t = t.plusMinutes(1);
                continue;
            }
            return t;
        }
        return null;
    }

    /**
     * Whether any item is a shorthand. The server runs those at a minute (and, but for
     * {@code @hourly} and {@code @midnight}, an hour) it derives from the instance's
     * internal id, so the times previewed for them are nominal.
     */
    public static boolean usesShorthand(String text) {
        try {
            return items(text).stream().anyMatch(i -> i.startsWith("@"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

}
