package dev.hako.model.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;

/**
 * Child process for the crash test: writes batches of rows without end, one transaction
 * per batch, and says "committed N" after each, until it is killed.
 */
public final class HistoryWriterProbe {

    static final int BATCH = 500;
    static final SchemaPart PART = new SchemaPart("probe", List.of(
            List.of("CREATE TABLE probe_rows (batch INTEGER NOT NULL, n INTEGER NOT NULL, text TEXT NOT NULL)")));

    private HistoryWriterProbe() {
    }

    public static void main(String[] args) throws Exception {
        HistoryDatabase database = HistoryDatabase.open(Path.of(args[0]), List.of(PART));
        database.awaitOpen();
        String padding = "x".repeat(200);
        for (int batch = 1; ; batch++) {
            int number = batch;
            database.write(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO probe_rows (batch, n, text) VALUES (?, ?, ?)")) {
                    for (int n = 0; n < BATCH; n++) {
                        insert.setInt(1, number);
                        insert.setInt(2, n);
                        insert.setString(3, padding);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            });
            database.flush().join();
            System.out.println("committed " + batch);
            System.out.flush();
        }
    }
}
