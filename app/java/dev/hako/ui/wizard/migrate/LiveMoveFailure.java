package dev.hako.ui.wizard.migrate;

import dev.hako.lxd.InstanceMigration.MigrationFailedException;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import java.util.Locale;

/**
 * A live move the servers refused, in plain words: what live migration needs, which part
 * was missing as far as the servers' words tell, that the instance still runs where it
 * was, and the question whether to move it cold instead.
 */
final class LiveMoveFailure {

    private LiveMoveFailure() {
    }

    /** Whether a failure of a live transfer leaves a cold move worth offering (not a cancel). */
    static boolean offersColdMove(boolean wasLive, Throwable failure) {
        return wasLive && FailureText.unwrap(failure) instanceof MigrationFailedException m && !m.cancelled();
    }

    /** The question to ask: why it failed, where the instance is, and what a cold move does. */
    static String question(I18n i18n, Throwable failure, String instance, String source, String target) {
        String said = FailureText.of(i18n, failure);
        String lower = said.toLowerCase(Locale.ROOT);
        String why;
        if (lower.contains("criu")) {
            why = i18n.get("migrate.liveFailed.criu");
        } else if (lower.contains("migration.stateful") || lower.contains("stateful")) {
            why = i18n.get("migrate.liveFailed.stateful");
        } else {
            why = i18n.get("migrate.liveFailed.other");
        }
        return i18n.format("migrate.liveFailed.question", why, said, instance, source, target);
    }
}
