package dev.hako.model.list;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A column of the instance table, with the letter {@code lxc list -c} knows it by and the
 * text {@code lxc list} prints in it ({@code xxxColumnData} in {@code lxc/list.go}).
 *
 * <p>Cell texts are the command's, in every language: states and types in capitals,
 * several addresses or profiles one per line, times as {@code 2024/05/01 09:30 UTC} (the
 * command's layout, always in UTC, so a copied table reads the same to everyone), CPU time
 * in whole seconds ({@code 12s}), memory in binary units with two decimals ({@code 12.34MiB}),
 * and an empty cell for what is not known or never happened. The locale only picks the
 * decimal mark.
 */
public enum InstanceColumn implements ListColumn<InstanceRow> {

    NAME('n', "name"),
    STATE('s', "state"),
    IPV4('4', "ipv4"),
    IPV6('6', "ipv6"),
    TYPE('t', "type"),
    SNAPSHOTS('S', "snapshots"),
    PROFILES('P', "profiles"),
    LOCATION('L', "location"),
    /** {@code image.os} and {@code image.release}; lxc has no letter for it. */
    IMAGE(null, "image"),
    CREATED('c', "created"),
    LAST_USED('l', "lastUsed"),
    CPU('u', "cpu"),
    MEMORY('m', "memory"),
    DESCRIPTION('d', "description"),
    ARCHITECTURE('a', "architecture"),
    /** Which of the user's servers the instance is on; lxc shows one remote at a time. */
    REMOTE(null, "remote");

    /**
     * lxc's default layout {@code ns46tSL} (its {@code L} shows only on clusters; here an
     * empty location cell says the same).
     */
    public static final List<InstanceColumn> DEFAULT = List.of(NAME, STATE, IPV4, IPV6, TYPE, SNAPSHOTS, LOCATION);

    /** The table of every remote: which remote first, then lxc's layout. */
    public static final List<InstanceColumn> DEFAULT_ALL_REMOTES =
            List.of(REMOTE, NAME, STATE, IPV4, IPV6, TYPE, SNAPSHOTS, LOCATION);

    static final String PROBLEM_NONE = "lists.columns.none";
    static final String PROBLEM_EMPTY_ENTRY = "lists.columns.emptyEntry";
    static final String PROBLEM_UNKNOWN = "lists.columns.unknown";
    static final String PROBLEM_CONFIG_KEY = "lists.columns.configKey";

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Character letter;
    private final String headerKey;

    InstanceColumn(Character letter, String name) {
        this.letter = letter;
        this.headerKey = "lists.column." + name;
    }

    /** The letter of {@code lxc list -c}, or empty for a column the command does not have. */
    public Optional<Character> letter() {
        return Optional.ofNullable(letter);
    }

    @Override
    public String headerKey() {
        return headerKey;
    }

    /**
     * The columns of a {@code -c} value such as {@code ns46tS} or {@code n,s,4}: commas between
     * letters are optional, as in lxc, and a letter may repeat.
     *
     * @throws ListSyntaxException for an empty value, an empty entry, a letter this table does
     *                             not have, or an lxc configuration-key column
     */
    public static List<InstanceColumn> parseLetters(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            throw new ListSyntaxException("no columns", PROBLEM_NONE, "", 0);
        }
        int lead = text.indexOf(value);
        List<InstanceColumn> columns = new ArrayList<>();
        int start = 0;
        for (String entry : value.split(",", -1)) {
            if (entry.isEmpty()) {
                throw new ListSyntaxException("empty column entry in " + value, PROBLEM_EMPTY_ENTRY, value, lead);
            }
            if (entry.indexOf('.') >= 0) {
                throw new ListSyntaxException("configuration-key column " + entry, PROBLEM_CONFIG_KEY, entry,
                        lead + start);
            }
            for (int i = 0; i < entry.length(); i++) {
                columns.add(byLetter(entry, i, value, lead + start + i));
            }
            start += entry.length() + 1;
        }
        return List.copyOf(columns);
    }

    private static InstanceColumn byLetter(String entry, int index, String value, int offset) {
        int codePoint = entry.codePointAt(index);
        for (InstanceColumn column : values()) {
            if (column.letter != null && column.letter == codePoint) {
                return column;
            }
        }
        String shown = new String(Character.toChars(codePoint));
        throw new ListSyntaxException("unknown column letter " + shown + " in " + value, PROBLEM_UNKNOWN, shown,
                offset, value);
    }

    /** What {@code lxc list} prints in this column for {@code row}; empty when unknown. */
    @Override
    public String text(InstanceRow row, Locale locale) {
        var instance = row.instance();
        return switch (this) {
            case NAME -> Cells.orEmpty(instance.name());
            case STATE -> Cells.orEmpty(instance.status()).toUpperCase(Locale.ROOT);
            case IPV4 -> String.join("\n", row.ipv4());
            case IPV6 -> String.join("\n", row.ipv6());
            case TYPE -> ("virtual-machine".equals(instance.type()) ? "VIRTUAL-MACHINE" : "CONTAINER")
                    + (instance.ephemeral() ? " (EPHEMERAL)" : "");
            case SNAPSHOTS -> row.snapshots() == null ? "" : Integer.toString(row.snapshots());
            case PROFILES -> instance.profiles() == null ? "" : String.join("\n", instance.profiles());
            case LOCATION -> Cells.location(instance.location());
            case IMAGE -> image(row);
            case CREATED -> Cells.time(instance.createdAt());
            case LAST_USED -> Cells.time(instance.lastUsedAt());
            case CPU -> cpuText(cpuNanos(row));
            case MEMORY -> memoryText(memoryBytes(row), locale);
            case DESCRIPTION -> Cells.orEmpty(instance.description());
            case ARCHITECTURE -> Cells.orEmpty(instance.architecture());
            case REMOTE -> row.remote();
        };
    }

    /**
     * This column's order, rows whose cell is empty or unknown last in either direction;
     * ties go by name and then remote, ascending.
     */
    @Override
    public Comparator<InstanceRow> comparator(boolean descending) {
        Comparator<InstanceRow> byCell = switch (this) {
            case NAME -> Cells.known(r -> r.instance().name(), NaturalOrder.INSTANCE, descending);
            case STATE -> Cells.known(r -> Cells.emptyToNull(r.instance().status()),
                    Comparator.comparingInt(InstanceColumn::stateRank).thenComparing(NaturalOrder.INSTANCE),
                    descending);
            case IPV4 -> Cells.known(r -> addresses(r.ipv4()), InstanceColumn::compareAddresses, descending);
            case IPV6 -> Cells.known(r -> addresses(r.ipv6()), InstanceColumn::compareAddresses, descending);
            case SNAPSHOTS -> Cells.known(InstanceRow::snapshots, Comparator.<Integer>naturalOrder(), descending);
            case CREATED -> Cells.known(r -> Cells.never(r.instance().createdAt()), OffsetDateTime.timeLineOrder(),
                    descending);
            case LAST_USED -> Cells.known(r -> Cells.never(r.instance().lastUsedAt()), OffsetDateTime.timeLineOrder(),
                    descending);
            case CPU -> Cells.known(InstanceColumn::cpuNanos, Comparator.<Long>naturalOrder(), descending);
            case MEMORY -> Cells.known(InstanceColumn::memoryBytes, Comparator.<Long>naturalOrder(), descending);
            case TYPE, PROFILES, LOCATION, IMAGE, DESCRIPTION, ARCHITECTURE, REMOTE ->
                    Cells.known(r -> Cells.emptyToNull(text(r, Locale.ROOT)), NaturalOrder.INSTANCE, descending);
        };
        Comparator<InstanceRow> byRemote = Comparator.comparing(InstanceRow::remote, NaturalOrder.INSTANCE);
        return this == NAME ? byCell.thenComparing(byRemote)
                : byCell.thenComparing(NAME.comparator(false));
    }

    /** Running first, then ready, frozen, stopped, in error, and anything else by name. */
    private static int stateRank(String status) {
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "running" -> 0;
            case "ready" -> 1;
            case "frozen" -> 2;
            case "stopped" -> 3;
            case "error" -> 4;
            default -> 5;
        };
    }

    private static List<IpAddress> addresses(List<String> shown) {
        List<IpAddress> parsed = new ArrayList<>();
        for (String entry : shown) {
            int space = entry.indexOf(' ');
            IpAddress address = IpAddress.parse(space < 0 ? entry : entry.substring(0, space));
            if (address != null) {
                parsed.add(address);
            }
        }
        return parsed.isEmpty() ? null : parsed;
    }

    private static int compareAddresses(List<IpAddress> a, List<IpAddress> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int result = IpAddress.compare(a.get(i), b.get(i));
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** lxc's rule: only while active, and only a positive figure (the server says -1 for unknown). */
    private static Long cpuNanos(InstanceRow row) {
        var state = row.state();
        return row.active() && state != null && state.cpu() != null && state.cpu().usage() > 0
                ? state.cpu().usage() : null;
    }

    private static Long memoryBytes(InstanceRow row) {
        var state = row.state();
        return row.active() && state != null && state.memory() != null && state.memory().usage() > 0
                ? state.memory().usage() : null;
    }

    private static String cpuText(Long nanos) {
        return nanos == null ? "" : nanos / NANOS_PER_SECOND + "s";
    }

    private static String memoryText(Long bytes, Locale locale) {
        return bytes == null ? "" : Cells.iec(bytes, locale);
    }

    private static String image(InstanceRow row) {
        String os = configValue(row, "image.os");
        String release = configValue(row, "image.release");
        return (os + " " + release).strip();
    }

    private static String configValue(InstanceRow row, String key) {
        for (Map<String, String> config : List.of(mapOrEmpty(row.instance().config()),
                mapOrEmpty(row.instance().expandedConfig()))) {
            String value = config.get(key);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return "";
    }

    private static Map<String, String> mapOrEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
