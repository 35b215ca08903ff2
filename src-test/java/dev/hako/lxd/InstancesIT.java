package dev.hako.lxd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstanceSnapshotsPost;
import dev.hako.lxd.api.InstanceState;
import dev.hako.lxd.api.InstanceStatePut;
import dev.hako.lxd.api.InstanceStatus;
import dev.hako.lxd.api.InstancesPost;
import dev.hako.lxd.api.Operation;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InstancesIT {

    private static final Duration T = Instances.OP_TIMEOUT;

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void createStartExecStopDelete(Daemon daemon) {
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = TestBed.uniqueName("life");
            Operation created = client.instances()
                    .create(InstancesPost.fromImage(name, TestBed.imageAlias(), false)).awaitSuccess(T);
            assertThat(created.resources().get("instances")).anyMatch(url -> url.endsWith("/" + name));

            Instance stopped = client.instances().get(name).value();
            assertThat(stopped.statusCode()).isEqualTo(InstanceStatus.STOPPED);
            assertThat(stopped.profiles()).containsExactly("default");
            assertThat(client.instances().list()).extracting(Instance::name).contains(name);
            assertThat(client.instances().names()).contains(name);

            client.instances().changeState(name, InstanceStatePut.start()).awaitSuccess(T);
            assertThat(client.instances().get(name).value().running()).isTrue();
            InstanceState state = client.instances().state(name);
            assertThat(state.pid()).isPositive();
            assertThat(state.processes()).isPositive();

            ExecSession.Result hostname = client.instances().exec(name, dev.hako.lxd.api.ExecRequest.command(
                    List.of("hostname"))).collect(null, T);
            assertThat(hostname.exitCode()).isZero();
            assertThat(hostname.stdoutText().trim()).isEqualTo(name);

            assertThatThrownBy(() -> client.instances().delete(name).awaitSuccess(T))
                    .isInstanceOf(BadRequestException.class)
                    .satisfies(e -> assertThat(((LxdException) e).serverMessage()).containsIgnoringCase("running"));

            client.instances().changeState(name, InstanceStatePut.stop(30, false)).awaitSuccess(T);
            assertThat(client.instances().get(name).value().statusCode()).isEqualTo(InstanceStatus.STOPPED);
            client.instances().delete(name).awaitSuccess(T);
            assertThatThrownBy(() -> client.instances().get(name)).isInstanceOf(NotFoundException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void execReportsExitCodesAndSeparatesStreams(Daemon daemon) {
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = Instances.createRunning(client, "exec");
            try {
                var exec = dev.hako.lxd.api.ExecRequest.command(
                        List.of("/bin/sh", "-c", "echo out; echo err >&2; exit 7"));
                ExecSession.Result result = client.instances().exec(name, exec).collect(null, T);
                assertThat(result.exitCode()).isEqualTo(7);
                assertThat(result.stdoutText()).isEqualTo("out\n");
                assertThat(result.stderrText()).isEqualTo("err\n");

                ExecSession.Result cat = client.instances().exec(name,
                        dev.hako.lxd.api.ExecRequest.command(List.of("cat")))
                        .collect("from stdin\n".getBytes(), T);
                assertThat(cat.exitCode()).isZero();
                assertThat(cat.stdoutText()).isEqualTo("from stdin\n");

                var env = dev.hako.lxd.api.ExecRequest.command(List.of("/bin/sh", "-c", "echo $GREETING"))
                        .withEnvironment(Map.of("GREETING", "こんにちは"));
                assertThat(client.instances().exec(name, env).collect(null, T).stdoutText()).isEqualTo("こんにちは\n");

                ExecSession killed = client.instances().exec(name,
                        dev.hako.lxd.api.ExecRequest.command(List.of("sleep", "60")));
                killed.attach(b -> { }, b -> { });
                killed.signal(9);
                assertThat(killed.awaitExit(T)).isEqualTo(128 + 9);
            } finally {
                Instances.remove(client, name);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void interactiveSessionUsesPtyAndResize(Daemon daemon) throws Exception {
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = Instances.createRunning(client, "pty");
            try {
                StringBuffer screen = new StringBuffer();
                ExecSession session = client.instances().exec(name, dev.hako.lxd.api.ExecRequest.interactive(
                        List.of("/bin/sh"), Map.of("TERM", "xterm-256color"), 80, 24));
                session.attach(b -> screen.append(new String(b, java.nio.charset.StandardCharsets.UTF_8)), b -> { });
                session.resize(132, 43);
                // The resize travels on the control channel, apart from input: ask until the shell reports it.
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
                while (!screen.toString().contains("43 132") && System.nanoTime() < deadline) {
                    session.write("/bin/busybox stty size\n".getBytes());
                    Thread.sleep(100);
                }
                session.write("exit 3\n".getBytes());
                assertThat(session.awaitExit(T)).isEqualTo(3);
                assertThat(screen.toString()).contains("43 132");
            } finally {
                Instances.remove(client, name);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void renameFreezeSnapshotsAndRestore(Daemon daemon) {
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = Instances.createStopped(client, "snap");
            String renamed = name + "-r";
            try {
                client.instances().rename(name, renamed).awaitSuccess(T);
                assertThat(client.instances().names()).contains(renamed).doesNotContain(name);

                client.instances().changeState(renamed, InstanceStatePut.start()).awaitSuccess(T);
                assertThatThrownBy(() -> client.instances().rename(renamed, name).awaitSuccess(T))
                        .isInstanceOf(LxdException.class);
                client.instances().changeState(renamed, InstanceStatePut.freeze()).awaitSuccess(T);
                assertThat(client.instances().get(renamed).value().statusCode()).isEqualTo(InstanceStatus.FROZEN);
                client.instances().changeState(renamed, InstanceStatePut.unfreeze()).awaitSuccess(T);

                client.instances().files().upload(renamed, "/root/marker", new java.io.ByteArrayInputStream(
                        "before".getBytes()), 6, InstanceFiles.FileOptions.defaults());
                client.instances().createSnapshot(renamed, new InstanceSnapshotsPost("s0", false, null))
                        .awaitSuccess(T);
                client.instances().files().upload(renamed, "/root/marker", new java.io.ByteArrayInputStream(
                        "after".getBytes()), 5, InstanceFiles.FileOptions.defaults());
                assertThat(client.instances().snapshots(renamed)).extracting(s -> s.name()).containsExactly("s0");

                client.instances().changeState(renamed, InstanceStatePut.stop(null, true)).awaitSuccess(T);
                client.instances().restoreSnapshot(renamed, "s0").awaitSuccess(T);
                var out = new java.io.ByteArrayOutputStream();
                client.instances().files().download(renamed, "/root/marker", out);
                assertThat(out.toString()).isEqualTo("before");

                client.instances().renameSnapshot(renamed, "s0", "s1").awaitSuccess(T);
                client.instances().deleteSnapshot(renamed, "s1").awaitSuccess(T);
                assertThat(client.instances().snapshots(renamed)).isEmpty();
            } finally {
                Instances.remove(client, renamed);
                Instances.remove(client, name);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void copyAndEmptyInstancesAndNameConflicts(Daemon daemon) {
        try (LxdClient client = TestBed.connect(daemon)) {
            String source = Instances.createStopped(client, "src");
            String copy = source + "-copy";
            String empty = TestBed.uniqueName("empty");
            try {
                client.instances().create(InstancesPost.copyOf(client.instances().get(source).value(), copy, true))
                        .awaitSuccess(T);
                assertThat(client.instances().get(copy).value().statusCode()).isEqualTo(InstanceStatus.STOPPED);

                client.instances().create(new InstancesPost(empty, "container",
                        dev.hako.lxd.api.InstanceSource.none(), List.of(), null,
                        Map.of("root", Map.of("type", "disk", "path", "/", "pool", "default")), null, null, null))
                        .awaitSuccess(T);
                // An empty profile list is sent as [] and applies none (null would apply "default").
                assertThat(client.instances().get(empty).value().profiles()).isEmpty();

                String before = client.instances().get(source).etag();
                assertThatThrownBy(() -> client.instances()
                        .create(InstancesPost.fromImage(source, TestBed.imageAlias(), false)).awaitSuccess(T))
                        .isInstanceOf(LxdException.class)
                        .satisfies(e -> assertThat(((LxdException) e).serverMessage()).isNotBlank());
                assertThat(client.instances().get(source).etag()).isEqualTo(before);
            } finally {
                Instances.remove(client, copy);
                Instances.remove(client, empty);
                Instances.remove(client, source);
            }
        }
    }
}
