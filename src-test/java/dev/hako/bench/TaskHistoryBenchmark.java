package dev.hako.bench;

import dev.hako.model.history.TaskFilter;
import dev.hako.model.history.TaskHistory;
import dev.hako.model.history.TaskRecord;
import dev.hako.model.store.HistoryDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The task history's size on disk per 1,000, 10,000 and 100,000 tasks (a mix like a busy
 * operator's: execs, starts and stops, snapshots, one in ten failed with the server's error),
 * and how long the drawer's reads take on each: the first page, a page deep down, and a
 * search of the error text with its count. Prints figures; asserts nothing; on demand only
 * (src-test/bench/task-history.sh).
 */
public final class TaskHistoryBenchmark {

    private static final String[] KINDS = {"Executing command", "Starting instance", "Stopping instance",
        "Snapshotting instance", "Updating instance", "Creating instance", "Deleting instance"};

    private TaskHistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Files.createTempDirectory("hako-task-bench");
        for (int count : new int[] {1_000, 10_000, 100_000}) {
            Path file = directory.resolve("history-" + count + ".db");
            try (HistoryDatabase database = HistoryDatabase.open(file, List.of(TaskHistory.SCHEMA))) {
                TaskHistory history = new TaskHistory(database, 3650);
                fill(history, count);
                // The figure a user would see in their data directory once the log is folded in.
                database.flush().join();
                database.read(c -> {
                    try (java.sql.Statement s = c.createStatement()) {
                        s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                    }
                    return null;
                });
                long bytes = database.sizeOnDisk();
                System.out.printf("tasks=%,d  size=%,d bytes (%.2f MB)  per task=%d bytes%n", count, bytes,
                        bytes / 1048576.0, bytes / count);
                timed("  first page (200)      ", () -> history.page(TaskFilter.ALL, 0, 200).size());
                timed("  page at the end       ", () -> history.page(TaskFilter.ALL, count - 200, 200).size());
                TaskFilter search = new TaskFilter("no such bridge", null, null, null, null);
                timed("  search error + count  ", () -> history.page(search, 0, 200).size() + history.count(search));
                timed("  kinds                 ", () -> history.kinds().size());
            }
        }
    }

    private static void fill(TaskHistory history, int count) {
        Instant start = Instant.now().minusSeconds(count * 30L);
        List<TaskRecord> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String kind = KINDS[i % KINDS.length];
            String instance = "web-" + (i % 50);
            boolean failed = i % 10 == 3;
            Instant at = start.plusSeconds(i * 30L);
            batch.add(new TaskRecord(i % 3 == 0 ? "production" : "local", UUID.randomUUID().toString(), kind,
                    instance, i % 4 == 0 ? "team-a" : null, "task", i % 5 == 0, at, at.plusMillis(300 + i % 4000),
                    failed ? TaskRecord.Result.FAILED : TaskRecord.Result.SUCCEEDED, failed ? "Failure" : "Success",
                    failed ? "Failed to start device \"eth0\": Failed to add interface to bridge: no such bridge" : "",
                    kind.startsWith("Starting") ? "lxc start local:" + instance : ""));
            if (batch.size() == 1000) {
                history.recordAll(List.copyOf(batch));
                batch.clear();
            }
        }
        history.recordAll(batch);
    }

    private static void timed(String what, java.util.concurrent.Callable<Integer> read) throws Exception {
        read.call();
        long before = System.nanoTime();
        int rows = read.call();
        System.out.printf("%s %6.1f ms (%d)%n", what, (System.nanoTime() - before) / 1e6, rows);
    }
}
