package dev.hako.testbed;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.api.InstanceStatePut;
import dev.hako.lxd.api.InstancesPost;
import java.time.Duration;

/** Test helpers that make and remove instances from the test-bed image. */
public final class Instances {

    public static final Duration OP_TIMEOUT = Duration.ofSeconds(60);

    private Instances() {
    }

    public static String createStopped(LxdClient client, String prefix) {
        String name = TestBed.uniqueName(prefix);
        client.instances().create(InstancesPost.fromImage(name, TestBed.imageAlias(), false))
                .awaitSuccess(OP_TIMEOUT);
        return name;
    }

    public static String createRunning(LxdClient client, String prefix) {
        String name = createStopped(client, prefix);
        client.instances().changeState(name, InstanceStatePut.start()).awaitSuccess(OP_TIMEOUT);
        return name;
    }

    /**
     * Stops (forcibly) and deletes, ignoring an instance that is already gone. Retries a
     * few times: a test may leave an operation (a stop) still running on it.
     */
    public static void remove(LxdClient client, String name) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (client.instances().get(name).value().statusCode() != 102) {
                    client.instances().changeState(name, InstanceStatePut.stop(null, true)).awaitSuccess(OP_TIMEOUT);
                }
                client.instances().delete(name).awaitSuccess(OP_TIMEOUT);
                return;
            } catch (NotFoundException gone) {
                return;
            } catch (dev.hako.lxd.LxdException busy) {
                if (attempt == 5) {
                    throw busy;
                }
                try {
                    Thread.sleep(1000L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw busy;
                }
            }
        }
    }
}
