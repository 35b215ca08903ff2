package dev.hako.remote.creation;

import dev.hako.lxd.ExplainedException;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.RunningOperation;
import dev.hako.lxd.Subscription;
import dev.hako.lxd.api.InstanceSource;
import dev.hako.lxd.api.InstanceStatePut;
import dev.hako.lxd.api.InstancesPost;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates an instance and leaves nothing behind when that fails: checks the name, gets a
 * one-time secret for a private image of another server, sends the request, follows the
 * server's work (the image download) and starts the instance. A failed creation is undone
 * as {@link CreationRollback} decides; a failed start keeps the instance and says so.
 * Blocking: run it off the UI thread. One creation at a time per object.
 */
public final class InstanceCreation {

    private static final Logger LOG = Logger.getLogger(InstanceCreation.class.getName());
    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration DELETE_TIMEOUT = Duration.ofMinutes(2);

    /** The steps, in order. */
    public enum Step {
        CHECK_NAME, IMAGE_SECRET, SEND, CREATE, START
    }

    /**
     * What to create.
     *
     * @param targetName the target remote's name, for the user's sentences
     * @param request    the request, without a secret
     * @param member     the cluster member to create it on, or null
     * @param start      whether to start it once created
     * @param imageOwner the server of a private image the target pulls, asked for a one-time secret; null when
     *                   the image needs none
     */
    public record Order(String targetName, InstancesPost request, String member, boolean start,
                        LxdClient imageOwner) {
    }

    /** The instance exists; {@code startFailure} says why it did not start, when it was to start and did not. */
    public record Outcome(String name, RuntimeException startFailure) {
    }

    /** Hears how far the creation got; called on the creating thread. */
    public interface Listener {
        void step(Step step);

        void progress(OperationProgress progress);
    }

    /**
     * The creation failed at {@code step()}; the cause is what went wrong. {@code undone()} is
     * what the rollback did; {@code leftover()} is true when something it made could not be removed.
     */
    public static final class Failed extends RuntimeException {
        private final Step step;
        private final transient List<CreationRollback.Undo> undone;
        private final boolean leftover;

        public Failed(Step step, List<CreationRollback.Undo> undone, boolean leftover, RuntimeException cause) {
            super("creation failed at " + step + (leftover ? " and left an instance behind" : ""), cause);
            this.step = step;
            this.undone = List.copyOf(undone);
            this.leftover = leftover;
        }

        public Step step() {
            return step;
        }

        public List<CreationRollback.Undo> undone() {
            return undone;
        }

        public boolean leftover() {
            return leftover;
        }
    }

    private final LxdClient target;
    private final AtomicReference<RunningOperation> running = new AtomicReference<>();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();

    public InstanceCreation(LxdClient target) {
        this.target = target;
    }

    /** Runs the whole creation; throws {@link Failed} after undoing what it made. */
    public Outcome run(Order order, Listener listener) {
        cancelRequested.set(false);
        String name = order.request().name();
        Step step = Step.CHECK_NAME;
        RunningOperation operation = null;
        try {
            listener.step(step);
            if (name != null && target.instances().names().contains(name)) {
                throw new ExplainedException("instance " + name + " exists", "newinstance.problem.taken", name,
                        order.targetName());
            }
            InstancesPost request = order.request();
            if (order.imageOwner() != null) {
                step = Step.IMAGE_SECRET;
                listener.step(step);
                request = withSecret(request, secretFor(order.imageOwner(), request.source().fingerprint()));
            }
            step = Step.SEND;
            listener.step(step);
            operation = target.instances().create(request, order.member());
            step = Step.CREATE;
            listener.step(step);
            awaitCreated(operation, listener);
            if (name == null) {
                name = createdName(operation);
            }
        } catch (RuntimeException failure) {
            List<CreationRollback.Undo> undo = CreationRollback.after(step, failure);
            boolean leftover = !undo(undo, name != null ? name : createdNameOrNull(operation), operation);
            throw new Failed(step, undo, leftover, failure);
        }
        if (order.start()) {
            listener.step(Step.START);
            try {
                target.instances().changeState(name, InstanceStatePut.start()).awaitSuccess(START_TIMEOUT);
            } catch (RuntimeException startFailure) {
                return new Outcome(name, startFailure);
            }
        }
        return new Outcome(name, null);
    }

    /**
     * Asks the server to stop the create operation (the download); the creation then fails
     * and is undone. Asked before the request went out, it stops the operation as soon as
     * it exists. Blocking; any thread.
     */
    public void cancel() {
        cancelRequested.set(true);
        RunningOperation operation = running.get();
        if (operation != null) {
            operation.cancel();
        }
    }

    private void awaitCreated(RunningOperation operation, Listener listener) {
        running.set(operation);
        try (Subscription watch = operation.onUpdate(update ->
                OperationProgress.of(update).ifPresent(listener::progress))) {
            if (cancelRequested.get()) {
                operation.cancel();
            }
            operation.awaitSuccess(CREATE_TIMEOUT);
        } finally {
            running.set(null);
        }
    }

    /**
     * The name the server chose for an instance requested without one: the create operation lists
     * it among its resources ({@code /1.0/instances/<name>}, perhaps with {@code ?project=}).
     */
    static String createdName(RunningOperation operation) {
        String name = createdNameOrNull(operation);
        if (name == null) {
            throw new ExplainedException("the server did not say which name it gave the new instance",
                    "newinstance.problem.noCreatedName");
        }
        return name;
    }

    private static String createdNameOrNull(RunningOperation operation) {
        if (operation == null || operation.latest() == null) {
            return null;
        }
        return createdName(operation.latest().resources());
    }

    /** The instance name in an operation's resources, or null. */
    static String createdName(java.util.Map<String, List<String>> resources) {
        if (resources == null) {
            return null;
        }
        List<String> urls = resources.get("instances");
        if (urls == null || urls.isEmpty()) {
            urls = resources.get("containers");
        }
        if (urls == null) {
            return null;
        }
        for (String url : urls) {
            String path = url.replaceFirst("\\?.*$", "");
            String[] parts = path.split("/");
            if (parts.length >= 4 && (parts[2].equals("instances") || parts[2].equals("containers"))) {
                return java.net.URLDecoder.decode(parts[3], java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String secretFor(LxdClient owner, String fingerprint) {
        RunningOperation secret = owner.images().secret(fingerprint);
        return secret.latest().metadata().path("secret").asText(null);
    }

    private static InstancesPost withSecret(InstancesPost request, String secret) {
        InstanceSource s = request.source();
        InstanceSource source = InstanceSource.remoteImage(s.server(), s.protocol(), s.alias(), s.fingerprint(),
                s.certificate(), secret);
        return new InstancesPost(request.name(), request.type(), source, request.profiles(), request.config(),
                request.devices(), request.ephemeral(), request.description(), request.architecture());
    }

    /** Carries out the undo steps; true when nothing of this creation is left. */
    private boolean undo(List<CreationRollback.Undo> steps, String name, RunningOperation operation) {
        boolean clean = true;
        for (CreationRollback.Undo step : steps) {
            switch (step) {
                case CANCEL_OPERATION -> {
                    try {
                        if (operation != null) {
                            operation.cancel();
                        }
                    } catch (RuntimeException notCancellable) {
                        LOG.log(Level.FINE, "create operation could not be cancelled", notCancellable);
                    }
                }
                case DELETE_INSTANCE -> clean &= deleteIfPresent(name);
            }
        }
        return clean;
    }

    /** After a failed create the server normally leaves nothing; a half-made instance must not stay. */
    private boolean deleteIfPresent(String name) {
        if (name == null) {
            // A server that was to choose the name and failed before saying it has made nothing to remove.
            return true;
        }
        try {
            target.instances().get(name);
        } catch (NotFoundException absent) {
            return true;
        } catch (RuntimeException unknown) {
            LOG.log(Level.FINE, "cannot tell whether " + name + " was left", unknown);
            return false;
        }
        try {
            target.instances().delete(name).awaitSuccess(DELETE_TIMEOUT);
            return true;
        } catch (RuntimeException stays) {
            LOG.log(Level.WARNING, "half-made instance " + name + " could not be removed", stays);
            return false;
        }
    }
}
