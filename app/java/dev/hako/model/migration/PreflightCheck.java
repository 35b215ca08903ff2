package dev.hako.model.migration;

import java.util.List;

/**
 * One verdict of the checks made before a migration sends anything: what was checked,
 * whether it passes, may fail, or stops the migration, and in which words (a message key
 * whose sentence says what was found and what to do).
 */
public record PreflightCheck(Verdict verdict, String messageKey, List<Object> arguments) {

    /** How a check came out. */
    public enum Verdict {
        /** Fine as it is. */
        PASS,
        /** May fail or needs attention on the destination; the migration may still go. */
        WARN,
        /** The migration cannot work like this; it is not started. */
        BLOCK
    }

    public PreflightCheck {
        arguments = List.copyOf(arguments);
    }

    static PreflightCheck pass(String key, Object... arguments) {
        return new PreflightCheck(Verdict.PASS, key, List.of(arguments));
    }

    static PreflightCheck warn(String key, Object... arguments) {
        return new PreflightCheck(Verdict.WARN, key, List.of(arguments));
    }

    static PreflightCheck block(String key, Object... arguments) {
        return new PreflightCheck(Verdict.BLOCK, key, List.of(arguments));
    }

    public boolean blocks() {
        return verdict == Verdict.BLOCK;
    }
}
