package dev.hako.ui.common;

import dev.hako.remote.FileFinding;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Tells the user, once the window is open, what Hako found wrong with its own files at
 * start (remotes, client key, settings) and what it did: which file, what was wrong,
 * where the damaged file was kept.
 */
public final class DamagedFilesNotice {

    private DamagedFilesNotice() {
    }

    /** One paragraph per finding, in the user's language. */
    public static String text(I18n i18n, List<FileFinding> findings) {
        return findings.stream().map(f -> sentence(i18n, f)).collect(Collectors.joining("\n\n"));
    }

    /** The sentence for a remotes file that could neither be read nor moved aside (Hako runs without it). */
    public static String blocked(I18n i18n, Path file, String why) {
        return i18n.format("startup.damaged.remotesBlocked", file, why);
    }

    static String sentence(I18n i18n, FileFinding finding) {
        Object kept = finding.keptAs() != null ? finding.keptAs() : i18n.get("startup.damaged.leftInPlace");
        return switch (finding.kind()) {
            case REMOTES_UNREADABLE -> i18n.format("startup.damaged.remotesUnreadable", finding.file(), kept,
                    finding.detail());
            case REMOTES_PARTLY_READ -> i18n.format("startup.damaged.remotesPartly", finding.file(), kept,
                    finding.detail());
            case CLIENT_KEY_DAMAGED -> i18n.format("startup.damaged.clientKey", finding.file(), kept, finding.detail());
            case CLIENT_KEY_PERMISSIONS -> i18n.format("startup.damaged.keyPermissions", finding.file(), kept,
                    finding.detail());
            case SETTINGS_DAMAGED -> i18n.format("startup.damaged.settings", finding.file(), kept, finding.detail());
        };
    }

    /** Shows the findings (and {@code extra} sentences) in one dialog; nothing when there are none. */
    public static void show(DialogService dialogs, List<FileFinding> findings, List<String> extra) {
        if (findings.isEmpty() && extra.isEmpty()) {
            return;
        }
        String text = text(dialogs.i18n(), findings);
        String more = String.join("\n\n", extra);
        dialogs.inform(dialogs.i18n().get("startup.damaged.header"),
                text.isEmpty() ? more : more.isEmpty() ? text : text + "\n\n" + more);
    }
}
