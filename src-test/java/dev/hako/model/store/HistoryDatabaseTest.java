package dev.hako.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryDatabaseTest {

    private static final SchemaPart NOTES_V1 = new SchemaPart("notes", List.of(
            List.of("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")));
    private static final SchemaPart NOTES_V2 = new SchemaPart("notes", List.of(
            NOTES_V1.steps().get(0),
            List.of("ALTER TABLE notes ADD COLUMN author TEXT", "UPDATE notes SET author = 'unknown'")));

    @TempDir
    Path directory;

    @Test
    void writesSurviveClosingAndReopening() {
        Path file = directory.resolve("data/hako.db");
        try (HistoryDatabase database = HistoryDatabase.open(file, List.of(NOTES_V1))) {
            database.write(c -> insert(c, "first"));
            database.flush().join();
            assertThat(texts(database)).containsExactly("first");
        }
        try (HistoryDatabase database = HistoryDatabase.open(file, List.of(NOTES_V1))) {
            assertThat(texts(database)).containsExactly("first");
        }
    }

    @Test
    void aNewerStepRunsOnceAndKeepsTheRows() throws Exception {
        Path file = directory.resolve("hako.db");
        try (HistoryDatabase database = HistoryDatabase.open(file, List.of(NOTES_V1))) {
            database.write(c -> insert(c, "kept"));
        }
        try (HistoryDatabase database = HistoryDatabase.open(file, List.of(NOTES_V2))) {
            assertThat(database.<String>read(c -> {
                try (ResultSet row = c.createStatement().executeQuery("SELECT text, author FROM notes")) {
                    row.next();
                    return row.getString(1) + "/" + row.getString(2);
                }
            })).isEqualTo("kept/unknown");
        }
        // Opening again runs no step twice (an ALTER TABLE would fail if it did).
        try (HistoryDatabase database = HistoryDatabase.open(file, List.of(NOTES_V2))) {
            database.awaitOpen();
        }
    }

    @Test
    void aFileFromANewerHakoIsNotTouched() throws Exception {
        Path file = directory.resolve("hako.db");
        try (HistoryDatabase database = HistoryDatabase.open(file, List.of(NOTES_V2))) {
            database.write(c -> insert(c, "newer"));
        }
        byte[] before = Files.readAllBytes(file);
        try (HistoryDatabase database = HistoryDatabase.open(file, List.of(NOTES_V1))) {
            assertThatThrownBy(database::awaitOpen).isInstanceOf(HistoryStoreException.class)
                    .hasMessageContaining("newer Hako");
            database.write(c -> insert(c, "must not land"));
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aDamagedFileIsKeptAsideAndANewOneStarted() throws Exception {
        Path file = directory.resolve("hako.db");
        Files.writeString(file, "this is not a database, it is a shopping list\n".repeat(200));
        try (HistoryDatabase database = HistoryDatabase.open(file, List.of(NOTES_V1))) {
            database.write(c -> insert(c, "fresh"));
            database.flush().join();
            assertThat(texts(database)).containsExactly("fresh");
            Path copy = database.damagedCopy().orElseThrow();
            assertThat(Files.readString(copy)).startsWith("this is not a database");
        }
    }

    @Test
    void aFailedWriteLeavesNothingHalfDone() {
        try (HistoryDatabase database = HistoryDatabase.open(directory.resolve("hako.db"), List.of(NOTES_V1))) {
            database.write(c -> {
                insert(c, "half");
                throw new java.sql.SQLException("second statement refused");
            });
            database.write(c -> insert(c, "whole"));
            database.flush().join();
            assertThat(texts(database)).containsExactly("whole");
        }
    }

    @Test
    void theFileIsTheUsersAlone() throws Exception {
        Path file = directory.resolve("new/hako.db");
        try (HistoryDatabase database = HistoryDatabase.open(file, List.of(NOTES_V1))) {
            database.awaitOpen();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    /** The process is killed (SIGKILL) in the middle of its writes: the file opens and every committed batch is whole. */
    @Test
    void aProcessKilledMidWriteLeavesAFileThatOpensWithItsOlderData() throws Exception {
        Path file = directory.resolve("crash/hako.db");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process writer = new ProcessBuilder(java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                HistoryWriterProbe.class.getName(), file.toString()).redirectErrorStream(true).start();
        int committed = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (committed < 20 && (line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    committed = Integer.parseInt(line.substring("committed ".length()));
                }
            }
            // Killed while its next batches are being written.
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(committed).as("the writer reported its batches").isEqualTo(20);
        try (HistoryDatabase database = HistoryDatabase.open(file, List.of(HistoryWriterProbe.PART))) {
            database.awaitOpen();
            assertThat(database.damagedCopy()).isEmpty();
            int[] counts = database.read(c -> {
                try (ResultSet row = c.createStatement().executeQuery(
                        "SELECT count(*), count(DISTINCT batch), max(batch) FROM probe_rows")) {
                    row.next();
                    return new int[] {row.getInt(1), row.getInt(2), row.getInt(3)};
                }
            });
            assertThat(counts[2]).as("every reported batch is there").isGreaterThanOrEqualTo(20);
            assertThat(counts[1]).as("batches 1..max, none missing").isEqualTo(counts[2]);
            assertThat(counts[0]).as("no batch half written").isEqualTo(counts[1] * HistoryWriterProbe.BATCH);
            assertThat(database.<String>read(c -> {
                try (ResultSet row = c.createStatement().executeQuery("PRAGMA integrity_check")) {
                    row.next();
                    return row.getString(1);
                }
            })).isEqualTo("ok");
        }
    }

    private static void insert(java.sql.Connection connection, String text) throws java.sql.SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notes (text) VALUES (?)")) {
            insert.setString(1, text);
            insert.executeUpdate();
        }
    }

    private static List<String> texts(HistoryDatabase database) {
        return database.read(c -> {
            List<String> texts = new ArrayList<>();
            try (ResultSet rows = c.createStatement().executeQuery("SELECT text FROM notes ORDER BY id")) {
                while (rows.next()) {
                    texts.add(rows.getString(1));
                }
            }
            return texts;
        });
    }
}
