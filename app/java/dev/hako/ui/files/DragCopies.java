package dev.hako.ui.files;

import dev.hako.remote.files.FileOperations;
import dev.hako.remote.files.LocalFileFailures;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.TaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Host copies of small files, fetched when they are selected so that a drag out of the
 * table can start at once (the desktop takes files only, and only ones that exist when
 * the drag starts). Each copy lives in a folder of its own under one temporary folder,
 * under the file's own name. UI thread, except the fetching itself.
 */
final class DragCopies {

    /** Files up to this size are fetched ahead when selected, so that they can be dragged out. */
    static final long LIMIT = 16L * 1024 * 1024;

    private final FileOperations files;
    private final TaskExecutor tasks;
    private final Map<String, Path> ready = new HashMap<>();
    private final Set<String> fetching = new HashSet<>();
    private final Object rootLock = new Object();
    private Path root;

    DragCopies(FileOperations files, TaskExecutor tasks) {
        this.files = files;
        this.tasks = tasks;
    }

    static boolean fits(FileRow row) {
        return row != null && row.isFile() && row.metadata().size() <= LIMIT;
    }

    /** Starts fetching {@code row} unless it is too big, fetched or on its way. */
    void prefetch(FileRow row) {
        if (!fits(row)) {
            return;
        }
        String key = key(row);
        if (ready.containsKey(key) || !fetching.add(key)) {
            return;
        }
        tasks.execute(BackgroundTask.of(progress -> fetch(row))
                .onSuccess(copy -> ready.put(key, copy))
                .onFinished(() -> fetching.remove(key)));
    }

    private Path fetch(FileRow row) {
        Path holder;
        synchronized (rootLock) {
            try {
                if (root == null) {
                    root = Files.createTempDirectory("hako-drag");
                    root.toFile().deleteOnExit();
                }
                holder = Files.createTempDirectory(root, "f");
            } catch (IOException e) {
                throw LocalFileFailures.of(LocalFileFailures.Action.WRITE_IN, root == null
                        ? Path.of(System.getProperty("java.io.tmpdir")) : root, e);
            }
        }
        holder.toFile().deleteOnExit();
        // The download is renamed into place only when whole: a failed fetch leaves nothing to drag.
        Path target = holder.resolve(row.name());
        files.download(row.path(), target, bytes -> { }, () -> false);
        target.toFile().deleteOnExit();
        return target;
    }

    /** The host copy of {@code row} when it has been fetched (and is still there), else null. */
    Path copyOf(FileRow row) {
        Path copy = row == null || row.metadata() == null ? null : ready.get(key(row));
        return copy != null && Files.exists(copy) ? copy : null;
    }

    /** What a drag carries: the copies ready, and the key of a note on those left out (or null). */
    record Drag(List<Path> ready, String noteKey) {
    }

    /** The copies of the files among {@code rows} that are ready; those that fit but are not are fetched now. */
    Drag collect(List<FileRow> rows) {
        List<Path> copies = new ArrayList<>();
        boolean tooBig = false;
        boolean notReady = false;
        for (FileRow row : rows) {
            if (!row.isFile()) {
                continue;
            }
            Path copy = copyOf(row);
            if (copy != null) {
                copies.add(copy);
            } else if (!fits(row)) {
                tooBig = true;
            } else {
                notReady = true;
                prefetch(row);
            }
        }
        return new Drag(copies, tooBig ? "files.drag.tooBig" : notReady ? "files.drag.notReady" : null);
    }

    /** Forgets every copy and removes them from the disk in the background. */
    void clear() {
        List<Path> copies = List.copyOf(ready.values());
        ready.clear();
        tasks.runInBackground(() -> copies.forEach(p -> {
            p.toFile().delete();
            p.getParent().toFile().delete();
        }));
    }

    /** A file changed on the server is fetched again. */
    private static String key(FileRow row) {
        return row.path() + "|" + row.metadata().modified() + "|" + row.metadata().size();
    }
}
