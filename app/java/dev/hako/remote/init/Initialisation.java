package dev.hako.remote.init;

import dev.hako.lxd.Explained;
import dev.hako.lxd.ExplainedException;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.Cluster;
import dev.hako.lxd.api.ClusterMemberConfigKey;
import dev.hako.lxd.api.ClusterPut;
import dev.hako.lxd.api.Network;
import dev.hako.lxd.api.NetworkPut;
import dev.hako.lxd.api.NetworksPost;
import dev.hako.lxd.api.Profile;
import dev.hako.lxd.api.ProfilePut;
import dev.hako.lxd.api.ProfilesPost;
import dev.hako.lxd.api.Project;
import dev.hako.lxd.api.ProjectPut;
import dev.hako.lxd.api.ProjectsPost;
import dev.hako.lxd.api.Server;
import dev.hako.lxd.api.ServerPut;
import dev.hako.lxd.api.StoragePool;
import dev.hako.lxd.api.StoragePoolPut;
import dev.hako.lxd.api.StoragePoolsPost;
import dev.hako.lxd.api.Tagged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Applies a {@link Preseed} the way {@code lxd init --preseed} does: server config, storage
 * pools, networks, projects, profiles, then clustering. Each object is created (or, when it
 * exists, updated by merging the preseed's keys into what is there, sent with the ETag just
 * read). What each step created or changed is remembered with its previous definition; when
 * the server refuses a step, the steps done before it are undone in reverse order (created
 * objects deleted, changed ones put back as they were; see {@link #rollbackOrder}) and the
 * failure is thrown. Joining a cluster is a single step on its own, as in lxd init.
 *
 * <p>Which steps there are is decided without the server from what it {@link Existing has}
 * ({@link #plan(Preseed, Existing)}), so a screen can plan from names it already holds.
 * Applying blocks: call it from a background thread. The listener hears of every step as it
 * runs. Failures found on this side are {@link ExplainedException}s; the server's own are
 * passed on as they are. Secrets in the preseed are sent, never logged.
 */
public final class Initialisation {

    /** What one step does to which object. */
    public enum Kind { SERVER_CONFIG, STORAGE_POOL, NETWORK, PROJECT, PROFILE, CLUSTER_BOOTSTRAP, CLUSTER_JOIN }

    public enum Action { CREATE, UPDATE }

    public enum State { RUNNING, DONE, FAILED, REVERTING, REVERTED, REVERT_FAILED }

    public record Step(int index, Kind kind, String name, Action action) {

        /** Whether the step can be taken back: everything but clustering, which no server undoes. */
        public boolean undoable() {
            return kind != Kind.CLUSTER_BOOTSTRAP && kind != Kind.CLUSTER_JOIN;
        }
    }

    /** One report: a step's new state, with the failure for a refused step or a failed undo. */
    public record Report(Step step, State state, RuntimeException failure) {

        /** The failure as a log line: the server's own words when it answered (null without a failure). */
        public String message() {
            if (failure == null) {
                return null;
            }
            if (failure instanceof LxdException lxd && lxd.serverMessage() != null) {
                return lxd.serverMessage();
            }
            return String.valueOf(failure.getMessage());
        }
    }

    @FunctionalInterface
    public interface Listener {
        void report(Report report);
    }

    /** A step failed; {@link #revertFailures()} lists undo steps that failed in turn (empty when all was undone). */
    public static final class InitialisationException extends RuntimeException {
        private final Step step;
        private final transient List<Report> revertFailures;

        public InitialisationException(Step step, RuntimeException cause, List<Report> revertFailures) {
            super(cause.getMessage(), cause);
            this.step = step;
            this.revertFailures = List.copyOf(revertFailures);
        }

        public Step step() {
            return step;
        }

        /** The refusal itself: the server's exception (its message is the server's), or an explained one. */
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

    /** The names of what the server has now, as far as a preseed can touch it (managed networks only). */
    public record Existing(Set<String> pools, Set<String> networks, Set<String> projects, Set<String> profiles) {
        public Existing {
            pools = Set.copyOf(pools);
            networks = Set.copyOf(networks);
            projects = Set.copyOf(projects);
            profiles = Set.copyOf(profiles);
        }

        public static Existing none() {
            return new Existing(Set.of(), Set.of(), Set.of(), Set.of());
        }

        /** Reads every kind of object a preseed can touch from the server. */
        public static Existing read(LxdClient client) {
            return new Existing(names(client.storage().pools().stream().map(StoragePool::name)),
                    names(client.networks().list().stream().filter(Network::managed).map(Network::name)),
                    names(client.projects().list().stream().map(Project::name)),
                    names(client.profiles().list().stream().map(Profile::name)));
        }

        /** Reads from the server only the kinds of object {@code preseed} names. */
        public static Existing read(LxdClient client, Preseed preseed) {
            return new Existing(
                    preseed.storagePools().isEmpty() ? Set.of()
                            : names(client.storage().pools().stream().map(StoragePool::name)),
                    preseed.networks().isEmpty() ? Set.of()
                            : names(client.networks().list().stream().filter(Network::managed).map(Network::name)),
                    preseed.projects().isEmpty() ? Set.of()
                            : names(client.projects().list().stream().map(Project::name)),
                    preseed.profiles().isEmpty() ? Set.of()
                            : names(client.profiles().list().stream().map(Profile::name)));
        }

        private static Set<String> names(java.util.stream.Stream<String> names) {
            return new TreeSet<>(names.toList());
        }
    }

    private static final Duration CLUSTER_TIMEOUT = Duration.ofMinutes(5);

    private final LxdClient client;
    private final Preseed preseed;

    public Initialisation(LxdClient client, Preseed preseed) {
        this.client = client;
        this.preseed = preseed;
    }

    /**
     * The steps {@link #apply} will take, in order, each marked create or update from what the
     * server has now. Reads the server; changes nothing.
     */
    public List<Step> plan() {
        return plan(preseed, Existing.read(client, preseed));
    }

    /** The steps for {@code preseed} on a server that has {@code existing}, in lxd init's order. */
    public static List<Step> plan(Preseed preseed, Existing existing) {
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
        for (Preseed.StoragePool p : preseed.storagePools()) {
            steps.add(step(steps, Kind.STORAGE_POOL, p.name(), existing.pools()));
        }
        for (Preseed.Network n : preseed.networks()) {
            steps.add(step(steps, Kind.NETWORK, n.name(), existing.networks()));
        }
        for (Preseed.Project p : preseed.projects()) {
            steps.add(step(steps, Kind.PROJECT, p.name(), existing.projects()));
        }
        for (Preseed.Profile p : preseed.profiles()) {
            steps.add(step(steps, Kind.PROFILE, p.name(), existing.profiles()));
        }
        if (cluster != null && cluster.enabled()) {
            steps.add(new Step(steps.size(), Kind.CLUSTER_BOOTSTRAP,
                    cluster.serverName() == null ? "" : cluster.serverName(), Action.UPDATE));
        }
        return steps;
    }

    private static Step step(List<Step> before, Kind kind, String name, Set<String> existing) {
        return new Step(before.size(), kind, name, existing.contains(name) ? Action.UPDATE : Action.CREATE);
    }

    /**
     * What is undone when the server refuses {@code refused}: every step done before it that
     * can be taken back, latest first. The refused step changed nothing, so it is not among them.
     */
    public static List<Step> rollbackOrder(List<Step> steps, Step refused) {
        List<Step> done = new ArrayList<>();
        for (Step step : steps) {
            if (step.index() == refused.index()) {
                break;
            }
            if (step.undoable()) {
                done.add(0, step);
            }
        }
        return done;
    }

    /** Runs every step of {@link #plan()}; on a refusal undoes the earlier ones and throws. */
    public List<Step> apply(Listener listener) {
        return apply(plan(), listener);
    }

    /**
     * Runs {@code steps} (a plan of this preseed) in order; when the server refuses one, undoes
     * the steps of {@link #rollbackOrder} and throws an {@link InitialisationException}.
     */
    public List<Step> apply(List<Step> steps, Listener listener) {
        Map<Integer, Runnable> undo = new HashMap<>();
        for (Step step : steps) {
            listener.report(new Report(step, State.RUNNING, null));
            try {
                undo.put(step.index(), run(step));
            } catch (RuntimeException failure) {
                listener.report(new Report(step, State.FAILED, failure));
                throw new InitialisationException(step, failure, revert(rollbackOrder(steps, step), undo, listener));
            }
            listener.report(new Report(step, State.DONE, null));
        }
        return List.copyOf(steps);
    }

    private static List<Report> revert(List<Step> order, Map<Integer, Runnable> undo, Listener listener) {
        List<Report> failures = new ArrayList<>();
        for (Step step : order) {
            listener.report(new Report(step, State.REVERTING, null));
            try {
                undo.get(step.index()).run();
                listener.report(new Report(step, State.REVERTED, null));
            } catch (RuntimeException e) {
                Report report = new Report(step, State.REVERT_FAILED, e);
                failures.add(report);
                listener.report(report);
            }
        }
        return failures;
    }

    /** Takes one step; returns how to take it back (null for clustering, which cannot be). */
    private Runnable run(Step step) {
        return switch (step.kind()) {
            case SERVER_CONFIG -> applyConfig();
            case STORAGE_POOL -> applyPool(step, find(preseed.storagePools(), step.name(), Preseed.StoragePool::name));
            case NETWORK -> applyNetwork(step, find(preseed.networks(), step.name(), Preseed.Network::name));
            case PROJECT -> applyProject(step, find(preseed.projects(), step.name(), Preseed.Project::name));
            case PROFILE -> applyProfile(step, find(preseed.profiles(), step.name(), Preseed.Profile::name));
            case CLUSTER_BOOTSTRAP -> bootstrap(preseed.cluster());
            case CLUSTER_JOIN -> join(preseed.cluster());
        };
    }

    private static <T> T find(List<T> items, String name, Function<T, String> nameOf) {
        return items.stream().filter(i -> name.equals(nameOf.apply(i))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the plan names " + name + ", the preseed does not"));
    }

    private Runnable applyConfig() {
        if (client.kind() == ServerKind.INCUS && preseed.config().containsKey(Preseed.TRUST_PASSWORD)) {
            throw new ExplainedException("Incus has no trust password (core.trust_password): use trust tokens",
                    "init.problem.incusTrustPassword");
        }
        Tagged<Server> current = client.server().get();
        Map<String, Object> before = current.value().config() == null ? Map.of() : current.value().config();
        Map<String, Object> merged = new LinkedHashMap<>(before);
        merged.putAll(preseed.config());
        client.server().put(new ServerPut(merged), current.etag());
        Map<String, Object> previous = new LinkedHashMap<>(before);
        // Put back without an ETag, like lxd init: a hidden key read back as true means "leave as is".
        return () -> client.server().put(new ServerPut(previous), null);
    }

    private Runnable applyPool(Step step, Preseed.StoragePool pool) {
        if (step.action() == Action.CREATE) {
            client.storage().createPool(new StoragePoolsPost(pool.name(), pool.driver(), pool.description(),
                    new LinkedHashMap<>(pool.config())), null);
            return () -> client.storage().deletePool(pool.name());
        }
        Tagged<StoragePool> current = client.storage().pool(pool.name());
        if (pool.driver() != null && !pool.driver().equals(current.value().driver())) {
            throw new ExplainedException("Storage pool \"" + pool.name() + "\" is of type \""
                    + current.value().driver() + "\" instead of \"" + pool.driver() + "\"",
                    "init.problem.poolDriver", pool.name(), current.value().driver(), pool.driver());
        }
        StoragePoolPut before = current.value().toPut();
        client.storage().updatePool(pool.name(), new StoragePoolPut(merged(before.config(), pool.config()),
                pool.description().isEmpty() ? before.description() : pool.description()), current.etag());
        return () -> client.storage().updatePool(pool.name(), before, null);
    }

    private Runnable applyNetwork(Step step, Preseed.Network network) {
        if (step.action() == Action.CREATE) {
            client.networks().create(new NetworksPost(network.name(),
                    network.type() == null || network.type().isEmpty() ? null : network.type(),
                    network.description(), new LinkedHashMap<>(network.config())));
            return () -> client.networks().delete(network.name());
        }
        var current = client.networks().get(network.name());
        NetworkPut before = current.value().toPut();
        client.networks().update(network.name(), new NetworkPut(merged(before.config(), network.config()),
                network.description().isEmpty() ? before.description() : network.description()), current.etag());
        return () -> client.networks().update(network.name(), before, null);
    }

    private Runnable applyProject(Step step, Preseed.Project project) {
        if (step.action() == Action.CREATE) {
            client.projects().create(new ProjectsPost(project.name(), project.description(),
                    new LinkedHashMap<>(project.config())));
            return () -> client.projects().delete(project.name());
        }
        var current = client.projects().get(project.name());
        ProjectPut before = current.value().toPut();
        client.projects().update(project.name(), new ProjectPut(merged(before.config(), project.config()),
                project.description().isEmpty() ? before.description() : project.description()), current.etag());
        return () -> client.projects().update(project.name(), before, null);
    }

    private Runnable applyProfile(Step step, Preseed.Profile profile) {
        if (step.action() == Action.CREATE) {
            client.profiles().create(new ProfilesPost(profile.name(), profile.description(),
                    new LinkedHashMap<>(profile.config()), copy(profile.devices())));
            return () -> client.profiles().delete(profile.name());
        }
        var current = client.profiles().get(profile.name());
        ProfilePut before = current.value().toPut();
        Map<String, Map<String, String>> devices = copy(before.devices() == null ? Map.of() : before.devices());
        // Like lxd init: a device already there gets the preseed's keys merged into it.
        profile.devices().forEach((name, settings) -> devices.computeIfAbsent(name, k -> new LinkedHashMap<>())
                .putAll(settings));
        client.profiles().update(profile.name(), new ProfilePut(merged(before.config(), profile.config()),
                profile.description().isEmpty() ? before.description() : profile.description(), devices),
                current.etag());
        return () -> client.profiles().update(profile.name(), before, null);
    }

    /** The object's config with the preseed's keys put over it. */
    private static Map<String, String> merged(Map<String, String> before, Map<String, String> preseed) {
        Map<String, String> config = new LinkedHashMap<>(before == null ? Map.of() : before);
        config.putAll(preseed);
        return config;
    }

    private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> devices) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        devices.forEach((k, v) -> out.put(k, new LinkedHashMap<>(v)));
        return out;
    }

    /** Bootstraps a new cluster, unless the server already is a member of one (then nothing, as lxd init). */
    private Runnable bootstrap(Preseed.Cluster cluster) {
        Cluster current = client.cluster().get().value();
        if (!current.enabled()) {
            client.cluster().update(new ClusterPut(cluster.serverName(), true, null, null, null, null, null, null))
                    .awaitSuccess(CLUSTER_TIMEOUT);
        }
        return null;
    }

    /**
     * Joins an existing cluster: with a token, the certificate and address come from the token
     * when not given; with the cluster's trust password (LXD only), from the preseed itself.
     */
    private Runnable join(Preseed.Cluster cluster) {
        List<ClusterMemberConfigKey> member = cluster.memberConfig().stream()
                .map(m -> new ClusterMemberConfigKey(m.entity(), m.name(), m.key(), m.value(), m.description()))
                .toList();
        ClusterPut put;
        if (cluster.joinsWithPassword()) {
            if (client.kind() == ServerKind.INCUS) {
                throw new ExplainedException("Incus joins a cluster with a join token only, not a trust password",
                        "init.problem.incusClusterPassword");
            }
            put = new ClusterPut(cluster.serverName(), true, member, cluster.clusterAddress(),
                    cluster.clusterCertificate(), cluster.serverAddress(), cluster.clusterPassword(),
                    null);
        } else {
            ClusterJoin.Resolved resolved = resolve(cluster);
            put = new ClusterPut(resolved.serverName(), true, member, resolved.clusterAddress(),
                    resolved.certificatePem(), cluster.serverAddress(), null, cluster.clusterToken());
        }
        client.cluster().update(put).awaitSuccess(CLUSTER_TIMEOUT);
        return null;
    }

    /** The token's member found and checked; a failure to do so said in the user's language. */
    private static ClusterJoin.Resolved resolve(Preseed.Cluster cluster) {
        try {
            return ClusterJoin.resolve(cluster);
        } catch (IllegalArgumentException e) {
            if (e instanceof Explained) {
                throw e;
            }
            // The English reason stays in the log text (it names addresses, never the token).
            throw new ExplainedException(String.valueOf(e.getMessage()), e, "init.problem.joinCertificate");
        }
    }

    /** True when the server has nothing lxd init would set up yet: no pool and no managed network. */
    public static boolean looksFresh(LxdClient client) {
        try {
            return client.storage().pools().isEmpty()
                    && client.networks().list().stream().noneMatch(Network::managed);
        } catch (NotFoundException e) {
            return false;
        }
    }
}
