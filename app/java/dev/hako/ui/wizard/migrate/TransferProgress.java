package dev.hako.ui.wizard.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hako.lxd.api.Operation;
import dev.hako.ui.common.I18n;

/**
 * A migration's progress in words: bytes sent and speed from the operation's structured
 * {@code progress} ({@code processed}, {@code speed}) when the server gives them, else
 * the server's own progress line ("rootfs: 120.5MB (40.2MB/s)").
 */
final class TransferProgress {

    private TransferProgress() {
    }

    /** The line to show, or null when the update says nothing of progress. */
    static String text(I18n i18n, Operation operation) {
        JsonNode metadata = operation.metadata();
        JsonNode progress = metadata == null ? null : metadata.path("progress");
        long processed = number(progress == null ? null : progress.path("processed"));
        if (processed >= 0) {
            long speed = number(progress.path("speed"));
            String stage = progress.path("stage").asText("");
            return speed >= 0 ? i18n.format("migrate.progress.bytesSpeed", size(processed), size(speed), stage)
                    : i18n.format("migrate.progress.bytes", size(processed), stage);
        }
        return operation.progressText().orElse(null);
    }

    private static long number(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return -1;
        }
        if (node.isNumber()) {
            return node.asLong();
        }
        try {
            return Long.parseLong(node.asText().trim());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    private static String size(long bytes) {
        return dev.hako.ui.common.Sizes.human(bytes);
    }
}
