package dev.hako.lxd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstanceSource;
import dev.hako.lxd.api.InstancesPost;
import dev.hako.lxd.api.Operation;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.MigrationTarget;
import dev.hako.testbed.NoiseFile;
import dev.hako.testbed.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pull-mode migration from each test-bed daemon to a spare one of its kind (LXD → LXD,
 * Incus → Incus): cold copy, cold move of a running instance, failures (a taken name, a
 * live move that CRIU cannot do here) and a cancel in the middle of a large transfer, each
 * leaving the source as it was.
 */
class MigrationIT {

    private static final Map<Daemon, MigrationTarget> TARGETS = new EnumMap<>(Daemon.class);

    private static synchronized LxdClient target(Daemon daemon) {
        return TARGETS.computeIfAbsent(daemon, d -> MigrationTarget.start(d, "migr")).client();
    }

    @AfterAll
    static void stopSpareServers() {
        TARGETS.values().forEach(MigrationTarget::close);
    }

    private static boolean exists(LxdClient client, String name) {
        return client.instances().list().stream().map(Instance::name).anyMatch(name::equals);
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void coldCopyThenMoveOfARunningInstance(Daemon daemon) {
        LxdClient target = target(daemon);
        try (LxdClient source = TestBed.connect(daemon)) {
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
                Instances.remove(target, stopped + "-copy");
                Instances.remove(target, running);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void aFailedMoveLeavesTheSourceRunning(Daemon daemon) {
        LxdClient target = target(daemon);
        try (LxdClient source = TestBed.connect(daemon)) {
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
                            assertThat(e.cancelled()).isFalse();
                        });
                assertThat(source.instances().get(running).value().running()).isTrue();
                assertThat(exists(target, running)).isFalse();
            } finally {
                Instances.remove(source, running);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void cancelInTheMiddleOfALargeTransferLeavesTheSourceAsItWas(Daemon daemon) throws Exception {
        LxdClient target = target(daemon);
        try (LxdClient source = TestBed.connect(daemon)) {
            String name = Instances.createStopped(source, "migx");
            try {
                // Incompressible bytes straight into the instance's root file system on the dir pool.
                Path noise = TestBed.daemonDir(daemon).resolve("storage-pools").resolve(TestBed.env("HAKO_TB_POOL"))
                        .resolve("containers").resolve(name).resolve("rootfs").resolve("noise.bin");
                NoiseFile.write(noise, 512, 17);
                List<Operation> updates = new CopyOnWriteArrayList<>();
                InstanceMigration move = new InstanceMigration(source, target, new InstanceMigration.Request(name,
                        name, "default", List.of("default"), true, false, false));
                CompletableFuture<Void> running = CompletableFuture.runAsync(() -> move.run(updates::add));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (updates.stream().noneMatch(op -> op.progressText().isPresent()) && !running.isDone()
                        && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                    Thread.sleep(5);
                }
                assertThat(running).as("still transferring when the first progress came").isNotDone();
                move.cancel();
                assertThatThrownBy(() -> running.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(
                        InstanceMigration.MigrationFailedException.class).satisfies(e -> assertThat(
                        ((InstanceMigration.MigrationFailedException) e.getCause()).cancelled()).isTrue());
                Operation seen = updates.stream().filter(op -> op.progressText().isPresent()).findFirst().orElseThrow();
                System.out.println("[migration progress " + daemon + "] " + seen.metadata());
                assertThat(exists(source, name)).isTrue();
                assertThat(Files.size(noise)).isEqualTo(512L << 20);
                // The target made an instance for the transfer; a cancelled one is gone again.
                waitUntilGone(target, name);
            } finally {
                Instances.remove(source, name);
                Instances.remove(target, name);
            }
        }
    }

    private static void waitUntilGone(LxdClient client, String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (exists(client, name) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(exists(client, name)).as("left on the target after the cancel").isFalse();
    }
}
