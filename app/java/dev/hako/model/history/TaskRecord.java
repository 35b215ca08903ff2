package dev.hako.model.history;

import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.Operation;
import dev.hako.model.LiveOperations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One operation as the task history keeps it: what it did ({@code description}, the
 * {@code objects} it worked on, in which {@code project}), on which remote, who started it,
 * when it started and ended, how it ended and the server's error text, and the equivalent
 * {@code lxc}/{@code incus} command when there is a clear one ({@code ""} otherwise).
 * The operation's metadata is never kept: it may hold an exec's environment or a token.
 */
public record TaskRecord(
        String remote,
        String id,
        String description,
        String objects,
        String project,
        String operationClass,
        boolean startedHere,
        Instant started,
        Instant ended,
        Result result,
        String status,
        String error,
        String command) {

    /** How an operation ended, or that it has not. */
    public enum Result {
        RUNNING, SUCCEEDED, FAILED, CANCELLED,
        /** The server stopped listing it before its end was seen (or Hako stopped watching). */
        UNKNOWN
    }

    public TaskRecord {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(result, "result");
        description = description == null ? "" : description;
        objects = objects == null ? "" : objects;
        error = error == null ? "" : error;
        command = command == null ? "" : command;
        started = started == null ? Instant.EPOCH : started;
    }

    /** What the history keeps of a live operation of a server of {@code kind} (null when unknown: LXD). */
    public static TaskRecord of(String remote, ServerKind kind, LiveOperations.Entry entry, Instant now) {
        Operation op = entry.operation();
        Result result = resultOf(entry);
        Instant ended = switch (result) {
            case RUNNING, UNKNOWN -> null;
            default -> op.updatedAt() == null ? now : op.updatedAt().toInstant();
        };
        return new TaskRecord(remote, op.id(), op.description(), String.join(", ", objectsOf(op)),
                TaskCommand.projectOf(op.resources()), op.operationClass(), entry.startedHere(),
                op.createdAt() == null ? now : op.createdAt().toInstant(), ended, result, op.status(), op.err(),
                TaskCommand.of(kind == null ? ServerKind.LXD : kind, remote, op.description(), op.resources()));
    }

    static Result resultOf(LiveOperations.Entry entry) {
        if (entry.vanished()) {
            return Result.UNKNOWN;
        }
        return switch (entry.operation().statusCode()) {
            case Operation.SUCCESS -> Result.SUCCEEDED;
            case Operation.CANCELLED -> Result.CANCELLED;
            default -> entry.operation().statusCode() >= Operation.FAILURE ? Result.FAILED : Result.RUNNING;
        };
    }

    /** The names of the objects an operation works on ("c1", "c1/snap0"), without the operation itself. */
    public static List<String> objectsOf(Operation op) {
        List<String> names = new ArrayList<>();
        if (op.resources() == null) {
            return names;
        }
        // A cluster bootstrap lists {"cluster": null}: a kind without objects.
        op.resources().values().stream().filter(Objects::nonNull).forEach(urls -> urls.forEach(url -> {
            String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            java.util.regex.Matcher snapshot = TaskCommand.SNAPSHOT.matcher(path);
            String name = snapshot.matches() ? snapshot.group(1) + "/" + snapshot.group(2)
                    : path.substring(path.lastIndexOf('/') + 1);
            if (!names.contains(name) && !path.contains("/operations/")) {
                names.add(name);
            }
        }));
        return names;
    }

    public boolean running() {
        return result == Result.RUNNING;
    }

    /** From start to end; null while running or when the end was not seen. */
    public Duration duration() {
        return ended == null ? null : Duration.between(started, ended);
    }

    /** True when {@code text} (any case) is in the description, objects, remote, error or command. */
    public boolean mentions(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (String field : List.of(description, objects, remote, error, command)) {
            if (field.toLowerCase(Locale.ROOT).contains(wanted)) {
                return true;
            }
        }
        return false;
    }
}
