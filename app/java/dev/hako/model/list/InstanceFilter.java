package dev.hako.model.list;

import dev.hako.lxd.api.InstanceState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The filter language of {@code lxc list} (its long help and {@code shouldShow} in
 * {@code lxc/list.go}), read once and then tested against rows.
 *
 * <ul>
 * <li>Terms are separated by white space (an ideographic space too) and all must match;
 *     double quotes keep white space inside a term ({@code user.comment="two words"}), as the
 *     shell does for lxc. No terms: every row matches.</li>
 * <li>A bare term matches instance names that start with it, or that the term matches as a
 *     regular expression. As in lxc, a term without {@code ^} or {@code $} must match the whole
 *     name; a term with either is searched for anywhere ({@code 01$}, {@code ^web}).</li>
 * <li>{@code type}, {@code status}, {@code architecture}, {@code location}, {@code ipv4} and
 *     {@code ipv6} (any case) are shorthands; their value may list alternatives separated by
 *     commas, compared without regard to case. {@code type} takes {@code container},
 *     {@code virtual-machine} or {@code vm}; {@code status} takes {@code running},
 *     {@code stopped}, {@code frozen}, {@code error} or {@code ready}. {@code ipv4} and
 *     {@code ipv6} take an address or a network ({@code 10.0.0.0/8}) and match when any address
 *     of that family in the row's state, loopback and link-local included as in lxc, is that
 *     address or in that network; a row without state never matches them
 *     (see {@link #needsState()}).</li>
 * <li>Any other {@code key=value} compares the value, a regular expression anchored like a bare
 *     term's, with the expanded configuration. The key may abbreviate every dot-separated part
 *     of a key ({@code s.privileged} for {@code security.privileged}, {@code u.blah} for
 *     {@code user.blah}). An empty value matches a key that is unset or empty, as in lxc.</li>
 * </ul>
 *
 * <p>Stricter than lxc on purpose, since a user who typed these gets nothing useful from them:
 * an empty key, an empty shorthand value, an unknown type or status, an address of the wrong
 * family or that is not one, a key with no dot that is not a shorthand, a broken regular
 * expression (lxc would quietly compare the text literally), and an abbreviation that fits
 * two or more of the keys given to {@link #parse(String, Set)} are refused with a
 * {@link ListSyntaxException} naming the term.
 */
public final class InstanceFilter {

    static final String PROBLEM_UNCLOSED_QUOTE = "lists.filter.unclosedQuote";
    static final String PROBLEM_EMPTY_KEY = "lists.filter.emptyKey";
    static final String PROBLEM_EMPTY_VALUE = "lists.filter.emptyValue";
    static final String PROBLEM_UNKNOWN_KEY = "lists.filter.unknownKey";
    static final String PROBLEM_BAD_TYPE = "lists.filter.badType";
    static final String PROBLEM_BAD_STATUS = "lists.filter.badStatus";
    static final String PROBLEM_BAD_IPV4 = "lists.filter.badIpv4";
    static final String PROBLEM_BAD_IPV6 = "lists.filter.badIpv6";
    static final String PROBLEM_BAD_REGEX = "lists.filter.badRegex";
    static final String PROBLEM_AMBIGUOUS_KEY = "lists.filter.ambiguousKey";

    private static final Set<String> STATUSES = Set.of("running", "stopped", "frozen", "error", "ready");
    private static final InstanceFilter EVERYTHING = new InstanceFilter("", List.of(), false);

    private final String text;
    private final List<Predicate<InstanceRow>> terms;
    private final boolean needsState;

    private InstanceFilter(String text, List<Predicate<InstanceRow>> terms, boolean needsState) {
        this.text = text;
        this.terms = terms;
        this.needsState = needsState;
    }

    /** The filter in {@code text}; abbreviated keys are resolved per row, as lxc does. */
    public static InstanceFilter parse(String text) {
        return parse(text, Set.of());
    }

    /**
     * The filter in {@code text}, with abbreviated configuration keys resolved against
     * {@code configKeys} (those of the rows on screen): a key that is one of them is that key
     * alone, an abbreviation that fits exactly one stands for it, one that fits several is
     * refused. An abbreviation that fits none is resolved per row, as lxc does.
     *
     * @throws ListSyntaxException when a term cannot be read
     */
    public static InstanceFilter parse(String text, Set<String> configKeys) {
        if (text == null || text.isBlank()) {
            return EVERYTHING;
        }
        List<Predicate<InstanceRow>> terms = new ArrayList<>();
        boolean needsState = false;
        for (Term term : split(text)) {
            int equals = term.value.indexOf('=');
            if (equals < 0) {
                terms.add(nameTerm(term));
                continue;
            }
            String key = term.value.substring(0, equals);
            String value = term.value.substring(equals + 1);
            if (key.isEmpty()) {
                throw term.problem("empty key", PROBLEM_EMPTY_KEY);
            }
            String shorthand = key.toLowerCase(Locale.ROOT);
            switch (shorthand) {
                case "type", "status", "architecture", "location" -> terms.add(fieldTerm(term, shorthand, value));
                case "ipv4", "ipv6" -> {
                    terms.add(addressTerm(term, shorthand.equals("ipv4"), value));
                    needsState = true;
                }
                default -> terms.add(configTerm(term, key, value, configKeys));
            }
        }
        return new InstanceFilter(text, List.copyOf(terms), needsState);
    }

    /** Whether {@code row} passes every term. */
    public boolean test(InstanceRow row) {
        for (Predicate<InstanceRow> term : terms) {
            if (!term.test(row)) {
                return false;
            }
        }
        return true;
    }

    /** True when the filter has no terms and lets every row through. */
    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /**
     * Whether a term looks at addresses, so that rows need their state to be judged (lxc
     * fetches network state for {@code ipv4=} and {@code ipv6=} too).
     */
    public boolean needsState() {
        return needsState;
    }

    @Override
    public String toString() {
        return text;
    }

    private record Term(String value, int offset) {
        ListSyntaxException problem(String english, String key, Object... more) {
            return new ListSyntaxException(english + ": " + value, key, value, offset, more);
        }
    }

    private static List<Term> split(String text) {
        List<Term> terms = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int start = -1;
        int quoteAt = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoteAt < 0 && (Character.isWhitespace(c) || Character.isSpaceChar(c))) {
                if (start >= 0) {
                    terms.add(new Term(current.toString(), start));
                    current.setLength(0);
                    start = -1;
                }
                continue;
            }
            if (start < 0) {
                start = i;
            }
            if (c == '"') {
                quoteAt = quoteAt < 0 ? i : -1;
            } else {
                current.append(c);
            }
        }
        if (quoteAt >= 0) {
            throw new ListSyntaxException("unclosed quote", PROBLEM_UNCLOSED_QUOTE, text.substring(start), start);
        }
        if (start >= 0) {
            terms.add(new Term(current.toString(), start));
        }
        return terms;
    }

    /**
     * lxc anchors a pattern to the whole text unless it has {@code ^} or {@code $} anywhere.
     * Java's whole-text match holds every alternative to the whole text ({@code web|db} is web
     * or db), where lxc's added {@code ^...$} binds only the first and the last.
     */
    private static Predicate<String> pattern(Term term, String regex) {
        Pattern compiled;
        try {
            compiled = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw term.problem("bad regular expression", PROBLEM_BAD_REGEX, e.getDescription());
        }
        boolean search = regex.indexOf('^') >= 0 || regex.indexOf('$') >= 0;
        return search ? s -> compiled.matcher(s).find() : s -> compiled.matcher(s).matches();
    }

    private static Predicate<InstanceRow> nameTerm(Term term) {
        String word = term.value;
        Predicate<String> regex = pattern(term, word);
        return row -> {
            String name = row.instance().name() == null ? "" : row.instance().name();
            return name.startsWith(word) || regex.test(name);
        };
    }

    private static List<String> alternatives(Term term, String value) {
        List<String> parts = List.of(value.split(",", -1));
        if (parts.stream().anyMatch(String::isEmpty)) {
            throw term.problem("empty value", PROBLEM_EMPTY_VALUE);
        }
        return parts;
    }

    private static Predicate<InstanceRow> fieldTerm(Term term, String field, String value) {
        List<String> wanted = new ArrayList<>();
        for (String part : alternatives(term, value)) {
            String lower = part.toLowerCase(Locale.ROOT);
            if (field.equals("type")) {
                if (!lower.equals("container") && !lower.equals("virtual-machine") && !lower.equals("vm")) {
                    throw term.problem("unknown type", PROBLEM_BAD_TYPE, part);
                }
                wanted.add(lower.equals("vm") ? "virtual-machine" : lower);
            } else {
                if (field.equals("status") && !STATUSES.contains(lower)) {
                    throw term.problem("unknown status", PROBLEM_BAD_STATUS, part);
                }
                wanted.add(part);
            }
        }
        return row -> {
            var instance = row.instance();
            String actual = switch (field) {
                case "type" -> instance.type();
                case "status" -> instance.status();
                case "architecture" -> instance.architecture();
                default -> instance.location();
            };
            return actual != null && wanted.stream().anyMatch(actual::equalsIgnoreCase);
        };
    }

    private static Predicate<InstanceRow> addressTerm(Term term, boolean ipv4, String value) {
        List<IpAddress> networks = new ArrayList<>();
        for (String part : alternatives(term, value)) {
            IpAddress network = part.indexOf('/') >= 0 ? IpAddress.parseNetwork(part) : IpAddress.parse(part);
            if (network == null || network.ipv4() != ipv4) {
                throw term.problem(ipv4 ? "not an IPv4 address" : "not an IPv6 address",
                        ipv4 ? PROBLEM_BAD_IPV4 : PROBLEM_BAD_IPV6, part);
            }
            networks.add(network);
        }
        String family = ipv4 ? "inet" : "inet6";
        return row -> {
            InstanceState state = row.state();
            if (state == null || state.network() == null) {
                return false;
            }
            for (InstanceState.Network nic : state.network().values()) {
                if (nic == null || nic.addresses() == null) {
                    continue;
                }
                for (InstanceState.Address address : nic.addresses()) {
                    IpAddress parsed = address == null || !family.equals(address.family()) || address.address() == null
                            ? null : IpAddress.parse(address.address());
                    if (parsed != null && networks.stream().anyMatch(n -> n.contains(parsed))) {
                        return true;
                    }
                }
            }
            return false;
        };
    }

    private static Predicate<InstanceRow> configTerm(Term term, String key, String value, Set<String> knownKeys) {
        if (key.indexOf('.') < 0) {
            throw term.problem("unknown key", PROBLEM_UNKNOWN_KEY, key);
        }
        Predicate<String> matches = pattern(term, value);
        String fixed = resolve(term, key, knownKeys);
        return row -> {
            Map<String, String> config = row.instance().expandedConfig() == null ? Map.of()
                    : row.instance().expandedConfig();
            Collection<String> keys = fixed != null ? List.of(fixed)
                    : config.containsKey(key) ? List.of(key)
                    : config.keySet().stream().filter(k -> abbreviates(key, k)).toList();
            boolean anyPresent = false;
            for (String candidate : keys) {
                String actual = config.get(candidate);
                if (actual != null) {
                    anyPresent = true;
                    if (matches.test(actual)) {
                        return true;
                    }
                }
            }
            // lxc compares an unset key as empty text, so "user.comment=" lists rows without one.
            return !anyPresent && value.isEmpty();
        };
    }

    /** The one known key {@code key} stands for, null to resolve per row, or a refusal. */
    private static String resolve(Term term, String key, Set<String> knownKeys) {
        if (knownKeys.contains(key)) {
            return key;
        }
        Set<String> fits = new TreeSet<>();
        for (String known : knownKeys) {
            if (abbreviates(key, known)) {
                fits.add(known);
            }
        }
        if (fits.size() > 1) {
            throw term.problem("ambiguous key", PROBLEM_AMBIGUOUS_KEY, key, String.join(", ", fits));
        }
        return fits.isEmpty() ? null : fits.iterator().next();
    }

    /**
     * lxc's {@code dotPrefixMatch}: as many dot-separated parts as {@code full}, each a prefix
     * of the matching part, so {@code s.priv} fits {@code security.privileged} but not
     * {@code security.privileged.extra} or {@code securityprivileged}.
     */
    static boolean abbreviates(String shortKey, String full) {
        String[] shortParts = shortKey.split("\\.", -1);
        String[] fullParts = full.split("\\.", -1);
        if (shortParts.length != fullParts.length) {
            return false;
        }
        for (int i = 0; i < shortParts.length; i++) {
            if (!fullParts[i].startsWith(shortParts[i])) {
                return false;
            }
        }
        return true;
    }
}
