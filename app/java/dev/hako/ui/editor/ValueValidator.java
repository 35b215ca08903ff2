package dev.hako.ui.editor;

import dev.hako.model.SizeRules;
import dev.hako.model.config.ObjectKind;
import dev.hako.model.network.DhcpRanges;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks one config value against what the catalog says of its key. Pure: no
 * server, no toolkit; the same checks run for the property sheet and for YAML.
 */
public final class ValueValidator {

    /** A share of the host's memory, where the catalog allows one (limits.memory). */
    static final Pattern PERCENT = Pattern.compile("^\\d{1,3}%$");
    /** Snapshot expiry: space-separated amounts with a unit (M minutes, H hours, d, w, m months, y). */
    static final Pattern DURATION = Pattern.compile("^\\d+[MHdwmy](\\s+\\d+[MHdwmy])*$");
    static final Pattern INTEGER = Pattern.compile("^[-+]?\\d+$");
    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9_.\\-/:]+$");

    private ValueValidator() {
    }

    /** Problems with a key's name (before the value is looked at). */
    public static Optional<Problem> checkKeyName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(Problem.of(name, "editor.problem.keyEmpty"));
        }
        if (!KEY.matcher(name).matches()) {
            return Optional.of(Problem.of(name, "editor.problem.keyChars", name));
        }
        return Optional.empty();
    }

    /** Problems with {@code value} for {@code key}; an empty value means "unset" and is always fine. */
    public static Optional<Problem> check(ConfigKey key, String name, String value) {
        if (value == null || value.isEmpty() || key == null) {
            return Optional.empty();
        }
        String v = value.trim();
        switch (key.type()) {
            case BOOLEAN -> {
                if (!(v.equals("true") || v.equals("false") || v.equals("1") || v.equals("0")
                        || v.equals("yes") || v.equals("no") || v.equals("on") || v.equals("off"))) {
                    return Optional.of(Problem.of(name, "editor.problem.boolean", name, value));
                }
            }
            case INTEGER -> {
                if (!INTEGER.matcher(v).matches()) {
                    return Optional.of(Problem.of(name, "editor.problem.integer", name, value));
                }
                BigInteger n = new BigInteger(v.startsWith("+") ? v.substring(1) : v);
                if (key.min() != null && n.compareTo(BigInteger.valueOf(key.min())) < 0) {
                    return Optional.of(Problem.of(name, "editor.problem.min", name, key.min()));
                }
                if (key.max() != null && n.compareTo(BigInteger.valueOf(key.max())) > 0) {
                    return Optional.of(Problem.of(name, "editor.problem.max", name, key.max()));
                }
                if (n.bitLength() > 63) {
                    return Optional.of(Problem.of(name, "editor.problem.integer", name, value));
                }
            }
            case SIZE -> {
                // Sizes are the server's syntax, checked where every screen checks them.
                boolean ok = SizeRules.valid(v) || (key.percent() && PERCENT.matcher(v).matches()
                        && Integer.parseInt(v.substring(0, v.length() - 1)) <= 100);
                if (!ok) {
                    return Optional.of(Problem.of(name, key.percent() ? "editor.problem.sizeOrPercent"
                            : "editor.problem.size", name, value));
                }
            }
            case DURATION -> {
                if (!DURATION.matcher(v).matches()) {
                    return Optional.of(Problem.of(name, "editor.problem.duration", name, value));
                }
            }
            case ENUM -> {
                if (key.values() != null && !key.values().contains(v)) {
                    return Optional.of(Problem.of(name, "editor.problem.enum", name, String.join(", ", key.values())));
                }
            }
            case STRING, LIST -> {
                // checked by the pattern below
            }
        }
        if (key.pattern() != null && (key.type() == ValueType.STRING || key.type() == ValueType.LIST)) {
            try {
                if (!Pattern.compile(key.pattern()).matcher(v).matches()) {
                    return Optional.of(Problem.of(name, "editor.problem.format", name, value));
                }
            } catch (PatternSyntaxException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Checks that need other keys of the same object: a network's DHCP ranges must lie in the
     * subnet of its {@code ipv4.address} / {@code ipv6.address} ({@link DhcpRanges}).
     */
    public static Optional<Problem> checkWithOthers(ObjectKind kind, String name, String value,
            java.util.Map<String, String> config) {
        if (kind != ObjectKind.NETWORK || !DhcpRanges.covers(name) || value == null || value.isBlank()) {
            return Optional.empty();
        }
        String address = config == null ? null : config.get(DhcpRanges.addressKeyOf(name));
        return DhcpRanges.check(value, address, name.startsWith("ipv6."))
                .map(v -> Problem.of(name, v.rule().messageKey(), v.arguments(name)));
    }

    /** Checks a whole config map of an object; unknown keys are accepted as text (the server judges them). */
    public static java.util.List<Problem> checkConfig(ConfigCatalog catalog, ObjectKind kind,
            java.util.Map<String, String> config) {
        java.util.List<Problem> problems = new java.util.ArrayList<>();
        if (config == null) {
            return problems;
        }
        for (var e : config.entrySet()) {
            Optional<Problem> bad = checkKeyName(e.getKey());
            if (bad.isEmpty()) {
                bad = check(catalog.lookup(kind, e.getKey()).orElse(null), e.getKey(), e.getValue());
            }
            if (bad.isEmpty()) {
                bad = checkWithOthers(kind, e.getKey(), e.getValue(), config);
            }
            bad.ifPresent(problems::add);
        }
        return problems;
    }
}
