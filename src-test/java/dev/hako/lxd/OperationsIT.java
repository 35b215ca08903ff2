package dev.hako.lxd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hako.lxd.api.InstanceSnapshotsPost;
import dev.hako.lxd.api.Operation;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OperationsIT {

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void cancellingAPendingOperationEndsItAsCancelled(Daemon daemon) {
        try (LxdClient client = TestBed.connect(daemon)) {
            RunningOperation token = client.certificates().requestToken(TestBed.uniqueName("tok"));
            assertThat(token.latest().statusCode()).isEqualTo(Operation.RUNNING);
            assertThat(token.latest().mayCancel()).isTrue();
            assertThat(client.operations().list()).extracting(Operation::id).contains(token.id());

            token.cancel();
            assertThatThrownBy(() -> token.awaitSuccess(Duration.ofSeconds(10)))
                    .isInstanceOf(OperationFailedException.class)
                    .satisfies(e -> assertThat(((OperationFailedException) e).cancelled()).isTrue());
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void aWaitThatTimesOutReturnsTheOperationStillRunning(Daemon daemon) {
        // Incus answers such a wait with an error ("context deadline exceeded"), LXD with the operation.
        try (LxdClient client = TestBed.connect(daemon)) {
            RunningOperation token = client.certificates().requestToken(TestBed.uniqueName("tow"));
            try {
                Operation now = token.await(Duration.ofSeconds(1));
                assertThat(now.isFinal()).isFalse();
                assertThat(now.id()).isEqualTo(token.id());
            } finally {
                token.cancel();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void resultOfAnOperationIsKnownAfterTheServerForgotIt(Daemon daemon) throws Exception {
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = Instances.createStopped(client, "late");
            try {
                RunningOperation snapshot = client.instances()
                        .createSnapshot(name, new InstanceSnapshotsPost("s0", false, null));
                // The server deletes finished operations after 5 s: wait until it has.
                org.testfx.util.WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                        () -> forgotten(client, snapshot.id()));
                assertThatThrownBy(() -> client.operations().get(snapshot.id())).isInstanceOf(NotFoundException.class);
                Operation result = snapshot.awaitSuccess(Duration.ofSeconds(10));
                assertThat(result.succeeded()).isTrue();
            } finally {
                Instances.remove(client, name);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void failedOperationCarriesTheServerMessage(Daemon daemon) {
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = Instances.createStopped(client, "fail");
            try {
                assertThatThrownBy(() -> client.instances().restoreSnapshot(name, "does-not-exist")
                        .awaitSuccess(Duration.ofSeconds(30)))
                        .isInstanceOf(LxdException.class)
                        .satisfies(e -> assertThat(((LxdException) e).serverMessage()).isNotBlank());
            } finally {
                Instances.remove(client, name);
            }
        }
    }

    private static boolean forgotten(LxdClient client, String operationId) {
        try {
            client.operations().get(operationId);
            return false;
        } catch (NotFoundException gone) {
            return true;
        }
    }
}
