package dev.hako.ui.wizard.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.ProfilesPost;
import dev.hako.lxd.api.StoragePool;
import dev.hako.lxd.api.StorageVolumesPost;
import dev.hako.model.pool.PoolCreation;
import dev.hako.model.pool.PoolRequest;
import dev.hako.model.pool.PoolUsage;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pool creation with a profile, its rollback when the profile step is refused, and deletion with used-by. */
class PoolCreationIT {

    private static boolean poolExists(LxdClient client, String name) {
        return client.storage().pools().stream().map(StoragePool::name).anyMatch(name::equals);
    }

    private static Path freshSource(String pool) throws Exception {
        Path dir = Path.of(TestBed.env("HAKO_TB_DIR"), "pools", pool);
        Files.createDirectories(dir);
        return dir;
    }

    private static void quietly(Runnable cleanup) {
        try {
            cleanup.run();
        } catch (RuntimeException gone) {
            // already removed by the test
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void newProfileGetsTheRootDiskAndDeletionClearsIt(Daemon daemon) throws Exception {
        String pool = TestBed.uniqueName("wzpool");
        String profile = TestBed.uniqueName("wzprof");
        try (LxdClient client = TestBed.connect(daemon)) {
            try {
                PoolCreation.run(client, PoolRequest.build(pool, "dir", "test",
                        Map.of("source", freshSource(pool).toString())), profile, true);
                assertThat(client.profiles().get(profile).value().devices().get("root"))
                        .isEqualTo(Map.of("type", "disk", "path", "/", "pool", pool));
                client.storage().createVolume(pool, StorageVolumesPost.custom("vol1", "filesystem", Map.of()));
                PoolUsage usage = PoolUsage.of(pool, client.storage().pool(pool).value().usedBy());
                assertThat(usage.profiles()).containsExactly(profile);
                assertThat(usage.volumes()).containsExactly("vol1");
                assertThat(usage.blocked()).isFalse();
                PoolUsage.clearAndDelete(client, pool, usage.profiles(), usage.volumes());
                assertThat(poolExists(client, pool)).isFalse();
                assertThat(client.profiles().get(profile).value().devices()).doesNotContainKey("root");
            } finally {
                quietly(() -> client.profiles().delete(profile));
                quietly(() -> client.storage().deleteVolume(pool, "custom", "vol1"));
                quietly(() -> client.storage().deletePool(pool));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void aRefusedProfileLeavesNoPoolBehind(Daemon daemon) throws Exception {
        String pool = TestBed.uniqueName("wzpool");
        String profile = TestBed.uniqueName("wzprof");
        String instance = null;
        try (LxdClient client = TestBed.connect(daemon)) {
            try {
                client.profiles().create(new ProfilesPost(profile, "", Map.of(), Map.of("root",
                        Map.of("type", "disk", "path", "/", "pool", TestBed.env("HAKO_TB_POOL")))));
                instance = Instances.createStopped(client, "wzinst");
                var tagged = client.instances().get(instance);
                client.instances().patch(instance, Map.of("profiles", List.of("default", profile)), tagged.etag());
                // The instance's root disk comes from this profile: the server refuses to move it to another pool.
                assertThatThrownBy(() -> PoolCreation.run(client, PoolRequest.build(pool, "dir", "",
                        Map.of("source", freshSource(pool).toString())), profile, false))
                        .isInstanceOfSatisfying(PoolCreation.AttachFailedException.class, e -> {
                            assertThat(e.rolledBack()).isTrue();
                            assertThat(e.rollbackFailure()).isNull();
                            // What the server said about the profile, for the error dialog.
                            assertThat(((dev.hako.lxd.LxdException) e.failure()).serverMessage()).isNotBlank();
                        });
                assertThat(poolExists(client, pool)).isFalse();
                assertThat(client.profiles().get(profile).value().devices().get("root"))
                        .containsEntry("pool", TestBed.env("HAKO_TB_POOL"));
                // The usage of a pool with an instance on it blocks its deletion.
                PoolUsage usage = PoolUsage.of(TestBed.env("HAKO_TB_POOL"),
                        client.storage().pool(TestBed.env("HAKO_TB_POOL")).value().usedBy());
                assertThat(usage.instances()).contains(instance);
                assertThat(usage.blocked()).isTrue();
            } finally {
                if (instance != null) {
                    Instances.remove(client, instance);
                }
                quietly(() -> client.profiles().delete(profile));
                quietly(() -> client.storage().deletePool(pool));
            }
        }
    }
}
