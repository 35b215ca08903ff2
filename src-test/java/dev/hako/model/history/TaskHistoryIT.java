package dev.hako.model.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.api.InstanceStatePut;
import dev.hako.model.RemoteModel;
import dev.hako.model.history.TaskRecord.Result;
import dev.hako.model.store.HistoryDatabase;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A task Hako runs and tasks the CLI runs on the same server are all in the history after
 * Hako stops and starts again, with who ran them, how they ended, the server's error text
 * and the equivalent command.
 */
class TaskHistoryIT {

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void tasksFromHakoAndFromTheCliSurviveARestart(Daemon daemon) throws Exception {
        String cli = daemon == Daemon.INCUS ? "incus" : "lxc";
        Path file = directory.resolve("history.db");
        try (LxdClient api = TestBed.connect(daemon)) {
            String name = Instances.createStopped(api, "hist");
            try {
                try (HistoryDatabase database = HistoryDatabase.open(file, List.of(TaskHistory.SCHEMA));
                     RemoteModel remote = new RemoteModel("local", new Endpoint.UnixSocket(TestBed.socket(daemon)))) {
                    TaskHistory history = new TaskHistory(database, 90);
                    history.follow(remote);
                    remote.start();
                    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> remote.state().online());

                    remote.client().instances().changeState(name, InstanceStatePut.start())
                            .awaitSuccess(Instances.OP_TIMEOUT);
                    boolean incus = daemon == Daemon.INCUS;
                    TestBed.cli(daemon, incus ? new String[] {"snapshot", "create", name, "before"}
                            : new String[] {"snapshot", name, "before"});
                    TestBed.cli(daemon, incus ? new String[] {"snapshot", "delete", name, "before"}
                            : new String[] {"delete", name + "/before"});
                    TestBed.cli(daemon, "stop", name, "--force");
                    String error = failedFreeze(remote.client(), name);

                    TaskFilter mine = new TaskFilter(name, null, null, null, null);
                    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
                        database.flush().join();
                        return history.page(mine, 0, 50).stream().filter(t -> !t.running()).count() >= 5;
                    });
                    assertThat(error).isNotBlank();
                }

                // Started again: a new database object and recorder on the same file.
                try (HistoryDatabase database = HistoryDatabase.open(file, List.of(TaskHistory.SCHEMA))) {
                    TaskHistory history = new TaskHistory(database, 90);
                    database.flush().join();
                    List<TaskRecord> tasks = history.page(new TaskFilter(name, null, null, null, null), 0, 50);

                    assertThat(tasks).filteredOn(t -> t.description().equals("Starting instance")).singleElement()
                            .satisfies(t -> {
                                assertThat(t.startedHere()).isTrue();
                                assertThat(t.result()).isEqualTo(Result.SUCCEEDED);
                                assertThat(t.command()).isEqualTo(cli + " start local:" + name);
                                assertThat(t.duration()).isNotNull();
                            });
                    assertThat(tasks).filteredOn(t -> t.description().equals("Stopping instance")).singleElement()
                            .satisfies(t -> {
                                assertThat(t.startedHere()).isFalse();
                                assertThat(t.result()).isEqualTo(Result.SUCCEEDED);
                                assertThat(t.command()).isEqualTo(cli + " stop local:" + name);
                            });
                    // LXD 5.0 does not say which snapshot it made: no command rather than a guessed one.
                    assertThat(tasks).filteredOn(t -> t.description().equals("Snapshotting instance")).singleElement()
                            .satisfies(t -> assertThat(t.command()).isEqualTo(daemon == Daemon.INCUS
                                    ? "incus snapshot create local:" + name + " before" : ""));
                    assertThat(tasks).filteredOn(t -> t.description().equals("Deleting snapshot")).singleElement()
                            .satisfies(t -> {
                                assertThat(t.startedHere()).isFalse();
                                assertThat(t.objects()).contains(name + "/before");
                                assertThat(t.command()).isEqualTo(daemon == Daemon.INCUS
                                        ? "incus snapshot delete local:" + name + " before"
                                        : "lxc delete local:" + name + "/before");
                            });
                    assertThat(tasks).filteredOn(t -> t.result() == Result.FAILED).singleElement()
                            .satisfies(t -> {
                                assertThat(t.startedHere()).isTrue();
                                assertThat(t.error()).isNotBlank();
                            });
                    assertThat(history.count(new TaskFilter(null, "local", null, Result.FAILED, true)))
                            .isGreaterThanOrEqualTo(1);
                }
            } finally {
                Instances.remove(api, name);
            }
        }
    }

    /** Freezing a stopped instance: the server accepts the request and the operation fails. */
    private static String failedFreeze(LxdClient client, String name) {
        try {
            client.instances().changeState(name, InstanceStatePut.freeze()).awaitSuccess(Instances.OP_TIMEOUT);
            return "";
        } catch (LxdException failed) {
            return failed.getMessage();
        }
    }
}
