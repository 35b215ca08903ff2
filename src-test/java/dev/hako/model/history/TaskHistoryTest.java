package dev.hako.model.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.Operation;
import dev.hako.model.LiveOperations;
import dev.hako.model.history.TaskRecord.Result;
import dev.hako.model.store.HistoryDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskHistoryTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @TempDir
    Path directory;

    private HistoryDatabase open() {
        return HistoryDatabase.open(directory.resolve("history.db"), List.of(TaskHistory.SCHEMA));
    }

    private static TaskHistory history(HistoryDatabase database, int days, Instant at) {
        return new TaskHistory(database, days, Clock.fixed(at, ZoneOffset.UTC));
    }

    static Operation operation(String id, String description, int code, String err, String... urls) {
        String status = switch (code) {
            case Operation.SUCCESS -> "Success";
            case Operation.CANCELLED -> "Cancelled";
            case Operation.RUNNING -> "Running";
            default -> "Failure";
        };
        var created = NOW.minusSeconds(10).atOffset(ZoneOffset.UTC);
        var metadata = JsonNodeFactory.instance.objectNode().put("secret", "token-abc");
        return new Operation(id, "task", description, created, created.plusSeconds(3), status, code,
                Map.of("instances", List.of(urls)), metadata, false, err, "none");
    }

    private static TaskRecord task(String id, String description, Result result, Instant started) {
        return new TaskRecord("local", id, description, "c1", null, "task", false, started,
                result == Result.RUNNING ? null : started.plusSeconds(2), result, result.name(), "", "");
    }

    @Test
    void anOperationIsOneRowUpdatedWhenItEndsAndItsMetadataIsNotKept() {
        try (HistoryDatabase database = open()) {
            TaskHistory history = history(database, 90, NOW);
            Operation running = operation("op1", "Starting instance", Operation.RUNNING, "", "/1.0/instances/c1");
            history.record(TaskRecord.of("local", ServerKind.LXD, new LiveOperations.Entry(running, false, true), NOW));
            Operation failed = operation("op1", "Starting instance", Operation.FAILURE,
                    "Failed to start device \"eth0\": no such bridge", "/1.0/instances/c1");
            history.record(TaskRecord.of("local", ServerKind.LXD, new LiveOperations.Entry(failed, false, true), NOW));
            database.flush().join();

            List<TaskRecord> rows = history.page(TaskFilter.ALL, 0, 10);
            assertThat(rows).hasSize(1);
            TaskRecord row = rows.get(0);
            assertThat(row.result()).isEqualTo(Result.FAILED);
            assertThat(row.error()).isEqualTo("Failed to start device \"eth0\": no such bridge");
            assertThat(row.command()).isEqualTo("lxc start local:c1");
            assertThat(row.startedHere()).isTrue();
            assertThat(row.duration()).isEqualTo(Duration.ofSeconds(3));
            assertThat(database.<Integer>read(c -> {
                try (var q = c.createStatement().executeQuery("SELECT count(*) FROM tasks WHERE "
                        + "description || objects || error || command || coalesce(status, '') LIKE '%token-abc%'")) {
                    return q.next() ? q.getInt(1) : -1;
                }
            })).isZero();
        }
    }

    @Test
    void tasksSurviveARestartAndOnesStillRunningThenEndUnseen() {
        try (HistoryDatabase database = open()) {
            TaskHistory history = history(database, 90, NOW);
            history.record(task("done", "Stopping instance", Result.SUCCEEDED, NOW.minusSeconds(60)));
            history.record(task("busy", "Starting instance", Result.RUNNING, NOW.minusSeconds(30)));
            history.record(new TaskRecord("local", "mine", "Deleting instance", "c2", null, "task", true,
                    NOW.minusSeconds(20), NOW.minusSeconds(19), Result.SUCCEEDED, "Success", "", ""));
            database.flush().join();
        }
        try (HistoryDatabase database = open()) {
            TaskHistory history = history(database, 90, NOW);
            database.flush().join();
            // What this application started is still known as its own (the server may list it again).
            assertThat(history.wasStartedHere("local", "mine")).isTrue();
            assertThat(history.wasStartedHere("local", "busy")).isFalse();
            assertThat(history.page(TaskFilter.ALL, 0, 10)).extracting(TaskRecord::id, TaskRecord::result)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("mine", Result.SUCCEEDED),
                            org.assertj.core.groups.Tuple.tuple("busy", Result.UNKNOWN),
                            org.assertj.core.groups.Tuple.tuple("done", Result.SUCCEEDED));
        }
    }

    @Test
    void searchFiltersAndPagesNewestFirst() {
        try (HistoryDatabase database = open()) {
            TaskHistory history = history(database, 90, NOW);
            List<TaskRecord> many = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                many.add(task("op" + i, i % 2 == 0 ? "Starting instance" : "Executing command",
                        i % 10 == 0 ? Result.FAILED : Result.SUCCEEDED, NOW.minusSeconds(1000 - i)));
            }
            many.add(new TaskRecord("lab", "x", "Deleting image", "abc", null, "task", true, NOW.minusSeconds(5),
                    NOW, Result.FAILED, "Failure", "100% disk_full", ""));
            history.recordAll(many);
            database.flush().join();

            assertThat(history.count(TaskFilter.ALL)).isEqualTo(251);
            assertThat(history.page(TaskFilter.ALL, 0, 2)).extracting(TaskRecord::id).containsExactly("x", "op249");
            assertThat(history.page(TaskFilter.ALL, 250, 10)).extracting(TaskRecord::id).containsExactly("op0");
            assertThat(history.count(new TaskFilter(null, null, "Starting instance", Result.FAILED, null))).isEqualTo(25);
            assertThat(history.count(new TaskFilter(null, "lab", null, null, null))).isEqualTo(1);
            assertThat(history.count(new TaskFilter(null, null, null, null, true))).isEqualTo(1);
            // The search looks at the error text too, any case, and takes % and _ literally.
            assertThat(history.page(new TaskFilter("DISK_F", null, null, null, null), 0, 10))
                    .extracting(TaskRecord::id).containsExactly("x");
            assertThat(history.count(new TaskFilter("100%", null, null, null, null))).isEqualTo(1);
            assertThat(history.count(new TaskFilter("_", null, null, null, null))).isEqualTo(1);
            assertThat(history.kinds()).containsExactly("Deleting image", "Executing command", "Starting instance");
            TaskFilter failedHere = new TaskFilter("disk", "lab", null, Result.FAILED, true);
            assertThat(history.page(failedHere, 0, 10)).allMatch(failedHere::matches).hasSize(1);
        }
    }

    @Test
    void tasksOlderThanTheRetentionArePrunedAtStartAndWhenItChanges() {
        try (HistoryDatabase database = open()) {
            TaskHistory history = history(database, 90, NOW);
            history.recordAll(List.of(task("old", "Starting instance", Result.SUCCEEDED, NOW.minus(Duration.ofDays(40))),
                    task("new", "Starting instance", Result.SUCCEEDED, NOW.minus(Duration.ofDays(2)))));
            database.flush().join();
            assertThat(history.count(TaskFilter.ALL)).isEqualTo(2);
            history.setRetentionDays(30);
            database.flush().join();
            assertThat(history.page(TaskFilter.ALL, 0, 10)).extracting(TaskRecord::id).containsExactly("new");
        }
        try (HistoryDatabase database = open()) {
            // A day later the start-up prune takes a one-day retention at its word.
            history(database, 1, NOW.plus(Duration.ofDays(1)));
            database.flush().join();
            assertThat(history(database, 1, NOW).count(TaskFilter.ALL)).isZero();
        }
    }

    @Test
    void progressUpdatesWriteNothingNew() {
        try (HistoryDatabase database = open()) {
            TaskHistory history = history(database, 90, NOW);
            Operation op = operation("op1", "Creating instance", Operation.RUNNING, "", "/1.0/instances/c1");
            history.record(TaskRecord.of("local", ServerKind.LXD, new LiveOperations.Entry(op, false, false), NOW));
            database.flush().join();
            // Someone deletes the row behind its back: a mere progress update must not write it again.
            database.write(c -> c.createStatement().executeUpdate("DELETE FROM tasks"));
            history.record(TaskRecord.of("local", ServerKind.LXD, new LiveOperations.Entry(op, false, false), NOW));
            database.flush().join();
            assertThat(history.count(TaskFilter.ALL)).isZero();
            // Claimed by this application: that is news.
            history.record(TaskRecord.of("local", ServerKind.LXD, new LiveOperations.Entry(op, false, true), NOW));
            database.flush().join();
            assertThat(history.page(TaskFilter.ALL, 0, 1)).singleElement().matches(TaskRecord::startedHere);
        }
    }

    @Test
    void anOperationTheServerStoppedListingEndedUnseen() {
        Operation op = operation("op1", "Executing command", Operation.RUNNING, "", "/1.0/instances/c1");
        TaskRecord gone = TaskRecord.of("l", ServerKind.INCUS, new LiveOperations.Entry(op, true, false), NOW);
        assertThat(gone.result()).isEqualTo(Result.UNKNOWN);
        assertThat(gone.ended()).isNull();
        assertThat(gone.duration()).isNull();
        assertThat(gone.objects()).isEqualTo("c1");
        assertThat(gone.command()).isEmpty();
    }
}
