package dev.hako.lxd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hako.lxd.api.ExecRequest;
import dev.hako.lxd.api.Image;
import dev.hako.lxd.api.InstanceStatePut;
import dev.hako.lxd.api.InstancesPost;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.ImageVariants;
import dev.hako.testbed.Instances;
import dev.hako.testbed.NoiseFile;
import dev.hako.testbed.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ImageTransfersIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void unifiedImportExportRoundTripKeepsTheFingerprint(Daemon daemon) throws Exception {
        Path tarball = ImageVariants.unified(dir);
        String expected = ImageTransfers.sha256Of(List.of(tarball));
        String alias = TestBed.uniqueName("imp");
        try (LxdClient client = TestBed.connect(daemon)) {
            AtomicLong seen = new AtomicLong();
            String fp = ImageTransfers.of(client).importImage(tarball, null,
                    new ImageTransfers.ImageOptions(true, List.of(alias), Map.of("purpose", "round trip")),
                    new Transfer(seen::set));
            try {
                assertThat(fp).isEqualTo(expected);
                assertThat(seen.get()).isEqualTo(Files.size(tarball));
                Image image = client.images().get(fp).value();
                assertThat(image.isPublic()).isTrue();
                assertThat(image.properties()).containsEntry("purpose", "round trip");
                assertThat(client.images().alias(alias).value().target()).isEqualTo(fp);

                AtomicLong received = new AtomicLong();
                Path out = dir.resolve("exported.tar.gz");
                List<Path> files = ImageTransfers.of(client).export(fp, out, new Transfer(received::set));
                assertThat(files).containsExactly(out);
                assertThat(ImageTransfers.sha256Of(files)).isEqualTo(fp);
                assertThat(received.get()).isEqualTo(Files.size(out));
                try (var left = Files.list(dir)) {
                    assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
                }
            } finally {
                client.images().delete(fp).awaitSuccess(Instances.OP_TIMEOUT);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void splitImportExportRoundTripKeepsTheFingerprint(Daemon daemon) throws Exception {
        List<Path> parts = ImageVariants.split(dir);
        String expected = ImageTransfers.sha256Of(parts);
        try (LxdClient client = TestBed.connect(daemon)) {
            String fp = ImageTransfers.of(client).importImage(parts.get(0), parts.get(1),
                    ImageTransfers.ImageOptions.defaults(), Transfer.silent());
            try {
                assertThat(fp).isEqualTo(expected);
                Path out = Files.createDirectories(dir.resolve("out")).resolve("split");
                List<Path> files = ImageTransfers.of(client).export(fp, out, Transfer.silent());
                assertThat(files).containsExactly(out, out.resolveSibling("split.root"));
                assertThat(ImageTransfers.sha256Of(files)).isEqualTo(fp);
                // And the exported pair imports again as the same image (on the other daemon too).
                Daemon other = daemon == Daemon.LXD ? Daemon.INCUS : Daemon.LXD;
                try (LxdClient second = TestBed.connect(other)) {
                    String again = ImageTransfers.of(second).importImage(files.get(0), files.get(1),
                            ImageTransfers.ImageOptions.defaults(), Transfer.silent());
                    assertThat(again).isEqualTo(fp);
                    second.images().delete(again).awaitSuccess(Instances.OP_TIMEOUT);
                }
            } finally {
                client.images().delete(fp).awaitSuccess(Instances.OP_TIMEOUT);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void copyToTheOtherServerKeepsFingerprintPropertiesAndAliases(Daemon daemon) throws Exception {
        Path tarball = ImageVariants.unified(dir);
        String alias = TestBed.uniqueName("copied");
        Daemon other = daemon == Daemon.LXD ? Daemon.INCUS : Daemon.LXD;
        try (LxdClient source = TestBed.connect(daemon); LxdClient target = TestBed.connect(other)) {
            String fp = ImageTransfers.of(source).importImage(tarball, null,
                    new ImageTransfers.ImageOptions(false, List.of(alias), Map.of("stage", "copied")),
                    Transfer.silent());
            try {
                AtomicLong moved = new AtomicLong();
                String copied = ImageTransfers.of(source).copyTo(target, fp, List.of(alias), new Transfer(moved::set));
                assertThat(copied).isEqualTo(fp);
                assertThat(moved.get()).isEqualTo(2 * Files.size(tarball));
                assertThat(target.images().get(fp).value().properties()).containsEntry("stage", "copied");
                assertThat(target.images().alias(alias).value().target()).isEqualTo(fp);
                // Copying again only makes sure of the aliases.
                assertThat(ImageTransfers.of(source).copyTo(target, fp, List.of(alias), Transfer.silent()))
                        .isEqualTo(fp);
            } finally {
                source.images().delete(fp).awaitSuccess(Instances.OP_TIMEOUT);
                try {
                    target.images().delete(fp).awaitSuccess(Instances.OP_TIMEOUT);
                } catch (NotFoundException never) {
                    // not copied
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void copyWithAutoUpdateHasTheTargetPullAndFollowTheSource(Daemon daemon) throws Exception {
        Path tarball = ImageVariants.unified(dir);
        String alias = TestBed.uniqueName("followed");
        Daemon other = daemon == Daemon.LXD ? Daemon.INCUS : Daemon.LXD;
        try (LxdClient source = TestBed.connect(daemon); LxdClient target = TestBed.connect(other)) {
            String fp = ImageTransfers.of(source).importImage(tarball, null,
                    new ImageTransfers.ImageOptions(true, List.of(alias), Map.of("stage", "followed")),
                    Transfer.silent());
            try {
                assertThat(ImageTransfers.of(source).copyTo(target, fp, List.of(alias), true, Transfer.silent()))
                        .isEqualTo(fp);
                Image copy = target.images().get(fp).value();
                assertThat(copy.autoUpdate()).isTrue();
                assertThat(copy.isPublic()).isTrue();
                assertThat(copy.properties()).containsEntry("stage", "followed");
                assertThat(copy.updateSource()).isNotNull();
                assertThat(copy.updateSource().server()).isEqualTo("https://" + TestBed.httpsAddress(daemon));
                assertThat(copy.updateSource().alias()).isEqualTo(alias);
                assertThat(target.images().alias(alias).value().target()).isEqualTo(fp);
            } finally {
                source.images().delete(fp).awaitSuccess(Instances.OP_TIMEOUT);
                try {
                    target.images().delete(fp).awaitSuccess(Instances.OP_TIMEOUT);
                } catch (NotFoundException never) {
                    // not copied
                }
            }
            // A private image cannot be followed: nothing is sent.
            String hidden = ImageTransfers.of(source).importImage(ImageVariants.unified(dir), null,
                    ImageTransfers.ImageOptions.defaults(), Transfer.silent());
            try {
                assertThatThrownBy(() -> ImageTransfers.of(source).copyTo(target, hidden, List.of(), true,
                        Transfer.silent())).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> target.images().get(hidden)).isInstanceOf(NotFoundException.class);
            } finally {
                source.images().delete(hidden).awaitSuccess(Instances.OP_TIMEOUT);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void cancelMidUploadLeavesNoImage(Daemon daemon) throws Exception {
        Path big = NoiseFile.write(dir.resolve("noise.tar"), 48, 7);
        try (LxdClient client = TestBed.connect(daemon)) {
            int before = client.images().list().size();
            Transfer[] holder = new Transfer[1];
            holder[0] = new Transfer(sent -> {
                if (sent > 8L << 20) {
                    holder[0].cancel();
                }
            });
            assertThatThrownBy(() -> ImageTransfers.of(client).importImage(big, null,
                    ImageTransfers.ImageOptions.defaults(), holder[0]))
                    .isInstanceOf(Transfer.CancelledException.class);
            assertThat(holder[0].bytes()).isLessThan(Files.size(big));
            assertThat(client.images().list()).hasSize(before);
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void publishASnapshotThenLaunchFromIt(Daemon daemon) throws Exception {
        try (LxdClient client = TestBed.connect(daemon)) {
            String source = Instances.createRunning(client, "pub");
            String copy = TestBed.uniqueName("frompub");
            String alias = TestBed.uniqueName("published");
            String fp = null;
            try {
                write(client, source, "/root/marker", "published content");
                client.instances().createSnapshot(source, new dev.hako.lxd.api.InstanceSnapshotsPost("s1", false, null))
                        .awaitSuccess(Instances.OP_TIMEOUT);
                fp = ImageTransfers.of(client).publish(source + "/s1",
                        new ImageTransfers.ImageOptions(false, List.of(alias), Map.of("os", "busybox")),
                        Transfer.silent());
                assertThat(client.images().alias(alias).value().target()).isEqualTo(fp);
                assertThat(client.images().get(fp).value().properties()).containsEntry("os", "busybox");
                client.instances().create(InstancesPost.fromImage(copy, alias, false)).awaitSuccess(Instances.OP_TIMEOUT);
                client.instances().changeState(copy, InstanceStatePut.start()).awaitSuccess(Instances.OP_TIMEOUT);
                assertThat(read(client, copy, "/root/marker")).isEqualTo("published content");
            } finally {
                Instances.remove(client, copy);
                Instances.remove(client, source);
                if (fp != null) {
                    client.images().delete(fp).awaitSuccess(Instances.OP_TIMEOUT);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void backupExportThenImportAsANewInstance(Daemon daemon) throws Exception {
        try (LxdClient client = TestBed.connect(daemon)) {
            String source = Instances.createRunning(client, "bk");
            String restored = TestBed.uniqueName("restored");
            InstanceBackups backups = InstanceBackups.of(client);
            try {
                write(client, source, "/root/marker", "backed up content");
                backups.create(source, "b1", false, false, "gzip", null).awaitSuccess(Instances.OP_TIMEOUT);
                assertThat(backups.list(source)).extracting(b -> b.shortName()).containsExactly("b1");
                Path file = dir.resolve("b1.tar.gz");
                AtomicLong received = new AtomicLong();
                backups.export(source, "b1", file, new Transfer(received::set));
                assertThat(received.get()).isEqualTo(Files.size(file)).isPositive();

                AtomicLong sent = new AtomicLong();
                backups.importBackup(file, TestBed.env("HAKO_TB_POOL"), restored, new Transfer(sent::set));
                assertThat(sent.get()).isEqualTo(Files.size(file));
                client.instances().changeState(restored, InstanceStatePut.start()).awaitSuccess(Instances.OP_TIMEOUT);
                assertThat(read(client, restored, "/root/marker")).isEqualTo("backed up content");

                backups.delete(source, "b1").awaitSuccess(Instances.OP_TIMEOUT);
                assertThat(backups.list(source)).isEmpty();
            } finally {
                Instances.remove(client, restored);
                Instances.remove(client, source);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void backupsCarryTheirSnapshotsUnlessInstanceOnly(Daemon daemon) throws Exception {
        try (LxdClient client = TestBed.connect(daemon)) {
            String source = Instances.createStopped(client, "bks");
            String full = TestBed.uniqueName("full");
            String bare = TestBed.uniqueName("bare");
            InstanceBackups backups = InstanceBackups.of(client);
            try {
                client.instances().createSnapshot(source, new dev.hako.lxd.api.InstanceSnapshotsPost("keep", false,
                        null)).awaitSuccess(Instances.OP_TIMEOUT);
                backups.create(source, "with", false, false, "zstd", null).awaitSuccess(Instances.OP_TIMEOUT);
                backups.create(source, "without", true, false, "none", null).awaitSuccess(Instances.OP_TIMEOUT);
                assertThat(backups.list(source)).extracting(b -> b.shortName() + ":" + b.instanceOnly())
                        .containsExactlyInAnyOrder("with:false", "without:true");
                Path with = dir.resolve("with.tar.zst");
                Path without = dir.resolve("without.tar");
                backups.export(source, "with", with, Transfer.silent());
                backups.export(source, "without", without, Transfer.silent());
                String pool = TestBed.env("HAKO_TB_POOL");
                backups.importBackup(with, pool, full, Transfer.silent());
                backups.importBackup(without, pool, bare, Transfer.silent());
                assertThat(client.instances().snapshots(full)).extracting(s -> s.name()).containsExactly("keep");
                assertThat(client.instances().snapshots(bare)).isEmpty();
            } finally {
                Instances.remove(client, full);
                Instances.remove(client, bare);
                Instances.remove(client, source);
            }
        }
    }

    private static void write(LxdClient client, String instance, String path, String text) {
        client.instances().files().upload(instance, path,
                new java.io.ByteArrayInputStream(text.getBytes()), text.length(), InstanceFiles.FileOptions.defaults());
    }

    private static String read(LxdClient client, String instance, String path) {
        ExecSession.Result r = client.instances().exec(instance, ExecRequest.command(List.of("cat", path)))
                .collect(null, Instances.OP_TIMEOUT);
        return r.stdoutText();
    }

}
