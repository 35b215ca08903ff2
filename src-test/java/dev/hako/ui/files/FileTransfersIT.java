package dev.hako.ui.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hako.lxd.ExplainedException;
import dev.hako.lxd.FileMetadata;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.remote.files.CancelledException;
import dev.hako.remote.files.FileCopies;
import dev.hako.remote.files.InstanceFileOperations;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Host ⇄ instance copies as the Files tab makes them, checked byte for byte against both daemons. */
class FileTransfersIT {

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void roundTripsKeepEveryByte(Daemon daemon) throws Exception {
        Path work = Files.createTempDirectory("hako-files-it");
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = Instances.createRunning(client, "files");
            try {
                client.instances().files().createDirectory(name, "/root/über dir",
                        dev.hako.lxd.InstanceFiles.FileOptions.defaults());
                check(client, name, work, "binary.bin", "/root/über dir/binary.bin", random(300_000, 1));
                check(client, name, work, "empty", "/root/empty file", new byte[0]);
                check(client, name, work, "日本語 名前.txt", "/root/über dir/日本語 名前.txt",
                        "こんにちは\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                Path big = work.resolve("big.bin");
                writeRandom(big, 64L * 1024 * 1024);
                Path back = work.resolve("big.back");
                FileCopies.upload(client, name, big, "/root/big.bin", b -> { }, () -> false);
                FileMetadata meta = FileCopies.download(client, name, "/root/big.bin", back, b -> { },
                        () -> false);
                assertThat(meta.isDirectory()).isFalse();
                assertThat(sha256(back)).isEqualTo(sha256(big));
                assertThat(client.instances().files().info(name, "/root/big.bin").size()).isEqualTo(64L * 1024 * 1024);
                assertThat(leftovers(work)).isEmpty();
            } finally {
                Instances.remove(client, name);
            }
        } finally {
            deleteTree(work);
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void cancelledTransfersLeaveNothingBehind(Daemon daemon) throws Exception {
        Path work = Files.createTempDirectory("hako-files-cancel");
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = Instances.createRunning(client, "cancel");
            try {
                Path big = work.resolve("big.bin");
                writeRandom(big, 32L * 1024 * 1024);
                java.util.concurrent.atomic.AtomicBoolean upload = new java.util.concurrent.atomic.AtomicBoolean();
                assertThatThrownBy(() -> FileCopies.upload(client, name, big, "/root/partial.bin", done -> {
                    if (done > 4 * 1024 * 1024) {
                        upload.set(true);
                    }
                }, upload::get)).isInstanceOf(CancelledException.class);
                assertThatThrownBy(() -> client.instances().files().stat(name, "/root/partial.bin"))
                        .isInstanceOf(NotFoundException.class);

                FileCopies.upload(client, name, big, "/root/whole.bin", b -> { }, () -> false);
                Path target = work.resolve("down.bin");
                java.util.concurrent.atomic.AtomicBoolean download = new java.util.concurrent.atomic.AtomicBoolean();
                assertThatThrownBy(() -> FileCopies.download(client, name, "/root/whole.bin", target, done -> {
                    if (done > 4 * 1024 * 1024) {
                        download.set(true);
                    }
                }, download::get)).isInstanceOf(CancelledException.class);
                assertThat(Files.exists(target)).isFalse();
                assertThat(leftovers(work)).isEmpty();

                // A failed download (no such file) leaves nothing either.
                assertThatThrownBy(() -> FileCopies.download(client, name, "/root/absent", target, b -> { },
                        () -> false)).isInstanceOf(NotFoundException.class);
                assertThat(Files.exists(target)).isFalse();
                assertThat(leftovers(work)).isEmpty();
            } finally {
                Instances.remove(client, name);
            }
        } finally {
            deleteTree(work);
        }
    }

    /** What goes wrong on the host is told with a sentence of the bundles, not an exception's English. */
    @ParameterizedTest
    @EnumSource(Daemon.class)
    void hostSideFailuresAreExplained(Daemon daemon) throws Exception {
        Path work = Files.createTempDirectory("hako-files-local");
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = Instances.createRunning(client, "local");
            try {
                byte[] text = "x".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                client.instances().files().upload(name, "/root/there", new java.io.ByteArrayInputStream(text),
                        text.length, dev.hako.lxd.InstanceFiles.FileOptions.defaults());
                Path nowhere = work.resolve("no such folder").resolve("there");
                assertThatThrownBy(() -> FileCopies.download(client, name, "/root/there", nowhere, b -> { },
                        () -> false)).isInstanceOfSatisfying(ExplainedException.class, e -> {
                            assertThat(e.messageKey()).isEqualTo("files.local.missing");
                            assertThat(e.messageArguments()).containsExactly(nowhere.getParent());
                        });
                Path absent = work.resolve("absent.bin");
                assertThatThrownBy(() -> FileCopies.upload(client, name, absent, "/root/absent.bin", b -> { },
                        () -> false)).isInstanceOfSatisfying(ExplainedException.class,
                                e -> assertThat(e.messageKey()).isEqualTo("files.local.missing"));
                assertThatThrownBy(() -> client.instances().files().stat(name, "/root/absent.bin"))
                        .isInstanceOf(NotFoundException.class);
            } finally {
                Instances.remove(client, name);
            }
        } finally {
            deleteTree(work);
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void modeAndOwnerChangeThroughTheInstancesTools(Daemon daemon) throws Exception {
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = Instances.createRunning(client, "chmod");
            try {
                byte[] text = "x".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                client.instances().files().upload(name, "/root/mode me", new java.io.ByteArrayInputStream(text),
                        text.length, dev.hako.lxd.InstanceFiles.FileOptions.mode(0644));
                InstanceFileOperations.runTool(client, name, "chmod", "0600", "/root/mode me");
                InstanceFileOperations.runTool(client, name, "chown", "1000:2000", "/root/mode me");
                FileMetadata info = client.instances().files().info(name, "/root/mode me");
                assertThat(info.mode()).isEqualTo(0600);
                assertThat(info.uid()).isEqualTo(1000);
                assertThat(info.gid()).isEqualTo(2000);
                assertThatThrownBy(() -> InstanceFileOperations.runTool(client, name, "chmod", "0600", "/root/absent"))
                        .hasMessageContaining("/root/absent");
            } finally {
                Instances.remove(client, name);
            }
        }
    }

    private static void check(LxdClient client, String instance, Path work, String localName, String remote,
                              byte[] content) throws Exception {
        Path source = work.resolve("up-" + localName);
        Files.write(source, content);
        FileCopies.upload(client, instance, source, remote, b -> { }, () -> false);
        Path back = work.resolve("down-" + localName);
        FileCopies.download(client, instance, remote, back, b -> { }, () -> false);
        assertThat(sha256(back)).as(remote).isEqualTo(sha256(source));
        FileMetadata info = client.instances().files().info(instance, remote);
        assertThat(info.size()).as(remote).isEqualTo(content.length);
        assertThat(info.type()).isEqualTo("file");
        assertThat(client.instances().files().list(instance, dev.hako.remote.files.RemotePaths.parent(remote)))
                .contains(remote.substring(remote.lastIndexOf('/') + 1));
    }

    private static Stream<Path> leftoversStream(Path dir) throws IOException {
        return Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".part"));
    }

    private static java.util.List<Path> leftovers(Path dir) throws IOException {
        try (Stream<Path> s = leftoversStream(dir)) {
            return s.toList();
        }
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static void writeRandom(Path file, long size) throws IOException {
        Random random = new Random(size);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long done = 0; done < size; done += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, size - done));
            }
        }
    }

    static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
