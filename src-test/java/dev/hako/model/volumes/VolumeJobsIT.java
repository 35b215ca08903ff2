package dev.hako.model.volumes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.api.ExecRequest;
import dev.hako.lxd.api.StoragePoolsPost;
import dev.hako.lxd.api.StorageVolume;
import dev.hako.lxd.api.StorageVolumesPost;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The volume jobs against both daemons: a volume attached to a running container shows a
 * file written inside; rename is refused while a running instance uses it and works once
 * detached; resize sets the size; copy and move to a second dir pool arrive with their
 * content (read back through the file endpoint of a read-only attachment).
 */
class VolumeJobsIT {

    private static final String POOL = "default";

    private static ExecSessionResult exec(LxdClient client, String instance, String... command) {
        var result = client.instances().exec(instance, ExecRequest.command(List.of(command)))
                .collect(null, Duration.ofSeconds(30));
        return new ExecSessionResult(result.exitCode(), result.stdoutText());
    }

    private record ExecSessionResult(int exitCode, String stdout) {
    }

    private static String read(LxdClient client, String instance, String path) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        client.instances().files().download(instance, path, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> customVolumes(LxdClient client, String pool) {
        return client.storage().volumes(pool).stream().filter(v -> "custom".equals(v.type()))
                .map(StorageVolume::name).toList();
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void attachRenameResizeCopyAndMove(Daemon daemon) throws Exception {
        String volume = TestBed.uniqueName("vj");
        String renamed = volume + "r";
        String pool2 = TestBed.uniqueName("vjp");
        try (LxdClient client = TestBed.connect(daemon)) {
            VolumeJobs jobs = new VolumeJobs(client);
            client.storage().createVolume(POOL, StorageVolumesPost.custom(volume, "filesystem", Map.of()));
            client.storage().createPool(new StoragePoolsPost(pool2, "dir", null, Map.of()), null);
            String instance = Instances.createRunning(client, "vj");
            try {
                jobs.attach(instance, new VolumeDisk("data", POOL, volume, "/mnt/data", false));
                assertThat(client.instances().get(instance).value().devices().get("data")).isEqualTo(Map.of(
                        "type", "disk", "pool", POOL, "source", volume, "path", "/mnt/data"));
                assertThat(exec(client, instance, "busybox", "sh", "-c", "echo hako > /mnt/data/hello").exitCode())
                        .isZero();
                assertThat(read(client, instance, "/mnt/data/hello")).isEqualTo("hako\n");
                assertThat(client.storage().volume(POOL, "custom", volume).value().usedBy())
                        .anyMatch(u -> u.contains(instance));

                // The rule the rename form tells before sending: the server refuses it while the instance runs.
                assertThatThrownBy(() -> jobs.rename(POOL, volume, renamed)).isInstanceOf(LxdException.class)
                        .hasMessageContaining("running");
                assertThatThrownBy(() -> jobs.copyOrMove(true, POOL, volume, pool2, volume))
                        .hasMessageContaining("running");

                jobs.detach(instance, "data");
                assertThat(client.instances().get(instance).value().devices()).doesNotContainKey("data");
                jobs.rename(POOL, volume, renamed);
                assertThat(customVolumes(client, POOL)).contains(renamed).doesNotContain(volume);

                jobs.resize(POOL, renamed, "64MiB");
                assertThat(client.storage().volume(POOL, "custom", renamed).value().config())
                        .containsEntry("size", "64MiB");

                jobs.copyOrMove(false, POOL, renamed, pool2, "copied");
                assertThat(customVolumes(client, pool2)).containsExactly("copied");
                assertThat(customVolumes(client, POOL)).contains(renamed);
                jobs.copyOrMove(true, POOL, renamed, pool2, "moved");
                assertThat(customVolumes(client, pool2)).containsExactlyInAnyOrder("copied", "moved");
                assertThat(customVolumes(client, POOL)).doesNotContain(renamed);

                // Both arrived with the file; read-only shows as such inside.
                jobs.attach(instance, new VolumeDisk("copied", pool2, "copied", "/mnt/copied", true));
                jobs.attach(instance, new VolumeDisk("moved", pool2, "moved", "/mnt/moved", false));
                assertThat(client.instances().get(instance).value().devices().get("copied"))
                        .containsEntry("readonly", "true");
                assertThat(read(client, instance, "/mnt/copied/hello")).isEqualTo("hako\n");
                assertThat(read(client, instance, "/mnt/moved/hello")).isEqualTo("hako\n");
                assertThat(exec(client, instance, "busybox", "touch", "/mnt/copied/x").exitCode()).isNotZero();
                assertThat(exec(client, instance, "busybox", "touch", "/mnt/moved/x").exitCode()).isZero();
                assertThat(VolumeDisk.of(client.instances().get(instance).value())).extracting(VolumeDisk::device)
                        .containsExactly("copied", "moved");
            } finally {
                Instances.remove(client, instance);
                for (String[] v : new String[][] {{POOL, volume}, {POOL, renamed}, {pool2, "copied"},
                        {pool2, "moved"}}) {
                    try {
                        client.storage().deleteVolume(v[0], "custom", v[1]);
                    } catch (NotFoundException gone) {
                        // renamed, moved or never made
                    }
                }
                client.storage().deletePool(pool2);
            }
        }
    }
}
