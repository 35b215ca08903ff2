package dev.hako.model.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.InstanceMigration;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.ProjectsPost;
import dev.hako.lxd.api.StoragePoolsPost;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Moves and copies within one server against both test-bed daemons: a running container
 * to another pool (stopped, moved, started again), into another project, a copy onto
 * another pool, and a refused move that leaves it running where it was.
 */
class MoveWithinServerIT {

    private static MigrationPlan plan(String name, String newName, String pool, String project, boolean move) {
        return new MigrationPlan("here", "here", null, project, new InstanceMigration.Request(name, newName, pool,
                List.of("default"), move, false, false), List.of());
    }

    private static String poolOf(LxdClient client, String name) {
        return Destination.poolOf(client.instances().get(name).value());
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void aRunningContainerMovesToAnotherPoolAndProjectAndIsCopied(Daemon daemon) {
        String pool = TestBed.uniqueName("mwp");
        String project = TestBed.uniqueName("mwj");
        try (LxdClient client = TestBed.connect(daemon)) {
            client.storage().createPool(new StoragePoolsPost(pool, "dir", "", Map.of()), null);
            client.projects().create(new ProjectsPost(project, "", Map.of("features.profiles", "false",
                    "features.images", "false")));
            String name = Instances.createRunning(client, "mw");
            try (LxdClient inProject = LxdClient.connect(new Endpoint.UnixSocket(TestBed.socket(daemon)), project)) {
                new MoveWithinServer(client, plan(name, name, pool, null, true)).run(op -> { });
                assertThat(poolOf(client, name)).isEqualTo(pool);
                assertThat(client.instances().get(name).value().running()).isTrue();

                new MoveWithinServer(client, plan(name, name + "-c", TestBed.env("HAKO_TB_POOL"), null, false))
                        .run(op -> { });
                assertThat(poolOf(client, name + "-c")).isEqualTo(TestBed.env("HAKO_TB_POOL"));
                assertThat(poolOf(client, name)).isEqualTo(pool);
                Instances.remove(client, name + "-c");

                new MoveWithinServer(client, plan(name, name, null, project, true)).run(op -> { });
                assertThat(client.instances().names()).noneMatch(n -> n.endsWith("/" + name));
                Instance moved = inProject.instances().get(name).value();
                assertThat(moved.running()).isTrue();
                assertThat(Destination.poolOf(moved)).isEqualTo(pool);
                Instances.remove(inProject, name);
            } finally {
                Instances.remove(client, name);
                Instances.remove(client, name + "-c");
                client.projects().delete(project);
                client.storage().deletePool(pool);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void aRefusedMoveStartsItAgainWhereItWas(Daemon daemon) {
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = Instances.createRunning(client, "mwf");
            try {
                assertThatThrownBy(() -> new MoveWithinServer(client, plan(name, name, "no-such-pool", null, true))
                        .run(op -> { })).isInstanceOf(LxdException.class);
                Instance after = client.instances().get(name).value();
                assertThat(after.running()).isTrue();
                assertThat(Destination.poolOf(after)).isEqualTo(TestBed.env("HAKO_TB_POOL"));
            } finally {
                Instances.remove(client, name);
            }
        }
    }
}
