package dev.hako.model.metrics;

import dev.hako.model.store.HistoryDatabase;
import dev.hako.model.store.SchemaPart;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored figures: every reading kept for a day, then averages over 5 minutes for 8 days
 * and over an hour for 31 days; older ones are deleted. Numbers are stored as integers
 * (CPU in hundredths of a percent, bytes and bytes per second whole) in tables without row
 * ids, and each instance is a small integer id instead of its names repeated.
 *
 * <p>Writes go through {@link HistoryDatabase#write} (its one writer thread); reads run on
 * the caller's thread, which is never the FX thread.
 */
public final class MetricHistory {

    /** The most points a query returns: about one per two pixels of a wide chart. */
    public static final int MAX_POINTS = 500;
    static final long RAW_KEEP = 86_400 + 3_600;
    static final long FIVE_MINUTES = 300;
    static final long FIVE_MINUTES_KEEP = 8 * 86_400L;
    static final long HOUR = 3_600;
    static final long HOUR_KEEP = 31 * 86_400L;
    static final long PRUNE_EVERY = 3_600;
    /** The series of a remote's total has this project and instance name. */
    static final String TOTAL = "";

    private static final String COLUMNS = "cpu, mem, rx, tx, dr, dw, du";
    private static final String AVERAGES = "AVG(cpu), AVG(mem), AVG(rx), AVG(tx), AVG(dr), AVG(dw), AVG(du)";

    public static final SchemaPart SCHEMA = new SchemaPart("metrics", List.of(List.of(
            "CREATE TABLE metric_series (id INTEGER PRIMARY KEY, remote TEXT NOT NULL, project TEXT NOT NULL, "
                    + "instance TEXT NOT NULL, UNIQUE (remote, project, instance))",
            table("metric_raw"), table("metric_5m"), table("metric_1h"))));

    private static String table(String name) {
        return "CREATE TABLE " + name + " (series INTEGER NOT NULL, t INTEGER NOT NULL, cpu INTEGER, mem INTEGER, "
                + "rx INTEGER, tx INTEGER, dr INTEGER, dw INTEGER, du INTEGER, PRIMARY KEY (series, t)) WITHOUT ROWID";
    }

    private final HistoryDatabase database;
    /** Writer thread only: ids of the series seen, so that a reading costs no look-up. */
    private final Map<String, Long> ids = new HashMap<>();
    private long prunedAt;

    public MetricHistory(HistoryDatabase database) {
        this.database = database;
    }

    public HistoryDatabase database() {
        return database;
    }

    /**
     * Queues one reading of a remote: a point per running instance (keyed "project/name")
     * and the remote's total, then brings the averages of the current 5 minutes and hour up
     * to date and, once an hour, deletes what is past keeping.
     */
    public void record(String remote, long time, Map<String, MetricPoint> instances, MetricPoint total) {
        Map<String, MetricPoint> points = Map.copyOf(instances);
        database.write(connection -> {
            List<Long> series = new ArrayList<>(points.size() + 1);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR REPLACE INTO metric_raw (series, t, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                long totalId = seriesId(connection, remote, TOTAL, TOTAL);
                series.add(totalId);
                bind(insert, totalId, time, total);
                insert.addBatch();
                for (var entry : points.entrySet()) {
                    String key = entry.getKey();
                    int slash = key.indexOf('/');
                    long id = seriesId(connection, remote, key.substring(0, slash), key.substring(slash + 1));
                    series.add(id);
                    bind(insert, id, time, entry.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            String in = inList(series);
            long fiveMinutes = time - Math.floorMod(time, FIVE_MINUTES);
            rollUp(connection, "metric_5m", "metric_raw", fiveMinutes, FIVE_MINUTES, in);
            rollUp(connection, "metric_1h", "metric_5m", time - Math.floorMod(time, HOUR), HOUR, in);
            if (time - prunedAt >= PRUNE_EVERY) {
                prune(connection, time);
                prunedAt = time;
            }
        });
    }

    private static String inList(List<Long> ids) {
        StringBuilder in = new StringBuilder("(");
        for (int i = 0; i < ids.size(); i++) {
            in.append(i == 0 ? "" : ",").append(ids.get(i));
        }
        return in.append(')').toString();
    }

    /** The average of {@code from}'s rows in the bucket starting at {@code start}, as one row of {@code into}. */
    private static void rollUp(Connection connection, String into, String from, long start, long length, String in)
            throws SQLException {
        try (PreparedStatement roll = connection.prepareStatement("INSERT OR REPLACE INTO " + into
                + " (series, t, " + COLUMNS + ") SELECT series, ?, " + AVERAGES + " FROM " + from
                + " WHERE series IN " + in + " AND t >= ? AND t < ? GROUP BY series")) {
            roll.setLong(1, start);
            roll.setLong(2, start);
            roll.setLong(3, start + length);
            roll.executeUpdate();
        }
    }

    private static void prune(Connection connection, long now) throws SQLException {
        for (var table : List.of(Map.entry("metric_raw", RAW_KEEP), Map.entry("metric_5m", FIVE_MINUTES_KEEP),
                Map.entry("metric_1h", HOUR_KEEP))) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table.getKey()
                    + " WHERE t < ?")) {
                delete.setLong(1, now - table.getValue());
                delete.executeUpdate();
            }
        }
    }

    private long seriesId(Connection connection, String remote, String project, String instance) throws SQLException {
        String key = remote + "\n" + project + "\n" + instance;
        Long known = ids.get(key);
        if (known != null) {
            return known;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT OR IGNORE INTO metric_series (remote, project, instance) VALUES (?, ?, ?)")) {
            insert.setString(1, remote);
            insert.setString(2, project);
            insert.setString(3, instance);
            insert.executeUpdate();
        }
        Long id = lookUp(connection, remote, project, instance);
        ids.put(key, id);
        return id;
    }

    private static Long lookUp(Connection connection, String remote, String project, String instance)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id FROM metric_series WHERE remote = ? AND project = ? AND instance = ?")) {
            query.setString(1, remote);
            query.setString(2, project);
            query.setString(3, instance);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : null;
            }
        }
    }

    private static void bind(PreparedStatement insert, long series, long time, MetricPoint p) throws SQLException {
        insert.setLong(1, series);
        insert.setLong(2, time);
        double[] values = {p.cpuPercent() * 100, p.memoryBytes(), p.rxPerSecond(), p.txPerSecond(),
                p.diskReadPerSecond(), p.diskWrittenPerSecond(), p.diskUsedBytes()};
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i]) || Double.isInfinite(values[i])) {
                insert.setNull(3 + i, Types.INTEGER);
            } else {
                insert.setLong(3 + i, Math.round(values[i]));
            }
        }
    }

    /** One instance's history. Blocking; never on the FX thread. */
    public MetricSeries instance(String remote, String project, String instance, MetricRange range, long now) {
        return query(remote, project == null || project.isEmpty() ? "default" : project, instance, range, now);
    }

    /** The remote's total (the sum over its running instances). Blocking; never on the FX thread. */
    public MetricSeries total(String remote, MetricRange range, long now) {
        return query(remote, TOTAL, TOTAL, range, now);
    }

    private MetricSeries query(String remote, String project, String instance, MetricRange range, long now) {
        long from = now - range.seconds();
        String table = range.seconds() <= 86_400 ? "metric_raw"
                : range.seconds() <= 7 * 86_400L ? "metric_5m" : "metric_1h";
        // Whole multiples of the table's own step, so that every point averages as many rows.
        long own = table.equals("metric_raw") ? 1 : table.equals("metric_5m") ? FIVE_MINUTES : HOUR;
        long least = (range.seconds() + MAX_POINTS - 1) / MAX_POINTS;
        long step = Math.max(own, (least + own - 1) / own * own);
        List<MetricPoint> points = database.read(connection -> {
            Long id = lookUp(connection, remote, project, instance);
            List<MetricPoint> found = new ArrayList<>();
            if (id == null) {
                return found;
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT MIN(t), " + AVERAGES + " FROM "
                    + table + " WHERE series = ? AND t > ? AND t <= ? GROUP BY t / ? ORDER BY 1")) {
                query.setLong(1, id);
                query.setLong(2, from);
                query.setLong(3, now);
                query.setLong(4, step);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        found.add(new MetricPoint(row.getLong(1), value(row, 2) / 100, value(row, 3), value(row, 4),
                                value(row, 5), value(row, 6), value(row, 7), value(row, 8)));
                    }
                }
            }
            return found;
        });
        return new MetricSeries(range, from, now, step, points);
    }

    private static double value(ResultSet row, int column) throws SQLException {
        double v = row.getDouble(column);
        return row.wasNull() ? Double.NaN : v;
    }

    /** Rows per table, for tests and the benchmark. */
    public Map<String, Long> rowCounts() {
        return database.read(connection -> {
            Map<String, Long> counts = new HashMap<>();
            try (Statement statement = connection.createStatement()) {
                for (String t : List.of("metric_series", "metric_raw", "metric_5m", "metric_1h")) {
                    try (ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + t)) {
                        counts.put(t, row.next() ? row.getLong(1) : 0);
                    }
                }
            }
            return counts;
        });
    }
}
