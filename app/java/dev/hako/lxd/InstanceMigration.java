package dev.hako.lxd;

import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstanceSource;
import dev.hako.lxd.api.InstanceStatePut;
import dev.hako.lxd.api.InstancesPost;
import dev.hako.lxd.api.Operation;
import dev.hako.lxd.api.Server;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Copies or moves an instance from one server to another in pull mode: the source
 * opens a migration operation, the target creates the instance from it and dials the
 * source itself. The client only has to reach both servers. A move deletes the source
 * only after the target reported success; on any failure the source is left as it was
 * (restarted if it was stopped for a cold move).
 */
public final class InstanceMigration {

    /** Long enough for a large root file system over a slow link; Cancel is always there. */
    private static final Duration TRANSFER_TIMEOUT = Duration.ofHours(6);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);

    /**
     * What to migrate. {@code pool} null keeps the instance's root disk as it is;
     * {@code profiles} null keeps the instance's own list.
     */
    public record Request(String name, String newName, String pool, List<String> profiles, boolean move,
                          boolean live, boolean instanceOnly) {
    }

    /**
     * A migration that failed, with what each server said (either may be null). The user
     * reads a sentence that says which server refused, with its words verbatim;
     * {@link #serverMessage()} is those words alone (target's first), or null.
     */
    public static final class MigrationFailedException extends LxdException implements Explained {
        private final String targetMessage;
        private final String sourceMessage;
        private final boolean cancelled;
        private final String messageKey;
        private final transient List<Object> arguments;

        public MigrationFailedException(String targetMessage, String sourceMessage, boolean cancelled) {
            this(targetMessage, sourceMessage, cancelled, null);
        }

        /**
         * {@code cause}: a failure without words of a server (e.g. the target could not be
         * reached); when neither server said anything, the user reads that failure's sentence.
         */
        MigrationFailedException(String targetMessage, String sourceMessage, boolean cancelled,
                                 RuntimeException cause) {
            super(logText(targetMessage, sourceMessage), 0, combine(targetMessage, sourceMessage), cause);
            this.targetMessage = targetMessage;
            this.sourceMessage = sourceMessage;
            this.cancelled = cancelled;
            List<Object> said = new ArrayList<>();
            for (String text : new String[] {targetMessage, sourceMessage}) {
                if (present(text)) {
                    said.add(text);
                }
            }
            if (cancelled) {
                this.messageKey = "error.migration.cancelled";
            } else if (present(targetMessage) && present(sourceMessage)) {
                this.messageKey = "error.migration.both";
            } else if (present(targetMessage)) {
                this.messageKey = "error.migration.target";
            } else if (present(sourceMessage)) {
                this.messageKey = "error.migration.source";
            } else if (cause instanceof Explained explained) {
                this.messageKey = explained.messageKey();
                this.arguments = explained.messageArguments();
                return;
            } else {
                this.messageKey = "error.migration.failed";
            }
            this.arguments = List.copyOf(said);
        }

        /** A failure of this side's own making, told by {@code messageKey} alone. */
        private MigrationFailedException(String englishMessage, String messageKey, Object... arguments) {
            super(englishMessage, 0, null);
            this.targetMessage = null;
            this.sourceMessage = null;
            this.cancelled = false;
            this.messageKey = messageKey;
            this.arguments = java.util.Arrays.stream(arguments).map(a -> a == null ? (Object) "" : a).toList();
        }

        /** The transfer stopped because the user cancelled it; nothing was moved. */
        public static MigrationFailedException cancelledByUser() {
            return new MigrationFailedException(null, null, true);
        }

        private static boolean present(String text) {
            return text != null && !text.isBlank();
        }

        private static String combine(String target, String source) {
            List<String> said = new ArrayList<>();
            if (present(target)) {
                said.add(target);
            }
            if (present(source)) {
                said.add(source);
            }
            return said.isEmpty() ? null : String.join("\n", said);
        }

        private static String logText(String target, String source) {
            return "migration failed" + (present(target) ? "; target: " + target : "")
                    + (present(source) ? "; source: " + source : "");
        }

        @Override
        public String messageKey() {
            return messageKey;
        }

        @Override
        public List<Object> messageArguments() {
            return arguments;
        }

        public String targetMessage() {
            return targetMessage;
        }

        public String sourceMessage() {
            return sourceMessage;
        }

        public boolean cancelled() {
            return cancelled;
        }
    }

    private final LxdClient source;
    private final LxdClient target;
    private final Request request;
    private final String member;
    private volatile RunningOperation sourceOperation;
    private volatile RunningOperation targetOperation;
    private volatile boolean cancelled;

    public InstanceMigration(LxdClient source, LxdClient target, Request request) {
        this(source, target, request, null);
    }

    /** The same, onto cluster {@code member} of a clustered target (null: the cluster chooses). */
    public InstanceMigration(LxdClient source, LxdClient target, Request request, String member) {
        this.source = source;
        this.target = target;
        this.request = request;
        this.member = member;
    }

    /** Asks both servers to stop the transfer; {@link #run} then fails and leaves the source as it was. */
    public void cancel() {
        cancelled = true;
        for (RunningOperation op : new RunningOperation[] {targetOperation, sourceOperation}) {
            if (op != null) {
                try {
                    op.cancel();
                } catch (LxdException refused) {
                    // Finished already, or not cancellable at this stage.
                }
            }
        }
    }

    /** Runs the migration; {@code progress} gets the target operation's updates (transfer figures). */
    public void run(Consumer<Operation> progress) {
        Instance instance = source.instances().get(request.name()).value();
        boolean wasRunning = instance.running();
        boolean live = request.live() && wasRunning;
        Server server = source.refreshServer();
        List<String> addresses = server.environment() == null || server.environment().addresses() == null
                ? List.of() : server.environment().addresses();
        if (addresses.isEmpty()) {
            throw new MigrationFailedException("the source server has no network address "
                    + "(core.https_address is not set), so the target cannot reach it", "error.migration.noAddress");
        }
        boolean stoppedHere = false;
        if (request.move() && wasRunning && !live) {
            source.instances().changeState(request.name(), InstanceStatePut.stop(30, false)).awaitSuccess(STEP_TIMEOUT);
            stoppedHere = true;
        }
        try {
            transfer(instance, live, addresses, server.environment().certificate(), progress);
        } catch (RuntimeException failure) {
            if (stoppedHere) {
                try {
                    source.instances().changeState(request.name(), InstanceStatePut.start()).awaitSuccess(STEP_TIMEOUT);
                } catch (LxdException restartFailed) {
                    throw new MigrationFailedException("the instance was stopped for the move and could not be "
                            + "started again: " + messageOf(restartFailed) + "; the move failed: " + messageOf(failure),
                            "error.migration.notRestarted", messageOf(failure), messageOf(restartFailed));
                }
            }
            throw failure;
        }
        if (request.move()) {
            deleteSource();
            if (wasRunning && !live) {
                target.instances().changeState(request.newName(), InstanceStatePut.start()).awaitSuccess(STEP_TIMEOUT);
            }
        }
    }

    private void deleteSource() {
        try {
            Instance left = source.instances().get(request.name()).value();
            if (left.running()) {
                source.instances().changeState(request.name(), InstanceStatePut.stop(null, true))
                        .awaitSuccess(STEP_TIMEOUT);
            }
            source.instances().delete(request.name()).awaitSuccess(STEP_TIMEOUT);
        } catch (NotFoundException gone) {
            // A live move already removed it.
        }
    }

    private void transfer(Instance instance, boolean live, List<String> addresses, String certificate,
                          Consumer<Operation> progress) {
        RunningOperation sourceOp;
        try {
            sourceOp = source.instances().migrateSource(request.name(), live, request.instanceOnly());
        } catch (LxdException refused) {
            // The source refuses at once (e.g. no CRIU for a live migration): nothing has started.
            throw new MigrationFailedException(null, messageOf(refused), false, refused);
        }
        sourceOperation = sourceOp;
        Map<String, String> secrets = new LinkedHashMap<>();
        var metadata = sourceOp.latest().metadata();
        if (metadata != null) {
            metadata.fields().forEachRemaining(e -> {
                if (e.getValue().isTextual()) {
                    secrets.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        String targetFailure = null;
        LxdException targetRefusal = null;
        for (String address : addresses) {
            if (cancelled) {
                break;
            }
            String url = "https://" + address + "/1.0/operations/" + sourceOp.id();
            InstancesPost post = targetRequest(instance, InstanceSource.migrationPull(url, certificate, secrets, live,
                    instance.config() == null ? null : instance.config().get("volatile.base_image"),
                    request.instanceOnly()));
            try {
                RunningOperation targetOp = target.instances().create(post, member);
                targetOperation = targetOp;
                try (Subscription watch = targetOp.onUpdate(progress)) {
                    Operation done = targetOp.await(TRANSFER_TIMEOUT);
                    if (done.succeeded()) {
                        sourceOp.await(STEP_TIMEOUT);
                        return;
                    }
                    targetFailure = done.err() == null || done.err().isBlank() ? null : done.err();
                }
            } catch (LxdException refused) {
                targetFailure = messageOf(refused);
                targetRefusal = refused;
            }
            // Try the next address only while the source still waits for a connection.
            Operation sourceNow = sourceOp.await(Duration.ofSeconds(1));
            if (sourceNow.isFinal()) {
                break;
            }
        }
        String sourceFailure = null;
        try {
            sourceOp.cancel();
        } catch (LxdException finished) {
            // Already over: its own error is read below.
        }
        Operation sourceEnd = sourceOp.await(Duration.ofSeconds(10));
        if (sourceEnd.err() != null && !sourceEnd.err().isBlank()) {
            sourceFailure = sourceEnd.err();
        }
        throw new MigrationFailedException(targetFailure, sourceFailure, cancelled, targetRefusal);
    }

    private InstancesPost targetRequest(Instance instance, InstanceSource migrationSource) {
        Map<String, String> config = new LinkedHashMap<>();
        if (instance.config() != null) {
            instance.config().forEach((key, value) -> {
                if (!key.startsWith("volatile.") || key.equals("volatile.base_image")) {
                    config.put(key, value);
                }
            });
        }
        Map<String, Map<String, String>> devices = new LinkedHashMap<>();
        if (instance.devices() != null) {
            devices.putAll(instance.devices());
        }
        if (request.pool() != null) {
            Map<String, String> root = new LinkedHashMap<>();
            Map<String, String> ownRoot = devices.get("root");
            if (ownRoot != null) {
                root.putAll(ownRoot);
            } else {
                root.put("type", "disk");
                root.put("path", "/");
            }
            root.put("pool", request.pool());
            devices.put("root", root);
        }
        return new InstancesPost(request.newName(), instance.type(), migrationSource,
                request.profiles() != null ? request.profiles() : instance.profiles(), config, devices,
                instance.ephemeral(), instance.description(), instance.architecture());
    }

    /** What a server said in {@code e}, verbatim, or null when no server answered with words. */
    static String messageOf(RuntimeException e) {
        if (e instanceof LxdException lxd && !(e instanceof Explained) && lxd.status() > 0) {
            return lxd.serverMessage();
        }
        return null;
    }
}
