package dev.hako.remote.init;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.Cluster;
import dev.hako.lxd.api.ClusterMemberConfigKey;
import dev.hako.lxd.api.ClusterPut;
import dev.hako.lxd.api.NetworkPut;
import dev.hako.lxd.api.NetworksPost;
import dev.hako.lxd.api.ProfilePut;
import dev.hako.lxd.api.ProfilesPost;
import dev.hako.lxd.api.ProjectPut;
import dev.hako.lxd.api.ProjectsPost;
import dev.hako.lxd.api.Server;
import dev.hako.lxd.api.ServerPut;
import dev.hako.lxd.api.StoragePool;
import dev.hako.lxd.api.StoragePoolPut;
import dev.hako.lxd.api.StoragePoolsPost;
import dev.hako.lxd.api.Tagged;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies a {@link Preseed} the way {@code lxd init --preseed} does: server config, storage
 * pools, networks, projects, profiles, then clustering. Each object is created (or, when it
 * exists, updated by merging the preseed's keys into what is there, sent with the ETag just
 * read). What each step created or changed is remembered with its previous definition; when
 * a step fails, the earlier steps are undone in reverse order (created objects deleted,
 * changed ones put back as they were) and the failure is thrown. Joining a cluster is a
 * single step on its own, as in lxd init.
 *
 * <p>Blocking: call it from a background thread. The listener hears of every step as it runs.
 */
public final class Initialisation {

    /** What one step does to which object. */
    public enum Kind { SERVER_CONFIG, STORAGE_POOL, NETWORK, PROJECT, PROFILE, CLUSTER_BOOTSTRAP, CLUSTER_JOIN }

    public enum Action { CREATE, UPDATE }

    public enum State { RUNNING, DONE, FAILED, REVERTING, REVERTED, REVERT_FAILED }

    public record Step(int index, Kind kind, String name, Action action) {
    }

    /** One report: a step's new state, with the server's message for a failure. */
    public record Report(Step step, State state, String message) {
    }

    @FunctionalInterface
    public interface Listener {
        void report(Report report);
    }

    /** A step failed; {@link #revertFailures()} lists undo steps that failed in turn (empty when all was undone). */
    public static final class InitialisationException extends RuntimeException {
        private final Step step;
        private final List<Report> revertFailures;

        InitialisationException(Step step, RuntimeException cause, List<Report> revertFailures) {
            super(cause.getMessage(), cause);
            this.step = step;
            this.revertFailures = List.copyOf(revertFailures);
        }

        public Step step() {
            return step;
        }

        /** The server's own exception (its message is the server's). */
        public RuntimeException failure() {
            return (RuntimeException) getCause();
        }

        public List<Report> revertFailures() {
            return revertFailures;
        }

        public boolean fullyReverted() {
            return revertFailures.isEmpty();
        }
    }

    private static final Duration CLUSTER_TIMEOUT = Duration.ofMinutes(5);

    private final LxdClient client;
    private final Preseed preseed;
    private final Deque<Undo> undo = new ArrayDeque<>();

    private record Undo(Step step, Runnable action) {
    }

    public Initialisation(LxdClient client, Preseed preseed) {
        this.client = client;
        this.preseed = preseed;
    }

    /**
     * The steps {@link #apply} will take, in order, each marked create or update from what the
     * server has now. Reads the server; changes nothing.
     */
    public List<Step> plan() {
        List<Step> steps = new ArrayList<>();
        Preseed.Cluster cluster = preseed.cluster();
        if (cluster != null && cluster.joining()) {
            steps.add(new Step(0, Kind.CLUSTER_JOIN, cluster.clusterAddress() == null ? "" : cluster.clusterAddress(),
                    Action.UPDATE));
            return steps;
        }
        if (!preseed.config().isEmpty()) {
            steps.add(new Step(steps.size(), Kind.SERVER_CONFIG, "", Action.UPDATE));
        }
        if (!preseed.storagePools().isEmpty()) {
            Set<String> pools = new TreeSet<>(client.storage().pools().stream().map(StoragePool::name).toList());
            for (Preseed.StoragePool p : preseed.storagePools()) {
                steps.add(new Step(steps.size(), Kind.STORAGE_POOL, p.name(),
                        pools.contains(p.name()) ? Action.UPDATE : Action.CREATE));
            }
        }
        if (!preseed.networks().isEmpty()) {
            Set<String> networks = new TreeSet<>(client.networks().list().stream().filter(n -> n.managed())
                    .map(n -> n.name()).toList());
            for (Preseed.Network n : preseed.networks()) {
                steps.add(new Step(steps.size(), Kind.NETWORK, n.name(),
                        networks.contains(n.name()) ? Action.UPDATE : Action.CREATE));
            }
        }
        if (!preseed.projects().isEmpty()) {
            Set<String> projects = new TreeSet<>(client.projects().list().stream().map(p -> p.name()).toList());
            for (Preseed.Project p : preseed.projects()) {
                steps.add(new Step(steps.size(), Kind.PROJECT, p.name(),
                        projects.contains(p.name()) ? Action.UPDATE : Action.CREATE));
            }
        }
        if (!preseed.profiles().isEmpty()) {
            Set<String> profiles = new TreeSet<>(client.profiles().list().stream().map(p -> p.name()).toList());
            for (Preseed.Profile p : preseed.profiles()) {
                steps.add(new Step(steps.size(), Kind.PROFILE, p.name(),
                        profiles.contains(p.name()) ? Action.UPDATE : Action.CREATE));
            }
        }
        if (cluster != null && cluster.enabled()) {
            steps.add(new Step(steps.size(), Kind.CLUSTER_BOOTSTRAP,
                    cluster.serverName() == null ? "" : cluster.serverName(), Action.UPDATE));
        }
        return steps;
    }

    /** Runs every step of {@link #plan()}; on a failure undoes the earlier ones and throws. */
    public List<Step> apply(Listener listener) {
        List<Step> steps = plan();
        for (Step step : steps) {
            listener.report(new Report(step, State.RUNNING, null));
            try {
                run(step);
            } catch (RuntimeException failure) {
                listener.report(new Report(step, State.FAILED, message(failure)));
                List<Report> revertFailures = revert(listener);
                throw new InitialisationException(step, failure, revertFailures);
            }
            listener.report(new Report(step, State.DONE, null));
        }
        undo.clear();
        return steps;
    }

    private static String message(RuntimeException failure) {
        if (failure instanceof LxdException lxd && lxd.serverMessage() != null) {
            return lxd.serverMessage();
        }
        return String.valueOf(failure.getMessage());
    }

    private List<Report> revert(Listener listener) {
        List<Report> failures = new ArrayList<>();
        while (!undo.isEmpty()) {
            Undo u = undo.pop();
            listener.report(new Report(u.step(), State.REVERTING, null));
            try {
                u.action().run();
                listener.report(new Report(u.step(), State.REVERTED, null));
            } catch (RuntimeException e) {
                Report report = new Report(u.step(), State.REVERT_FAILED, message(e));
                failures.add(report);
                listener.report(report);
            }
        }
        return failures;
    }

    private void run(Step step) {
        switch (step.kind()) {
            case SERVER_CONFIG -> applyConfig(step);
            case STORAGE_POOL -> applyPool(step, find(preseed.storagePools(), step.name(), Preseed.StoragePool::name));
            case NETWORK -> applyNetwork(step, find(preseed.networks(), step.name(), Preseed.Network::name));
            case PROJECT -> applyProject(step, find(preseed.projects(), step.name(), Preseed.Project::name));
            case PROFILE -> applyProfile(step, find(preseed.profiles(), step.name(), Preseed.Profile::name));
            case CLUSTER_BOOTSTRAP -> bootstrap(preseed.cluster());
            case CLUSTER_JOIN -> join(preseed.cluster());
            default -> throw new IllegalStateException(step.kind().name());
        }
    }

    private static <T> T find(List<T> items, String name, java.util.function.Function<T, String> nameOf) {
        return items.stream().filter(i -> name.equals(nameOf.apply(i))).findFirst().orElseThrow();
    }

    private void applyConfig(Step step) {
        Tagged<Server> current = client.server().get();
        Map<String, Object> before = current.value().config() == null ? Map.of() : current.value().config();
        Map<String, Object> merged = new LinkedHashMap<>(before);
        merged.putAll(preseed.config());
        if (client.kind() == ServerKind.INCUS && preseed.config().containsKey(Preseed.TRUST_PASSWORD)) {
            throw new IllegalArgumentException("Incus has no trust password (core.trust_password): use trust tokens");
        }
        Map<String, Object> previous = new LinkedHashMap<>(before);
        // Put back without an ETag, like lxd init: a hidden key read back as true means "leave as is".
        undo.push(new Undo(step, () -> client.server().put(new ServerPut(previous), null)));
        client.server().put(new ServerPut(merged), current.etag());
    }

    private void applyPool(Step step, Preseed.StoragePool pool) {
        if (step.action() == Action.CREATE) {
            client.storage().createPool(new StoragePoolsPost(pool.name(), pool.driver(), pool.description(),
                    new LinkedHashMap<>(pool.config())), null);
            undo.push(new Undo(step, () -> client.storage().deletePool(pool.name())));
            return;
        }
        Tagged<StoragePool> current = client.storage().pool(pool.name());
        if (pool.driver() != null && !pool.driver().equals(current.value().driver())) {
            throw new IllegalArgumentException("Storage pool \"" + pool.name() + "\" is of type \""
                    + current.value().driver() + "\" instead of \"" + pool.driver() + "\"");
        }
        StoragePoolPut before = current.value().toPut();
        Map<String, String> config = new LinkedHashMap<>(before.config() == null ? Map.of() : before.config());
        config.putAll(pool.config());
        String description = pool.description().isEmpty() ? before.description() : pool.description();
        undo.push(new Undo(step, () -> client.storage().updatePool(pool.name(), before, null)));
        client.storage().updatePool(pool.name(), new StoragePoolPut(config, description), current.etag());
    }

    private void applyNetwork(Step step, Preseed.Network network) {
        if (step.action() == Action.CREATE) {
            client.networks().create(new NetworksPost(network.name(),
                    network.type() == null || network.type().isEmpty() ? null : network.type(),
                    network.description(), new LinkedHashMap<>(network.config())));
            undo.push(new Undo(step, () -> client.networks().delete(network.name())));
            return;
        }
        var current = client.networks().get(network.name());
        NetworkPut before = current.value().toPut();
        Map<String, String> config = new LinkedHashMap<>(before.config() == null ? Map.of() : before.config());
        config.putAll(network.config());
        String description = network.description().isEmpty() ? before.description() : network.description();
        undo.push(new Undo(step, () -> client.networks().update(network.name(), before, null)));
        client.networks().update(network.name(), new NetworkPut(config, description), current.etag());
    }

    private void applyProject(Step step, Preseed.Project project) {
        if (step.action() == Action.CREATE) {
            client.projects().create(new ProjectsPost(project.name(), project.description(),
                    new LinkedHashMap<>(project.config())));
            undo.push(new Undo(step, () -> client.projects().delete(project.name())));
            return;
        }
        var current = client.projects().get(project.name());
        ProjectPut before = current.value().toPut();
        Map<String, String> config = new LinkedHashMap<>(before.config() == null ? Map.of() : before.config());
        config.putAll(project.config());
        String description = project.description().isEmpty() ? before.description() : project.description();
        undo.push(new Undo(step, () -> client.projects().update(project.name(), before, null)));
        client.projects().update(project.name(), new ProjectPut(config, description), current.etag());
    }

    private void applyProfile(Step step, Preseed.Profile profile) {
        if (step.action() == Action.CREATE) {
            client.profiles().create(new ProfilesPost(profile.name(), profile.description(),
                    new LinkedHashMap<>(profile.config()), copy(profile.devices())));
            undo.push(new Undo(step, () -> client.profiles().delete(profile.name())));
            return;
        }
        var current = client.profiles().get(profile.name());
        ProfilePut before = current.value().toPut();
        Map<String, String> config = new LinkedHashMap<>(before.config() == null ? Map.of() : before.config());
        config.putAll(profile.config());
        Map<String, Map<String, String>> devices = copy(before.devices() == null ? Map.of() : before.devices());
        // Like lxd init: a device already there gets the preseed's keys merged into it.
        profile.devices().forEach((name, settings) -> devices.computeIfAbsent(name, k -> new LinkedHashMap<>())
                .putAll(settings));
        String description = profile.description().isEmpty() ? before.description() : profile.description();
        undo.push(new Undo(step, () -> client.profiles().update(profile.name(), before, null)));
        client.profiles().update(profile.name(), new ProfilePut(config, description, devices), current.etag());
    }

    private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> devices) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        devices.forEach((k, v) -> out.put(k, new LinkedHashMap<>(v)));
        return out;
    }

    /** Bootstraps a new cluster, unless the server already is a member of one (then nothing, as lxd init). */
    private void bootstrap(Preseed.Cluster cluster) {
        Cluster current = client.cluster().get().value();
        if (current.enabled()) {
            return;
        }
        client.cluster().update(new ClusterPut(cluster.serverName(), true, null, null, null, null, null, null))
                .awaitSuccess(CLUSTER_TIMEOUT);
    }

    /** Joins an existing cluster: the certificate and address come from the token when not given. */
    private void join(Preseed.Cluster cluster) {
        ClusterJoin.Resolved resolved = ClusterJoin.resolve(cluster);
        List<ClusterMemberConfigKey> member = cluster.memberConfig().stream()
                .map(m -> new ClusterMemberConfigKey(m.entity(), m.name(), m.key(), m.value(), m.description()))
                .toList();
        client.cluster().update(new ClusterPut(resolved.serverName(), true, member, resolved.clusterAddress(),
                resolved.certificatePem(), cluster.serverAddress(), null, cluster.clusterToken()))
                .awaitSuccess(CLUSTER_TIMEOUT);
    }

    /** True when the server has nothing lxd init would set up yet: no pool and no managed network. */
    public static boolean looksFresh(LxdClient client) {
        try {
            return client.storage().pools().isEmpty()
                    && client.networks().list().stream().noneMatch(n -> n.managed());
        } catch (NotFoundException e) {
            return false;
        }
    }
}
