package dev.hako.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The server's rules for instance, profile, network and volume names, checked
 * before anything is sent: letters, digits and hyphens, at most 63 characters, not
 * starting with a digit or a hyphen, not ending with a hyphen.
 */
public final class NameRules {

    public static final int MAX_LENGTH = 63;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9-]+");

    /** Why a name is refused, as a message key of the UI bundles. */
    public enum Problem {
        EMPTY("name.problem.empty"),
        TOO_LONG("name.problem.tooLong"),
        BAD_CHARACTER("name.problem.badCharacter"),
        BAD_START("name.problem.badStart"),
        BAD_END("name.problem.badEnd"),
        SLASH("name.problem.slash"),
        WHITESPACE("name.problem.whitespace"),
        DOTS("name.problem.dots"),
        UNDERSCORE("name.problem.underscore");

        public final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    private NameRules() {
    }

    /**
     * A storage pool's name, as LXD 5.0 and Incus 6 judge it: anything but empty, a slash,
     * white space, or "." and ".." (it names a directory), so {@code data_1}, {@code fast.ssd}
     * and {@code 1st} are fine ({@code PoolNameRulesIT} checks this against both servers).
     */
    public static Optional<Problem> checkPool(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of(Problem.EMPTY);
        }
        if (name.contains("/")) {
            return Optional.of(Problem.SLASH);
        }
        if (name.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            return Optional.of(Problem.WHITESPACE);
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of(Problem.DOTS);
        }
        return Optional.empty();
    }

    /**
     * A project's name, as LXD 5.0 and Incus 6 judge it: a storage pool's rules, and no
     * underscore (the servers join project and object names with one).
     */
    public static Optional<Problem> checkProject(String name) {
        Optional<Problem> asPool = checkPool(name);
        if (asPool.isPresent()) {
            return asPool;
        }
        return name.contains("_") ? Optional.of(Problem.UNDERSCORE) : Optional.empty();
    }

    public static Optional<Problem> check(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of(Problem.EMPTY);
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        if (!ALLOWED.matcher(name).matches()) {
            return Optional.of(Problem.BAD_CHARACTER);
        }
        char first = name.charAt(0);
        if (Character.isDigit(first) || first == '-') {
            return Optional.of(Problem.BAD_START);
        }
        if (name.endsWith("-")) {
            return Optional.of(Problem.BAD_END);
        }
        return Optional.empty();
    }
}
