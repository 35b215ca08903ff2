package dev.hako.model.store;

import dev.hako.remote.DamagedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hako's one history file: SQLite in write-ahead-log mode, written from one background
 * thread, read from any thread but the FX thread. SQLite was chosen for its record of
 * surviving a process killed mid-write (a transaction is in the file whole or not at all),
 * its single small file and its reader that never blocks the writer.
 *
 * <p>Opening happens on the writer thread, so creating this costs the caller nothing. A file
 * that is not a database, or fails its integrity check, is moved aside (kept, never
 * deleted) and a new one started; {@link #damagedCopy()} says where it went.
 */
public final class HistoryDatabase implements AutoCloseable {

    /** Work done in one transaction on the writer thread. */
    public interface Work {
        void run(Connection connection) throws SQLException;
    }

    /** A read, on the caller's thread, through the reading connection. */
    public interface Query<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final Logger LOG = Logger.getLogger(HistoryDatabase.class.getName());
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;

    private final Path file;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "hako-history-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final Object readLock = new Object();
    private Connection writing;
    private Connection reading;
    private volatile Path damagedCopy;
    private volatile boolean closed;

    private HistoryDatabase(Path file) {
        this.file = file;
    }

    /** Opens (or creates) the file and brings each part's tables up to date, in the background. */
    public static HistoryDatabase open(Path file, List<SchemaPart> parts) {
        HistoryDatabase database = new HistoryDatabase(file);
        database.writer.execute(() -> database.openNow(List.copyOf(parts)));
        return database;
    }

    public Path file() {
        return file;
    }

    /** Where a damaged file found at start was moved, if one was. */
    public Optional<Path> damagedCopy() {
        return Optional.ofNullable(damagedCopy);
    }

    /** Waits until the file is open; throws when it could not be opened. */
    public void awaitOpen() {
        try {
            ready.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof HistoryStoreException e ? e
                    : new HistoryStoreException("cannot open " + file, failed.getCause());
        }
    }

    /** Queues work for the writer thread; a failure rolls the transaction back and is logged. */
    public void write(Work work) {
        try {
            writer.execute(() -> writeNow(work));
        } catch (RejectedExecutionException afterClose) {
            LOG.fine("history closed; a late write is dropped");
        }
    }

    /** Completes once everything queued before it has been written (for tests and shutdown). */
    public CompletableFuture<Void> flush() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            writer.execute(() -> done.complete(null));
        } catch (RejectedExecutionException afterClose) {
            done.complete(null);
        }
        return done;
    }

    /** Reads on the calling thread; never call it on the FX thread. */
    public <T> T read(Query<T> query) {
        awaitOpen();
        synchronized (readLock) {
            try {
                if (reading == null) {
                    reading = connect();
                }
                return query.run(reading);
            } catch (SQLException e) {
                throw new HistoryStoreException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Bytes on disk, the write-ahead log included. */
    public long sizeOnDisk() {
        long size = 0;
        for (Path part : List.of(file, sibling("-wal"))) {
            try {
                size += Files.isRegularFile(part) ? Files.size(part) : 0;
            } catch (IOException gone) {
                // Checkpointed away between the two calls: nothing to count.
            }
        }
        return size;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.execute(this::closeWriting);
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warning("history writes still queued at exit were dropped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (readLock) {
            closeQuietly(reading);
            reading = null;
        }
    }

    private void openNow(List<SchemaPart> parts) {
        try {
            createDirectory(file.getParent());
            try {
                writing = connectAndCheck();
            } catch (SQLException damaged) {
                if (!isDamage(damaged)) {
                    throw damaged;
                }
                moveAside(damaged);
                writing = connectAndCheck();
            }
            restrictFile();
            migrate(writing, parts);
            ready.complete(null);
        } catch (SQLException | IOException | RuntimeException e) {
            closeQuietly(writing);
            writing = null;
            LOG.log(Level.WARNING, "history is off: cannot open " + file, e);
            ready.completeExceptionally(new HistoryStoreException("cannot open " + file + ": " + e.getMessage(), e));
        }
    }

    private Connection connectAndCheck() throws SQLException {
        Connection connection = connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            try (ResultSet check = statement.executeQuery("PRAGMA quick_check")) {
                String verdict = check.next() ? check.getString(1) : "ok";
                if (!"ok".equals(verdict)) {
                    throw new SQLException("integrity check failed: " + verdict, "HY000", SQLITE_CORRUPT);
                }
            }
        } catch (SQLException e) {
            closeQuietly(connection);
            throw e;
        }
        return connection;
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement statement = connection.createStatement()) {
            // NORMAL in WAL mode: a killed process loses nothing committed; only a power cut may lose the last commits.
            statement.execute("PRAGMA synchronous=NORMAL");
            // Another Hako writing the same file waits its turn instead of failing.
            statement.execute("PRAGMA busy_timeout=5000");
        }
        return connection;
    }

    private static boolean isDamage(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
    }

    private void moveAside(SQLException why) throws IOException {
        Path copy = DamagedFile.moveAside(file);
        for (String suffix : List.of("-wal", "-shm")) {
            Path extra = sibling(suffix);
            if (Files.exists(extra)) {
                Files.move(extra, Path.of(copy + suffix), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        damagedCopy = copy;
        LOG.warning("history file " + file + " was damaged (" + why.getMessage() + "); kept as " + copy
                + " and started anew");
    }

    private static void migrate(Connection connection, List<SchemaPart> parts) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_parts (name TEXT PRIMARY KEY, version INTEGER NOT NULL)");
        }
        for (SchemaPart part : parts) {
            int at = versionOf(connection, part.name());
            if (at > part.version()) {
                throw new SQLException("the " + part.name() + " tables were written by a newer Hako (version " + at
                        + "; this one knows " + part.version() + ")");
            }
            if (at == part.version()) {
                continue;
            }
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (List<String> step : part.steps().subList(at, part.version())) {
                    for (String sql : step) {
                        statement.execute(sql);
                    }
                }
                try (PreparedStatement version = connection.prepareStatement(
                        "INSERT OR REPLACE INTO schema_parts (name, version) VALUES (?, ?)")) {
                    version.setString(1, part.name());
                    version.setInt(2, part.version());
                    version.executeUpdate();
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static int versionOf(Connection connection, String part) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT version FROM schema_parts WHERE name = ?")) {
            query.setString(1, part);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        }
    }

    private void writeNow(Work work) {
        if (writing == null) {
            return;
        }
        try {
            writing.setAutoCommit(false);
            try {
                work.run(writing);
                writing.commit();
            } catch (SQLException | RuntimeException e) {
                writing.rollback();
                throw e;
            } finally {
                writing.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "a history write failed and was rolled back", e);
        }
    }

    private void closeWriting() {
        closeQuietly(writing);
        writing = null;
    }

    private static void createDirectory(Path directory) throws IOException {
        if (directory == null || Files.isDirectory(directory)) {
            return;
        }
        Files.createDirectories(directory);
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the profile directory is private already.
        }
    }

    /** Nothing secret is stored, but what ran where is the user's own business. */
    private void restrictFile() throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the profile directory is private already.
        }
    }

    private Path sibling(String suffix) {
        return Path.of(file + suffix);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "closing a history connection", e);
        }
    }
}
