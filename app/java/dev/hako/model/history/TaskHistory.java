package dev.hako.model.history;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.ServerKind;
import dev.hako.model.ConnectionState;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.model.store.HistoryDatabase;
import dev.hako.model.store.SchemaPart;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every operation Hako started or saw, kept in the history file: one row per operation,
 * written when it is first seen and again when it ends (or is found gone), never for its
 * progress. Rows older than the retention are pruned at start and then once a day, on the
 * writer thread. Reads ({@link #page}, {@link #count}, {@link #kinds}) run on the caller's
 * thread, which must not be the FX thread.
 */
public final class TaskHistory {

    /** The task history's tables in the history file. */
    public static final SchemaPart SCHEMA = new SchemaPart("tasks", List.of(List.of(
            "CREATE TABLE tasks (remote TEXT NOT NULL, op_id TEXT NOT NULL, description TEXT NOT NULL,"
                    + " objects TEXT NOT NULL, project TEXT, op_class TEXT, here INTEGER NOT NULL,"
                    + " started INTEGER NOT NULL, ended INTEGER, result TEXT NOT NULL, status TEXT,"
                    + " error TEXT NOT NULL, command TEXT NOT NULL, PRIMARY KEY (remote, op_id))",
            "CREATE INDEX tasks_by_start ON tasks (started)")));

    public static final int DEFAULT_RETENTION_DAYS = 90;
    static final Duration PRUNE_EVERY = Duration.ofDays(1);
    /** Last state written per operation, so a progress update writes nothing. */
    private static final int REMEMBERED = 5000;

    private static final String COLUMNS = "remote, op_id, description, objects, project, op_class, here, started,"
            + " ended, result, status, error, command";
    private static final String UPSERT = "INSERT INTO tasks (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
            + " ON CONFLICT (remote, op_id) DO UPDATE SET description = excluded.description,"
            + " objects = excluded.objects, project = excluded.project, op_class = excluded.op_class,"
            + " here = max(here, excluded.here), ended = excluded.ended, result = excluded.result,"
            + " status = excluded.status, error = excluded.error, command = excluded.command";

    private final HistoryDatabase database;
    private final Clock clock;
    private final Map<String, String> written = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };
    /** Operations recorded as this application's in the last day, so a restarted window still knows them. */
    private final java.util.Set<String> startedHere = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile int retentionDays;
    /** Touched on the writer thread only. */
    private Instant lastPruned = Instant.MIN;

    public TaskHistory(HistoryDatabase database, int retentionDays) {
        this(database, retentionDays, Clock.systemUTC());
    }

    TaskHistory(HistoryDatabase database, int retentionDays, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.retentionDays = Math.max(1, retentionDays);
        // What was running when Hako last stopped (or was killed) ended unseen, unless a server still lists it.
        database.write(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE tasks SET result = 'UNKNOWN' WHERE result = 'RUNNING'");
            }
            try (PreparedStatement mine = c.prepareStatement("SELECT remote, op_id FROM tasks WHERE here = 1"
                    + " AND started >= ?")) {
                mine.setLong(1, clock.instant().minus(Duration.ofDays(1)).toEpochMilli());
                try (ResultSet row = mine.executeQuery()) {
                    while (row.next()) {
                        startedHere.add(row.getString(1) + "\n" + row.getString(2));
                    }
                }
            }
            pruneNow(c);
        });
    }

    public HistoryDatabase database() {
        return database;
    }

    /** Records the operations of every remote of {@code workspace}, and of those added later. */
    public void followAll(Workspace workspace) {
        workspace.remotes().forEach(this::follow);
        workspace.addListener(new Workspace.Listener() {
            @Override
            public void added(RemoteModel remote) {
                follow(remote);
            }

            @Override
            public void removed(RemoteModel remote) {
                // Its rows stay: they are history. Its model is closed and reports nothing more.
            }
        });
    }

    /** Records the operations of {@code remote} from now on. */
    public void follow(RemoteModel remote) {
        remote.operations().addListener(entry -> {
            LxdClient client = remote.client();
            ConnectionState state = remote.state();
            ServerKind kind = client != null ? client.kind() : state == null ? null : state.kind();
            record(TaskRecord.of(remote.name(), kind, entry, clock.instant()));
        });
    }

    /** Writes the task when it is news: first seen, ended, or claimed by this application. */
    public void record(TaskRecord task) {
        String key = task.remote() + "\n" + task.id();
        if (task.startedHere()) {
            startedHere.add(key);
        }
        String state = task.result() + "/" + task.startedHere();
        synchronized (written) {
            if (state.equals(written.get(key))) {
                return;
            }
            written.put(key, state);
        }
        database.write(c -> {
            upsert(c, task);
            if (Duration.between(lastPruned, clock.instant()).compareTo(PRUNE_EVERY) >= 0) {
                pruneNow(c);
            }
        });
    }

    /** Records many at once in one transaction (imports and the benchmark). */
    public void recordAll(List<TaskRecord> tasks) {
        database.write(c -> {
            for (TaskRecord task : tasks) {
                upsert(c, task);
            }
        });
    }

    /**
     * True when this application started the operation, as recorded (also by its last run: after a
     * restart the server may still list what it started). Answers from memory, on any thread.
     */
    public boolean wasStartedHere(String remote, String id) {
        return startedHere.contains(remote + "\n" + id);
    }

    public int retentionDays() {
        return retentionDays;
    }

    /** Keeps tasks for {@code days} from now on and prunes what is older at once. */
    public void setRetentionDays(int days) {
        retentionDays = Math.max(1, days);
        database.write(this::pruneNow);
    }

    /** Up to {@code limit} tasks matching {@code filter}, newest first, skipping {@code offset}. */
    public List<TaskRecord> page(TaskFilter filter, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        return database.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM tasks" + where
                    + " ORDER BY started DESC, op_id DESC LIMIT ? OFFSET ?")) {
                int i = bind(q, args);
                q.setInt(i++, limit);
                q.setInt(i, offset);
                List<TaskRecord> found = new ArrayList<>();
                try (ResultSet row = q.executeQuery()) {
                    while (row.next()) {
                        found.add(recordOf(row));
                    }
                }
                return found;
            }
        });
    }

    /** How many tasks match {@code filter}. */
    public int count(TaskFilter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        return database.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT count(*) FROM tasks" + where)) {
                bind(q, args);
                try (ResultSet row = q.executeQuery()) {
                    return row.next() ? row.getInt(1) : 0;
                }
            }
        });
    }

    /** The descriptions of the tasks kept ("Starting instance" …), for the kind filter. */
    public List<String> kinds() {
        return database.read(c -> {
            List<String> kinds = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet row = s.executeQuery("SELECT DISTINCT description FROM tasks ORDER BY description")) {
                while (row.next()) {
                    kinds.add(row.getString(1));
                }
            }
            return kinds;
        });
    }

    private void pruneNow(Connection c) throws SQLException {
        Instant now = clock.instant();
        lastPruned = now;
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM tasks WHERE started < ? AND result <> 'RUNNING'")) {
            delete.setLong(1, now.minus(Duration.ofDays(retentionDays)).toEpochMilli());
            delete.executeUpdate();
        }
    }

    private static void upsert(Connection c, TaskRecord t) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPSERT)) {
            s.setString(1, t.remote());
            s.setString(2, t.id());
            s.setString(3, t.description());
            s.setString(4, t.objects());
            s.setString(5, t.project());
            s.setString(6, t.operationClass());
            s.setInt(7, t.startedHere() ? 1 : 0);
            s.setLong(8, t.started().toEpochMilli());
            if (t.ended() == null) {
                s.setNull(9, Types.INTEGER);
            } else {
                s.setLong(9, t.ended().toEpochMilli());
            }
            s.setString(10, t.result().name());
            s.setString(11, t.status());
            s.setString(12, t.error());
            s.setString(13, t.command());
            s.executeUpdate();
        }
    }

    private static TaskRecord recordOf(ResultSet row) throws SQLException {
        long ended = row.getLong(9);
        Instant end = row.wasNull() ? null : Instant.ofEpochMilli(ended);
        TaskRecord.Result result;
        try {
            result = TaskRecord.Result.valueOf(row.getString(10));
        } catch (IllegalArgumentException unknown) {
            result = TaskRecord.Result.UNKNOWN;
        }
        return new TaskRecord(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getInt(7) != 0, Instant.ofEpochMilli(row.getLong(8)), end,
                result, row.getString(11), row.getString(12), row.getString(13));
    }

    private static String where(TaskFilter f, List<Object> args) {
        List<String> terms = new ArrayList<>();
        if (f.text() != null && !f.text().isBlank()) {
            String like = "%" + f.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            terms.add("(description LIKE ? ESCAPE '\\' OR objects LIKE ? ESCAPE '\\' OR remote LIKE ? ESCAPE '\\'"
                    + " OR error LIKE ? ESCAPE '\\' OR command LIKE ? ESCAPE '\\')");
            for (int i = 0; i < 5; i++) {
                args.add(like);
            }
        }
        if (f.remote() != null) {
            terms.add("remote = ?");
            args.add(f.remote());
        }
        if (f.kind() != null) {
            terms.add("description = ?");
            args.add(f.kind());
        }
        if (f.result() != null) {
            terms.add("result = ?");
            args.add(f.result().name());
        }
        if (f.startedHere() != null) {
            terms.add("here = ?");
            args.add(f.startedHere() ? 1 : 0);
        }
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

    private static int bind(PreparedStatement q, List<Object> args) throws SQLException {
        int i = 1;
        for (Object arg : args) {
            q.setObject(i++, arg);
        }
        return i;
    }
}
