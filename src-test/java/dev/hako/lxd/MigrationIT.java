package dev.hako.lxd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstanceSource;
import dev.hako.lxd.api.InstancesPost;
import dev.hako.lxd.api.Operation;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.ExtraLxd;
import dev.hako.testbed.MigrationTarget;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pull-mode migration from the test bed's LXD to a second private LXD: cold copy, cold
 * move of a running instance, and failures (a missing pool, a live move that CRIU cannot
 * do here) that leave the source as it was.
 */
class MigrationIT {

    private static MigrationTarget second;
    private static ExtraLxd extra;
    private static LxdClient target;

    @BeforeAll
    static void secondServer() {
        second = MigrationTarget.start("migr");
        extra = second.daemon();
        target = second.client();
    }

    @AfterAll
    static void stopSecondServer() {
        if (second != null) {
            second.close();
        }
    }

    private static boolean exists(LxdClient client, String name) {
        return client.instances().list().stream().map(Instance::name).anyMatch(name::equals);
    }

    @Test
    void coldCopyThenMoveOfARunningInstance() {
        try (LxdClient source = TestBed.connect(Daemon.LXD)) {
            String stopped = Instances.createStopped(source, "migc");
            String running = Instances.createRunning(source, "migm");
            try {
                List<Operation> updates = new CopyOnWriteArrayList<>();
                new InstanceMigration(source, target, new InstanceMigration.Request(stopped, stopped + "-copy",
                        "default", List.of("default"), false, false, false)).run(updates::add);
                assertThat(exists(target, stopped + "-copy")).isTrue();
                assertThat(exists(source, stopped)).isTrue();
                assertThat(target.instances().get(stopped + "-copy").value().devices().get("root"))
                        .containsEntry("pool", "default");

                new InstanceMigration(source, target, new InstanceMigration.Request(running, running,
                        "default", List.of("default"), true, false, false)).run(op -> { });
                assertThat(exists(source, running)).isFalse();
                assertThat(target.instances().get(running).value().running()).isTrue();
            } finally {
                Instances.remove(source, stopped);
                Instances.remove(source, running);
            }
        }
    }

    @Test
    void aFailedMoveLeavesTheSourceRunning() {
        try (LxdClient source = TestBed.connect(Daemon.LXD)) {
            String running = Instances.createRunning(source, "migf");
            try {
                // The name is taken on the target: the target refuses, the source (stopped for the move) is started again.
                target.instances().create(new InstancesPost(running, "container", InstanceSource.none(), List.of(),
                        Map.of(), Map.of("root", Map.of("type", "disk", "path", "/", "pool", "default")), null, null,
                        null)).awaitSuccess(Instances.OP_TIMEOUT);
                assertThatThrownBy(() -> new InstanceMigration(source, target, new InstanceMigration.Request(running,
                        running, "default", List.of("default"), true, false, false)).run(op -> { }))
                        .isInstanceOfSatisfying(InstanceMigration.MigrationFailedException.class,
                                e -> assertThat(e.targetMessage()).isNotBlank());
                assertThat(source.instances().get(running).value().running()).isTrue();
                Instances.remove(target, running);

                // Live (stateful) migration needs CRIU, which fails or is missing on this machine.
                assertThatThrownBy(() -> new InstanceMigration(source, target, new InstanceMigration.Request(running,
                        running, "default", List.of("default"), true, true, false)).run(op -> { }))
                        .isInstanceOfSatisfying(InstanceMigration.MigrationFailedException.class, e -> {
                            assertThat(e.serverMessage()).isNotBlank();
                            assertThat(e.sourceMessage() != null || e.targetMessage() != null).isTrue();
                        });
                assertThat(source.instances().get(running).value().running()).isTrue();
                assertThat(exists(target, running)).isFalse();
            } finally {
                Instances.remove(source, running);
            }
        }
    }
}
