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
        BAD_END("name.problem.badEnd");

        public final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    private NameRules() {
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
