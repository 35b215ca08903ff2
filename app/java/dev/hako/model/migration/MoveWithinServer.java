package dev.hako.model.migration;

import dev.hako.lxd.InstanceMigration;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.RunningOperation;
import dev.hako.lxd.Subscription;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstancePost;
import dev.hako.lxd.api.InstanceSource;
import dev.hako.lxd.api.InstanceStatePut;
import dev.hako.lxd.api.InstancesPost;
import dev.hako.lxd.api.Operation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Copies or moves an instance within its own server: to another storage pool, project
 * or cluster member ({@code lxc move --storage/--target-project/--target}). The server
 * moves a running container only live (with CRIU), so a cold move of a running one stops
 * it, moves it and starts it again where it went; if the move fails it is started again
 * where it was.
 */
public final class MoveWithinServer implements MigrationJob {

    private static final Duration TRANSFER_TIMEOUT = Duration.ofHours(6);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);

    private final LxdClient client;
    private final MigrationPlan plan;
    private volatile RunningOperation transfer;
    private volatile boolean cancelled;

    public MoveWithinServer(LxdClient client, MigrationPlan plan) {
        this.client = client;
        this.plan = plan;
    }

    @Override
    public void run(Consumer<Operation> progress) {
        InstanceMigration.Request request = plan.request();
        Instance instance = client.instances().get(request.name()).value();
        if (!request.move()) {
            await(client.instances().copyWithin(copyRequest(instance), plan.project(), plan.member()), progress);
            return;
        }
        boolean live = request.live() && instance.running();
        boolean stopHere = instance.running() && !live;
        if (stopHere) {
            client.instances().changeState(request.name(), InstanceStatePut.stop(30, false)).awaitSuccess(STEP_TIMEOUT);
        }
        try {
            if (cancelled) {
                throw InstanceMigration.MigrationFailedException.cancelledByUser();
            }
            await(client.instances().moveWithin(request.name(), InstancePost.within(request.newName(), request.pool(),
                    plan.project(), live, request.instanceOnly()), plan.member()), progress);
        } catch (RuntimeException failure) {
            if (stopHere) {
                restart(request.name(), failure);
            }
            throw failure;
        }
        if (stopHere) {
            client.instances().changeState(request.newName(), InstanceStatePut.start(), plan.project())
                    .awaitSuccess(STEP_TIMEOUT);
        }
    }

    /** Starts it again where it was, after a move that failed; a refusal is added to the failure. */
    private void restart(String name, RuntimeException failure) {
        try {
            client.instances().changeState(name, InstanceStatePut.start()).awaitSuccess(STEP_TIMEOUT);
        } catch (RuntimeException notStarted) {
            failure.addSuppressed(notStarted);
        }
    }

    private void await(RunningOperation operation, Consumer<Operation> progress) {
        transfer = operation;
        if (cancelled) {
            cancel();
        }
        try (Subscription watch = operation.onUpdate(progress)) {
            operation.awaitSuccess(TRANSFER_TIMEOUT);
        } catch (LxdException failure) {
            throw cancelled ? InstanceMigration.MigrationFailedException.cancelledByUser() : failure;
        }
    }

    /** The copy request: the instance's own setup, its root disk on the chosen pool, from its own project. */
    private InstancesPost copyRequest(Instance instance) {
        InstanceMigration.Request request = plan.request();
        InstancesPost copy = InstancesPost.copyOf(instance, request.newName(), request.instanceOnly())
                .withSource(InstanceSource.copyOf(instance.name(), request.instanceOnly(), plan.project() == null
                        ? null : client.project()));
        if (request.pool() == null) {
            return copy;
        }
        Map<String, Map<String, String>> devices = new LinkedHashMap<>(copy.devices() == null ? Map.of()
                : copy.devices());
        Map<String, String> root = new LinkedHashMap<>(devices.getOrDefault("root", Map.of("type", "disk", "path", "/")));
        root.put("pool", request.pool());
        devices.put("root", root);
        return copy.withDevices(devices);
    }

    @Override
    public void cancel() {
        cancelled = true;
        RunningOperation running = transfer;
        if (running != null) {
            try {
                running.cancel();
            } catch (RuntimeException refused) {
                // Finished already, or not cancellable at this stage.
            }
        }
    }
}
