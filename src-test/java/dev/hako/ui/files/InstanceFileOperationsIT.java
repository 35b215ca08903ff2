package dev.hako.ui.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hako.lxd.ExplainedException;
import dev.hako.lxd.FileMetadata;
import dev.hako.lxd.InstanceFiles;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.remote.files.FileEntry;
import dev.hako.remote.files.InstanceFileOperations;
import dev.hako.remote.files.TextFile;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Files tab's jobs of several calls against both daemons: listing, deleting trees, renaming, editing. */
class InstanceFileOperationsIT {

    private static void write(LxdClient client, String instance, String path, byte[] content) {
        client.instances().files().upload(instance, path, new ByteArrayInputStream(content), content.length,
                InstanceFiles.FileOptions.defaults());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void listsWithMetadataAFewAtATimeAndStopsWhenCancelled(Daemon daemon) throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = Instances.createStopped(client, "list");
            try {
                InstanceFiles files = client.instances().files();
                files.createDirectory(name, "/root/list", InstanceFiles.FileOptions.defaults());
                for (int i = 0; i < 12; i++) {
                    write(client, name, "/root/list/f" + i + ".txt", new byte[i]);
                }
                files.createDirectory(name, "/root/list/z folder", InstanceFiles.FileOptions.defaults());
                files.createSymlink(name, "/root/list/link", "/root/list/f1.txt", InstanceFiles.FileOptions.defaults());
                InstanceFileOperations operations = new InstanceFileOperations(() -> client, name);
                AtomicInteger workers = new AtomicInteger();

                List<FileEntry> entries = operations.list("/root/list", work -> {
                    workers.incrementAndGet();
                    pool.execute(work);
                }, () -> false);

                assertThat(workers.get()).as("a few at a time, not one thread per entry").isEqualTo(4);
                assertThat(entries).extracting(FileEntry::name).startsWith("z folder").contains("link")
                        .hasSize(14);
                assertThat(entries.get(0).metadata().isDirectory()).isTrue();
                FileEntry five = entries.stream().filter(e -> e.name().equals("f5.txt")).findFirst().orElseThrow();
                assertThat(five.path()).isEqualTo("/root/list/f5.txt");
                assertThat(five.metadata().size()).isEqualTo(5);
                assertThat(five.failure()).isNull();
                assertThat(entries.stream().filter(e -> e.name().equals("link")).findFirst().orElseThrow()
                        .metadata().isSymlink()).isTrue();

                // Cancelled while listing: no result, and the workers stop instead of describing the rest.
                AtomicInteger described = new AtomicInteger();
                assertThatThrownBy(() -> operations.list("/root/list", pool::execute,
                        () -> described.incrementAndGet() > 3)).isInstanceOf(InterruptedException.class);
                assertThatThrownBy(() -> operations.list("/root/absent", pool::execute, () -> false))
                        .isInstanceOf(NotFoundException.class);

                // A new folder is 0755 on both servers (sent without a mode, LXD would make it 0750).
                operations.createDirectory("/root/list/new folder");
                assertThat(files.info(name, "/root/list/new folder").octalMode()).isEqualTo("0755");
            } finally {
                Instances.remove(client, name);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void deletesWholeTreesAndRenamesWithoutReplacing(Daemon daemon) {
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = Instances.createRunning(client, "tree");
            try {
                InstanceFiles files = client.instances().files();
                files.createDirectory(name, "/root/tree", InstanceFiles.FileOptions.defaults());
                files.createDirectory(name, "/root/tree/日本 sub", InstanceFiles.FileOptions.defaults());
                write(client, name, "/root/tree/日本 sub/deep.txt", utf8("deep"));
                write(client, name, "/root/tree/top.txt", utf8("top"));
                files.createSymlink(name, "/root/tree/out", "/root", InstanceFiles.FileOptions.defaults());
                write(client, name, "/root/keep.txt", utf8("keep"));
                InstanceFileOperations operations = new InstanceFileOperations(() -> client, name);

                operations.delete("/root/tree", () -> false);

                assertThatThrownBy(() -> files.stat(name, "/root/tree")).isInstanceOf(NotFoundException.class);
                // The link to /root was removed, not followed.
                assertThat(files.stat(name, "/root/keep.txt").type()).isEqualTo("file");

                operations.rename("/root/keep.txt", "/root/kept ü.txt");
                assertThat(files.list(name, "/root")).contains("kept ü.txt").doesNotContain("keep.txt");
                write(client, name, "/root/other.txt", utf8("other"));
                assertThatThrownBy(() -> operations.rename("/root/other.txt", "/root/kept ü.txt"))
                        .isInstanceOfSatisfying(ExplainedException.class, e -> {
                            assertThat(e.messageKey()).isEqualTo("files.rename.exists");
                            assertThat(e.messageArguments()).containsExactly("/root/kept ü.txt");
                        });
                assertThat(files.info(name, "/root/kept ü.txt").size()).isEqualTo(4);

                operations.changeOwnership("/root/other.txt", "0640", 1000, 2000);
                FileMetadata changed = files.info(name, "/root/other.txt");
                assertThat(changed.octalMode()).isEqualTo("0640");
                assertThat(changed.uid()).isEqualTo(1000);
                assertThat(changed.gid()).isEqualTo(2000);
            } finally {
                Instances.remove(client, name);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void textIsSavedOnlyOverTheVersionThatWasRead(Daemon daemon) {
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = Instances.createStopped(client, "text");
            try {
                write(client, name, "/root/notes.txt", utf8("こんにちは\n"));
                write(client, name, "/root/binary", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
                InstanceFileOperations operations = new InstanceFileOperations(() -> client, name);

                TextFile read = operations.readText("/root/notes.txt");
                assertThat(read.text()).isEqualTo("こんにちは\n");
                assertThatThrownBy(() -> operations.readText("/root/binary"))
                        .isInstanceOfSatisfying(ExplainedException.class,
                                e -> assertThat(e.messageKey()).isEqualTo("files.edit.notText"));

                Optional<FileMetadata> saved = operations.writeText("/root/notes.txt", "mine\n", read.metadata(),
                        false);
                assertThat(saved).isPresent();
                // Someone else writes: a save over the older version is refused, a forced one goes through.
                write(client, name, "/root/notes.txt", utf8("theirs, longer\n"));
                assertThat(operations.writeText("/root/notes.txt", "mine again\n", saved.get(), false)).isEmpty();
                assertThat(operations.readText("/root/notes.txt").text()).isEqualTo("theirs, longer\n");
                assertThat(operations.writeText("/root/notes.txt", "mine again\n", saved.get(), true)).isPresent();
                assertThat(operations.readText("/root/notes.txt").text()).isEqualTo("mine again\n");
            } finally {
                Instances.remove(client, name);
            }
        }
    }
}
