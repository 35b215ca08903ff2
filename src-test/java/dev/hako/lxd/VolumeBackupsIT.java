package dev.hako.lxd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hako.lxd.api.ExecRequest;
import dev.hako.lxd.api.InstanceSource;
import dev.hako.lxd.api.InstanceStatePut;
import dev.hako.lxd.api.InstancesPost;
import dev.hako.lxd.api.StorageVolumesPost;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.NoiseFile;
import dev.hako.testbed.TestBed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Custom storage volume backups on both daemons: create, list, export, import as a new volume, delete. */
class VolumeBackupsIT {

    @TempDir
    Path dir;

    private static final String POOL = TestBed.env("HAKO_TB_POOL");

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void bothServersSayTheySupportVolumeBackups(Daemon daemon) {
        try (LxdClient client = TestBed.connect(daemon)) {
            assertThat(VolumeBackups.supportedBy(client)).isTrue();
            assertThat(client.serverInfo().hasExtension(VolumeBackups.NAME_EXTENSION)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void exportThenImportAsANewVolumeKeepsTheFileContent(Daemon daemon) throws Exception {
        try (LxdClient client = TestBed.connect(daemon)) {
            String volume = TestBed.uniqueName("vol");
            String restored = TestBed.uniqueName("volrest");
            String writer = TestBed.uniqueName("volw");
            String reader = TestBed.uniqueName("volr");
            VolumeBackups backups = VolumeBackups.of(client);
            client.storage().createVolume(POOL, StorageVolumesPost.custom(volume, "filesystem", Map.of()));
            try {
                startWith(client, writer, volume);
                client.instances().files().upload(writer, "/data/marker", new ByteArrayInputStream(
                        "volume content".getBytes(StandardCharsets.UTF_8)), 14, InstanceFiles.FileOptions.defaults());
                backups.create(POOL, volume, "b1", true, false, "gzip", null).awaitSuccess(Instances.OP_TIMEOUT);
                assertThat(backups.list(POOL, volume)).singleElement().satisfies(b -> {
                    assertThat(b.shortName()).isEqualTo("b1");
                    assertThat(b.volumeOnly()).isTrue();
                    assertThat(b.createdAt()).isNotNull();
                });

                Path file = dir.resolve("b1.tar.gz");
                AtomicLong received = new AtomicLong();
                backups.export(POOL, volume, "b1", file, new Transfer(received::set));
                assertThat(received.get()).isEqualTo(Files.size(file)).isPositive();
                assertThat(noPartialFiles()).isTrue();

                AtomicLong sent = new AtomicLong();
                backups.importBackup(file, POOL, restored, new Transfer(sent::set));
                assertThat(sent.get()).isEqualTo(Files.size(file));
                assertThat(client.storage().volume(POOL, "custom", restored).value().name()).isEqualTo(restored);
                startWith(client, reader, restored);
                assertThat(read(client, reader, "/data/marker")).isEqualTo("volume content");

                backups.delete(POOL, volume, "b1").awaitSuccess(Instances.OP_TIMEOUT);
                assertThat(backups.list(POOL, volume)).isEmpty();
            } finally {
                Instances.remove(client, reader);
                Instances.remove(client, writer);
                deleteVolume(client, restored);
                deleteVolume(client, volume);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void aBackupCarriesTheVolumeSnapshotsUnlessVolumeOnly(Daemon daemon) throws Exception {
        try (LxdClient client = TestBed.connect(daemon)) {
            String volume = TestBed.uniqueName("vols");
            String full = TestBed.uniqueName("volfull");
            String bare = TestBed.uniqueName("volbare");
            VolumeBackups backups = VolumeBackups.of(client);
            client.storage().createVolume(POOL, StorageVolumesPost.custom(volume, "filesystem", Map.of()));
            try {
                if (daemon == Daemon.LXD) {
                    TestBed.cli(daemon, "storage", "volume", "snapshot", POOL, volume, "keep");
                } else {
                    TestBed.cli(daemon, "storage", "volume", "snapshot", "create", POOL, volume, "keep");
                }
                backups.create(POOL, volume, "with", false, false, "zstd", null).awaitSuccess(Instances.OP_TIMEOUT);
                backups.create(POOL, volume, "without", true, false, "none", null).awaitSuccess(Instances.OP_TIMEOUT);
                assertThat(backups.list(POOL, volume)).extracting(b -> b.shortName() + ":" + b.volumeOnly())
                        .containsExactlyInAnyOrder("with:false", "without:true");
                Path with = dir.resolve("with.tar.zst");
                Path without = dir.resolve("without.tar");
                backups.export(POOL, volume, "with", with, Transfer.silent());
                backups.export(POOL, volume, "without", without, Transfer.silent());
                backups.importBackup(with, POOL, full, Transfer.silent());
                backups.importBackup(without, POOL, bare, Transfer.silent());
                assertThat(snapshotsOf(daemon, full)).contains("keep");
                assertThat(snapshotsOf(daemon, bare)).doesNotContain("keep");
            } finally {
                deleteVolume(client, full);
                deleteVolume(client, bare);
                deleteVolume(client, volume);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void importOntoTheOtherServerWithTheNameOfTheBackup(Daemon daemon) throws Exception {
        Daemon other = daemon == Daemon.LXD ? Daemon.INCUS : Daemon.LXD;
        try (LxdClient client = TestBed.connect(daemon); LxdClient target = TestBed.connect(other)) {
            String volume = TestBed.uniqueName("volx");
            client.storage().createVolume(POOL, StorageVolumesPost.custom(volume, "filesystem", Map.of()));
            try {
                VolumeBackups.of(client).create(POOL, volume, null, true, false, null, null)
                        .awaitSuccess(Instances.OP_TIMEOUT);
                String name = VolumeBackups.of(client).list(POOL, volume).get(0).shortName();
                Path file = dir.resolve("moved.tar.gz");
                VolumeBackups.of(client).export(POOL, volume, name, file, Transfer.silent());
                VolumeBackups.of(target).importBackup(file, POOL, null, Transfer.silent());
                assertThat(target.storage().volume(POOL, "custom", volume).value().name()).isEqualTo(volume);
            } finally {
                deleteVolume(target, volume);
                deleteVolume(client, volume);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void cancelledExportAndImportLeaveNothingBehind(Daemon daemon) throws Exception {
        Path big = NoiseFile.write(dir.resolve("noise.tar"), 48, 11);
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = TestBed.uniqueName("volcancel");
            List<String> before = customVolumes(client);
            Transfer[] upload = new Transfer[1];
            upload[0] = new Transfer(sent -> {
                if (sent > 8L << 20) {
                    upload[0].cancel();
                }
            });
            assertThatThrownBy(() -> VolumeBackups.of(client).importBackup(big, POOL, name, upload[0]))
                    .isInstanceOf(Transfer.CancelledException.class);
            assertThat(upload[0].bytes()).isLessThan(Files.size(big));
            assertThat(customVolumes(client)).isEqualTo(before).doesNotContain(name);

            // An export cancelled mid-stream leaves neither the file nor its temporary name.
            String volume = TestBed.uniqueName("volce");
            String writer = TestBed.uniqueName("volcw");
            client.storage().createVolume(POOL, StorageVolumesPost.custom(volume, "filesystem", Map.of()));
            try {
                startWith(client, writer, volume);
                client.instances().files().upload(writer, "/data/noise", big, InstanceFiles.FileOptions.defaults());
                VolumeBackups.of(client).create(POOL, volume, "b", true, false, "none", null)
                        .awaitSuccess(Instances.OP_TIMEOUT);
                Transfer[] download = new Transfer[1];
                download[0] = new Transfer(received -> {
                    if (received > 4L << 20) {
                        download[0].cancel();
                    }
                });
                Path target = dir.resolve("never.tar");
                assertThatThrownBy(() -> VolumeBackups.of(client).export(POOL, volume, "b", target, download[0]))
                        .isInstanceOf(Transfer.CancelledException.class);
                assertThat(download[0].bytes()).isLessThan(Files.size(big));
                assertThat(target).doesNotExist();
                assertThat(noPartialFiles()).isTrue();
            } finally {
                Instances.remove(client, writer);
                deleteVolume(client, volume);
            }
        }
    }

    private boolean noPartialFiles() throws Exception {
        try (var left = Files.list(dir)) {
            return left.noneMatch(p -> p.getFileName().toString().endsWith(".part"));
        }
    }

    private static List<String> customVolumes(LxdClient client) {
        return client.storage().volumes(POOL).stream().filter(v -> "custom".equals(v.type()))
                .map(v -> v.name()).sorted().toList();
    }

    private static List<String> snapshotsOf(Daemon daemon, String volume) {
        String out = TestBed.cli(daemon, "query", "/1.0/storage-pools/" + POOL + "/volumes/custom/" + volume
                + "/snapshots");
        return out.lines().map(String::trim).filter(l -> l.startsWith("\"")).map(l -> l.replaceAll("[\",]", ""))
                .map(l -> l.substring(l.lastIndexOf('/') + 1)).toList();
    }

    /** Starts a container that mounts the volume at /data. */
    private static void startWith(LxdClient client, String name, String volume) {
        client.instances().create(new InstancesPost(name, "container", InstanceSource.imageAlias(TestBed.imageAlias()),
                null, null, Map.of("data", Map.of("type", "disk", "pool", POOL, "source", volume, "path", "/data")),
                null, null, null)).awaitSuccess(Instances.OP_TIMEOUT);
        client.instances().changeState(name, InstanceStatePut.start()).awaitSuccess(Instances.OP_TIMEOUT);
    }

    private static String read(LxdClient client, String instance, String path) {
        return client.instances().exec(instance, ExecRequest.command(List.of("cat", path)))
                .collect(null, Instances.OP_TIMEOUT).stdoutText();
    }

    private static void deleteVolume(LxdClient client, String volume) {
        try {
            client.storage().deleteVolume(POOL, "custom", volume);
        } catch (NotFoundException gone) {
            // never made
        }
    }
}
