package dev.hako.remote.creation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hako.lxd.Explained;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.api.InstanceSource;
import dev.hako.lxd.api.InstancesPost;
import dev.hako.remote.creation.CreationRollback.Undo;
import dev.hako.remote.creation.InstanceCreation.Step;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.SimplestreamsServer;
import dev.hako.testbed.TestBed;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The creation use case against LXD 5.0 and Incus 6.0: it creates and starts; a taken name
 * is refused before anything is sent; a create the server fails leaves nothing behind; a
 * start that fails keeps the instance and says why; a download cancelled halfway leaves
 * nothing either.
 */
class InstanceCreationIT {

    private static SimplestreamsServer images;

    @BeforeAll
    static void startImageServer() throws Exception {
        images = SimplestreamsServer.start(0);
    }

    @AfterAll
    static void stopImageServer() {
        images.close();
    }

    private static class Steps implements InstanceCreation.Listener {
        final List<Step> steps = new CopyOnWriteArrayList<>();
        final List<OperationProgress> progress = new CopyOnWriteArrayList<>();

        @Override
        public void step(Step step) {
            steps.add(step);
        }

        @Override
        public void progress(OperationProgress report) {
            progress.add(report);
        }
    }

    private static InstancesPost busybox(String name, Map<String, Map<String, String>> devices) {
        return new InstancesPost(name, "container", InstanceSource.imageAlias(TestBed.imageAlias()),
                List.of("default"), null, devices, null, null, null);
    }

    private static boolean exists(LxdClient client, String name) {
        try {
            client.instances().get(name);
            return true;
        } catch (NotFoundException absent) {
            return false;
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void createsAndStarts(Daemon daemon) {
        String name = TestBed.uniqueName("uc");
        try (LxdClient client = TestBed.connect(daemon)) {
            try {
                Steps steps = new Steps();
                InstanceCreation.Outcome outcome = new InstanceCreation(client).run(new InstanceCreation.Order(
                        "lab", busybox(name, null), null, true, null), steps);
                assertThat(outcome.name()).isEqualTo(name);
                assertThat(outcome.startFailure()).isNull();
                assertThat(steps.steps).containsExactly(Step.CHECK_NAME, Step.SEND, Step.CREATE, Step.START);
                assertThat(client.instances().state(name).status()).isEqualTo("Running");
            } finally {
                Instances.remove(client, name);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void withoutANameTheServerChoosesOneAndItIsStarted(Daemon daemon) {
        try (LxdClient client = TestBed.connect(daemon)) {
            java.util.Set<String> before = new java.util.HashSet<>(client.instances().names());
            String name = null;
            try {
                InstanceCreation.Outcome outcome = new InstanceCreation(client).run(new InstanceCreation.Order(
                        "lab", busybox(null, null), null, true, null), new Steps());
                name = outcome.name();
                assertThat(name).isNotBlank();
                assertThat(before).doesNotContain(name);
                assertThat(outcome.startFailure()).isNull();
                assertThat(client.instances().state(name).status()).isEqualTo("Running");
            } finally {
                if (name != null) {
                    Instances.remove(client, name);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void refusesATakenNameAndLeavesThatInstanceAlone(Daemon daemon) {
        try (LxdClient client = TestBed.connect(daemon)) {
            String taken = Instances.createStopped(client, "uctaken");
            try {
                Steps steps = new Steps();
                assertThatThrownBy(() -> new InstanceCreation(client).run(new InstanceCreation.Order("lab",
                        busybox(taken, null), null, true, null), steps))
                        .isInstanceOfSatisfying(InstanceCreation.Failed.class, failed -> {
                            assertThat(failed.step()).isEqualTo(Step.CHECK_NAME);
                            assertThat(failed.undone()).isEmpty();
                            assertThat(failed.leftover()).isFalse();
                            assertThat(((Explained) failed.getCause()).messageKey())
                                    .isEqualTo("newinstance.problem.taken");
                        });
                assertThat(steps.steps).containsExactly(Step.CHECK_NAME);
                assertThat(exists(client, taken)).isTrue();
            } finally {
                Instances.remove(client, taken);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void aCreateTheServerFailsLeavesNothing(Daemon daemon) {
        String name = TestBed.uniqueName("ucfail");
        // Accepted, then refused by the server's own check inside the create operation.
        Map<String, Map<String, String>> missingSource = Map.of("data", Map.of("type", "disk",
                "source", "/nonexistent/hako-" + name, "path", "/mnt"));
        try (LxdClient client = TestBed.connect(daemon)) {
            try {
                assertThatThrownBy(() -> new InstanceCreation(client).run(new InstanceCreation.Order("lab",
                        busybox(name, missingSource), null, true, null), new Steps()))
                        .isInstanceOfSatisfying(InstanceCreation.Failed.class, failed -> {
                            assertThat(failed.step()).isEqualTo(Step.CREATE);
                            assertThat(failed.undone()).containsExactly(Undo.DELETE_INSTANCE);
                            assertThat(failed.leftover()).isFalse();
                            assertThat(((dev.hako.lxd.LxdException) failed.getCause()).serverMessage())
                                    .contains("Missing source path");
                        });
                assertThat(exists(client, name)).isFalse();
            } finally {
                Instances.remove(client, name);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void aStartThatFailsKeepsTheInstance(Daemon daemon) {
        String name = TestBed.uniqueName("ucstart");
        // Created without complaint; only starting looks for the parent interface.
        Map<String, Map<String, String>> missingParent = Map.of("e1", Map.of("type", "nic", "nictype", "macvlan",
                "parent", "hakonone0"));
        try (LxdClient client = TestBed.connect(daemon)) {
            try {
                InstanceCreation.Outcome outcome = new InstanceCreation(client).run(new InstanceCreation.Order(
                        "lab", busybox(name, missingParent), null, true, null), new Steps());
                assertThat(outcome.startFailure()).isInstanceOf(dev.hako.lxd.LxdException.class);
                assertThat(((dev.hako.lxd.LxdException) outcome.startFailure()).serverMessage())
                        .contains("hakonone0");
                assertThat(client.instances().state(name).status()).isEqualTo("Stopped");
            } finally {
                Instances.remove(client, name);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void aDownloadCancelledHalfwayLeavesNothing(Daemon daemon) throws Exception {
        String name = TestBed.uniqueName("uccancel");
        InstancesPost pull = new InstancesPost(name, "container", InstanceSource.remoteImage(images.address(),
                "simplestreams", null, images.imageFingerprint(), images.certificatePem(), null), List.of("default"),
                null, null, null, null, null);
        try (LxdClient client = TestBed.connect(daemon)) {
            removeImage(client);
            // About 30 s of transfer: long enough to cancel once the download shows progress.
            images.setBytesPerSecond(Math.max(16 * 1024, images.imageSize() / 30));
            InstanceCreation creation = new InstanceCreation(client);
            Steps steps = new Steps() {
                @Override
                public void progress(OperationProgress report) {
                    super.progress(report);
                    if (progress.size() == 1) {
                        new Thread(creation::cancel, "cancel " + name).start();
                    }
                }
            };
            try {
                assertThatThrownBy(() -> creation.run(new InstanceCreation.Order("lab", pull, null, true, null),
                        steps)).isInstanceOfSatisfying(InstanceCreation.Failed.class, failed -> {
                            assertThat(failed.step()).isEqualTo(Step.CREATE);
                            assertThat(failed.leftover()).isFalse();
                        });
                assertThat(steps.progress).isNotEmpty();
                assertThat(exists(client, name)).isFalse();
            } finally {
                images.setBytesPerSecond(0);
                Instances.remove(client, name);
                removeImage(client);
            }
        }
    }

    private static void removeImage(LxdClient client) {
        try {
            client.images().delete(images.imageFingerprint()).awaitSuccess(java.time.Duration.ofSeconds(30));
        } catch (NotFoundException absent) {
            // not downloaded
        }
    }
}
