package dev.hako.ui.files;

import dev.hako.lxd.FileMetadata;
import dev.hako.lxd.NotFoundException;
import dev.hako.remote.files.CancelledException;
import dev.hako.remote.files.FileEntry;
import dev.hako.remote.files.FileOperations;
import dev.hako.remote.files.TextFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * An instance's file system in memory, for view-model tests: paths to contents (null for
 * a folder), failures to throw per path, and hooks that run while a job is under way.
 */
final class FakeFileOperations implements FileOperations {

    final TreeMap<String, String> tree = new TreeMap<>();
    final Map<String, RuntimeException> failures = new HashMap<>();
    final Map<String, Runnable> whileListing = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    /** Called with the bytes done after each chunk of a copy. */
    Consumer<Long> duringCopy = bytes -> { };
    int copyChunks = 4;

    FakeFileOperations folder(String path) {
        tree.put(path, null);
        return this;
    }

    FakeFileOperations file(String path, String content) {
        tree.put(path, content);
        return this;
    }

    private void failIfAsked(String path) {
        RuntimeException failure = failures.get(path);
        if (failure != null) {
            throw failure;
        }
    }

    private FileMetadata metadata(String path) {
        if (!tree.containsKey(path)) {
            throw new NotFoundException("not found: " + path, 404, "not found");
        }
        String content = tree.get(path);
        return content == null ? new FileMetadata("directory", 0, 0, 0755, -1, "t0")
                : new FileMetadata("file", 0, 0, 0644, content.length(), "t" + content.hashCode());
    }

    private List<String> children(String directory) {
        String prefix = directory.endsWith("/") ? directory : directory + "/";
        return tree.keySet().stream().filter(p -> p.startsWith(prefix) && p.length() > prefix.length()
                && p.indexOf('/', prefix.length()) < 0).toList();
    }

    @Override
    public String instanceName() {
        return "fake";
    }

    @Override
    public List<FileEntry> list(String directory, Executor fanOut, BooleanSupplier cancelled) {
        calls.add("list " + directory);
        Runnable hook = whileListing.remove(directory);
        if (hook != null) {
            hook.run();
        }
        failIfAsked(directory);
        metadata(directory);
        return children(directory).stream().map(p -> new FileEntry(p.substring(p.lastIndexOf('/') + 1), p,
                metadata(p), null)).sorted(Comparator.comparing((FileEntry e) -> !e.metadata().isDirectory())
                .thenComparing(FileEntry::name)).toList();
    }

    @Override
    public void createDirectory(String path) {
        calls.add("mkdir " + path);
        failIfAsked(path);
        tree.put(path, null);
    }

    @Override
    public void delete(String path, BooleanSupplier cancelled) {
        calls.add("delete " + path);
        failIfAsked(path);
        children(path).forEach(child -> delete(child, cancelled));
        tree.remove(path);
    }

    @Override
    public void rename(String path, String newPath) {
        calls.add("rename " + path + " " + newPath);
        failIfAsked(path);
        tree.put(newPath, tree.remove(path));
    }

    @Override
    public void changeOwnership(String path, String mode, int uid, int gid) {
        calls.add("own " + path + " " + mode + " " + uid + ":" + gid);
        failIfAsked(path);
    }

    private void copy(long size, LongConsumer progress, BooleanSupplier cancelled) {
        for (int chunk = 1; chunk <= copyChunks; chunk++) {
            if (cancelled.getAsBoolean()) {
                throw new CancelledException();
            }
            long done = size * chunk / copyChunks;
            progress.accept(done);
            duringCopy.accept(done);
        }
        if (cancelled.getAsBoolean()) {
            throw new CancelledException();
        }
    }

    @Override
    public void upload(Path source, String remotePath, LongConsumer progress, BooleanSupplier cancelled) {
        calls.add("upload " + source.getFileName() + " " + remotePath);
        failIfAsked(remotePath);
        copy(100, progress, cancelled);
        tree.put(remotePath, "uploaded");
    }

    @Override
    public FileMetadata download(String remotePath, Path target, LongConsumer progress, BooleanSupplier cancelled) {
        calls.add("download " + remotePath);
        failIfAsked(remotePath);
        FileMetadata metadata = metadata(remotePath);
        copy(metadata.size(), progress, cancelled);
        try {
            Files.writeString(target, tree.get(remotePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return metadata;
    }

    @Override
    public TextFile readText(String path) {
        calls.add("read " + path);
        failIfAsked(path);
        return new TextFile(metadata(path), tree.get(path));
    }

    @Override
    public Optional<FileMetadata> writeText(String path, String text, FileMetadata known, boolean force) {
        calls.add("write " + path + (force ? " forced" : ""));
        failIfAsked(path);
        if (!force && !metadata(path).equals(known)) {
            return Optional.empty();
        }
        tree.put(path, text);
        return Optional.of(metadata(path));
    }
}
