package dev.hako.remote.files;

import dev.hako.lxd.ExecSession;
import dev.hako.lxd.ExplainedException;
import dev.hako.lxd.FileMetadata;
import dev.hako.lxd.InstanceFiles;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.api.ExecRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/** {@link FileOperations} against the server of a remote, through its files API and, where it has none, exec. */
public final class InstanceFileOperations implements FileOperations {

    /** Metadata requests of one listing in flight at once: quick for big folders, gentle on the server. */
    static final int LISTING_PARALLELISM = 4;

    private final Supplier<LxdClient> client;
    private final String instance;

    /** {@code client} is asked at each job: the remote may have reconnected since the last one. */
    public InstanceFileOperations(Supplier<LxdClient> client, String instance) {
        this.client = client;
        this.instance = instance;
    }

    @Override
    public String instanceName() {
        return instance;
    }

    private InstanceFiles files() {
        return client.get().instances().files();
    }

    @Override
    public List<FileEntry> list(String directory, Executor fanOut, BooleanSupplier cancelled)
            throws InterruptedException {
        InstanceFiles files = files();
        List<String> names = files.list(instance, directory);
        FileEntry[] entries = new FileEntry[names.size()];
        AtomicInteger next = new AtomicInteger();
        int workers = Math.min(LISTING_PARALLELISM, names.size());
        CountDownLatch finished = new CountDownLatch(workers);
        Runnable worker = () -> {
            try {
                for (int i = next.getAndIncrement(); i < entries.length && !cancelled.getAsBoolean();
                        i = next.getAndIncrement()) {
                    entries[i] = describe(files, directory, names.get(i));
                }
            } finally {
                finished.countDown();
            }
        };
        for (int w = 0; w < workers; w++) {
            fanOut.execute(worker);
        }
        finished.await();
        if (cancelled.getAsBoolean()) {
            throw new InterruptedException("listing of " + directory + " cancelled");
        }
        return Arrays.stream(entries).sorted(Comparator.comparing((FileEntry e) -> e.metadata() == null
                || !e.metadata().isDirectory()).thenComparing(FileEntry::name)).toList();
    }

    private FileEntry describe(InstanceFiles files, String directory, String name) {
        String path = RemotePaths.join(directory, name);
        try {
            return new FileEntry(name, path, files.info(instance, path), null);
        } catch (LxdException e) {
            return new FileEntry(name, path, null, e);
        }
    }

    /**
     * What {@code mkdir} gives under the usual umask. Sent explicitly: without a mode LXD
     * makes 0750 and Incus 0755, so the same click would give different folders.
     */
    static final int NEW_DIRECTORY_MODE = 0755;

    @Override
    public void createDirectory(String path) {
        files().createDirectory(instance, path, InstanceFiles.FileOptions.mode(NEW_DIRECTORY_MODE));
    }

    @Override
    public void delete(String path, BooleanSupplier cancelled) {
        InstanceFiles files = files();
        deleteTree(files, path, cancelled);
    }

    /** Depth first: the server removes a folder only once it is empty. */
    private void deleteTree(InstanceFiles files, String path, BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancelledException();
        }
        if (files.stat(instance, path).isDirectory()) {
            for (String name : files.list(instance, path)) {
                deleteTree(files, RemotePaths.join(path, name), cancelled);
            }
        }
        files.delete(instance, path);
    }

    @Override
    public void rename(String path, String newPath) {
        LxdClient lxd = client.get();
        try {
            lxd.instances().files().stat(instance, newPath);
            throw new ExplainedException(newPath + " already exists", "files.rename.exists", newPath);
        } catch (NotFoundException free) {
            runTool(lxd, instance, "mv", path, newPath);
        }
    }

    @Override
    public void changeOwnership(String path, String mode, int uid, int gid) {
        LxdClient lxd = client.get();
        if (mode != null) {
            runTool(lxd, instance, "chmod", mode, path);
        }
        runTool(lxd, instance, "chown", uid + ":" + gid, path);
    }

    /**
     * Runs chmod, chown or mv inside the instance with two arguments: the files API sets
     * mode and owner only when it creates a file and cannot move one, so only the
     * instance's own tools can. Falls back to busybox's applet where the command is not
     * installed as its own file. The instance must be running.
     */
    public static void runTool(LxdClient client, String instance, String tool, String first, String second) {
        String script = "if command -v " + tool + " >/dev/null 2>&1; then exec " + tool + " \"$1\" \"$2\"; "
                + "elif [ -x /bin/busybox ]; then exec /bin/busybox " + tool + " \"$1\" \"$2\"; "
                + "else exit 127; fi";
        ExecSession session = client.instances().exec(instance,
                ExecRequest.command(List.of("/bin/sh", "-c", script, tool, first, second)));
        ExecSession.Result result = session.collect(null, Duration.ofSeconds(60));
        if (result.exitCode() != 0) {
            String err = result.stderrText().strip();
            String english = tool + " " + first + " " + second + ": ";
            if (!err.isEmpty()) {
                // The instance's own words, verbatim, as a server's are.
                throw new LxdException(english + err, 0, err);
            }
            throw result.exitCode() == 127
                    ? new ExplainedException(english + "not found", "files.tool.missing", tool)
                    : new ExplainedException(english + "exit status " + result.exitCode(), "files.tool.failed", tool,
                    result.exitCode());
        }
    }

    @Override
    public void upload(Path source, String remotePath, LongConsumer progress, BooleanSupplier cancelled) {
        FileCopies.upload(client.get(), instance, source, remotePath, progress, cancelled);
    }

    @Override
    public FileMetadata download(String remotePath, Path target, LongConsumer progress, BooleanSupplier cancelled) {
        return FileCopies.download(client.get(), instance, remotePath, target, progress, cancelled);
    }

    @Override
    public TextFile readText(String path) {
        InstanceFiles files = files();
        FileMetadata metadata = files.info(instance, path);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        files.download(instance, path, bytes);
        try {
            return new TextFile(metadata, StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            throw new ExplainedException(path + " is not UTF-8 text", e, "files.edit.notText", path);
        }
    }

    @Override
    public Optional<FileMetadata> writeText(String path, String text, FileMetadata known, boolean force) {
        InstanceFiles files = files();
        FileMetadata now = files.info(instance, path);
        if (!force && (now.size() != known.size() || !Objects.equals(now.modified(), known.modified()))) {
            return Optional.empty();
        }
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        files.upload(instance, path, new ByteArrayInputStream(content), content.length,
                InstanceFiles.FileOptions.defaults());
        return Optional.of(files.info(instance, path));
    }
}
