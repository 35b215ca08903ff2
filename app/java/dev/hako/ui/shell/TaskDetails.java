package dev.hako.ui.shell;

import dev.hako.model.history.TaskRecord;
import dev.hako.ui.common.I18n;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

/** How a task reads in the drawer: its one-line description, status, times, and its whole details. */
final class TaskDetails {

    private TaskDetails() {
    }

    /** The server's description and the objects it works on: "Executing command (web)". */
    static String described(TaskRecord task) {
        return task.description() + (task.objects().isEmpty() ? "" : " (" + task.objects() + ")");
    }

    /** The server's status and error, or "ended" for a task whose end was not seen. */
    static String status(I18n i18n, TaskRecord task) {
        if (task.result() == TaskRecord.Result.UNKNOWN) {
            return i18n.get("operations.ended");
        }
        String status = task.status() == null || task.status().isEmpty() ? resultText(i18n, task.result())
                : task.status();
        return status + (task.error().isEmpty() ? "" : ": " + firstLine(task.error()));
    }

    static String resultText(I18n i18n, TaskRecord.Result result) {
        return i18n.get(switch (result) {
            case RUNNING -> "history.result.running";
            case SUCCEEDED -> "history.result.succeeded";
            case FAILED -> "history.result.failed";
            case CANCELLED -> "history.result.cancelled";
            case UNKNOWN -> "history.result.unknown";
        });
    }

    /** Date and time in the window's language and the computer's time zone. */
    static String time(I18n i18n, Instant at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(i18n.localeProperty().get())
                .withZone(ZoneId.systemDefault()).format(at);
    }

    static String duration(I18n i18n, Duration duration) {
        if (duration == null) {
            return "";
        }
        long millis = Math.max(0, duration.toMillis());
        if (millis < 60_000) {
            return i18n.format("history.duration.seconds", millis / 1000.0);
        }
        long seconds = millis / 1000;
        return i18n.format("history.duration.long", seconds / 3600, seconds % 3600 / 60, seconds % 60);
    }

    /** Everything kept of the task, one fact a line, the error whole. */
    static String text(I18n i18n, TaskRecord task) {
        List<String> lines = new ArrayList<>();
        // What and how it ended first, the server's error whole; then where, who, when and the command.
        lines.add(line(i18n, "history.detail.operation", described(task)));
        lines.add(line(i18n, "history.detail.result", resultText(i18n, task.result())));
        if (!task.error().isEmpty()) {
            lines.add(i18n.get("history.detail.error"));
            lines.add(task.error());
        }
        lines.add("");
        lines.add(line(i18n, "history.detail.remote", task.remote()));
        if (task.project() != null) {
            lines.add(line(i18n, "history.detail.project", task.project()));
        }
        lines.add(line(i18n, "history.detail.origin",
                i18n.get(task.startedHere() ? "operations.origin.here" : "history.origin.elsewhere")));
        lines.add(line(i18n, "history.detail.started", time(i18n, task.started())));
        lines.add(line(i18n, "history.detail.ended", task.ended() != null ? time(i18n, task.ended())
                : i18n.get(task.running() ? "history.detail.stillRunning" : "history.detail.notSeen")));
        if (task.duration() != null) {
            lines.add(line(i18n, "history.detail.duration", duration(i18n, task.duration())));
        }
        lines.add(line(i18n, "history.detail.command",
                task.command().isEmpty() ? i18n.get("history.detail.noCommand") : task.command()));
        lines.add(line(i18n, "history.detail.id", task.id()));
        return String.join("\n", lines);
    }

    private static String line(I18n i18n, String key, String value) {
        return i18n.format("history.detail.line", i18n.get(key), value);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end) + " …";
    }
}
