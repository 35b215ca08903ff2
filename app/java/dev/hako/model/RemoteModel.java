package dev.hako.model;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.EventListener;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.ServerTooOldException;
import dev.hako.lxd.api.Event;
import dev.hako.lxd.api.ClusterMember;
import dev.hako.lxd.api.Image;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.Network;
import dev.hako.lxd.api.Profile;
import dev.hako.lxd.api.Project;
import dev.hako.lxd.api.StoragePool;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live state of one remote: its connection and its collections, kept current
 * by the event stream alone (no polling). Everything runs on one model thread per
 * remote, so an offline remote never holds up another.
 */
public final class RemoteModel implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RemoteModel.class.getName());
    private static final Duration EVENTS_OPEN = Duration.ofSeconds(5);
    /** Package-private so a test can wait longer than the first retry would take. */
    static final long FIRST_RETRY_MILLIS = 1000;
    private static final long MAX_RETRY_MILLIS = 30_000;

    private final String name;
    /** Changed only on the model thread ({@link #switchProject}); read from any. */
    private volatile String project;
    private final Endpoint endpoint;
    private final ScheduledExecutorService thread;
    private final List<Consumer<ConnectionState>> stateListeners = new CopyOnWriteArrayList<>();
    private final LiveOperations operations;
    private final ResourceCollection<Instance> instances;
    private final ResourceCollection<Image> images;
    private final ResourceCollection<StoragePool> storagePools;
    private final ResourceCollection<PoolVolume> volumes;
    private final ResourceCollection<Network> networks;
    private final ResourceCollection<Profile> profiles;
    private final ResourceCollection<Project> projects;
    private final ResourceCollection<ClusterMember> clusterMembers;
    private final List<ResourceCollection<?>> all;
    private volatile LxdClient client;
    private volatile ConnectionState state = ConnectionState.connecting();
    private long nextRetryMillis = FIRST_RETRY_MILLIS;
    /** The pending retry of an offline remote; only touched on the model thread. */
    private ScheduledFuture<?> retry;
    private volatile boolean closed;
    /** Whether {@link #start()} was called: before it, a project switch only chooses the project. */
    private volatile boolean started;

    public RemoteModel(String name, Endpoint endpoint) {
        this(name, endpoint, null);
    }

    /** A remote whose requests all go to {@code project} (null: the server's default project). */
    public RemoteModel(String name, Endpoint endpoint, String project) {
        this.project = project == null || project.isBlank() ? null : project;
        this.name = name;
        this.endpoint = endpoint;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hako-model " + name);
            t.setDaemon(true);
            return t;
        });
        this.instances = new ResourceCollection<>("instances", ResourceCollection.topLevel("/1.0/instances/"),
                () -> requireClient().instances().list(),
                key -> requireClient().instances().get(key).value(), Instance::name, thread);
        this.images = new ResourceCollection<>("images", RemoteModel::imageKey,
                () -> requireClient().images().list(),
                key -> requireClient().images().get(key).value(), Image::fingerprint, thread);
        this.storagePools = new ResourceCollection<>("storage pools",
                ResourceCollection.topLevel("/1.0/storage-pools/"),
                () -> requireClient().storage().pools(),
                key -> requireClient().storage().pool(key).value(), StoragePool::name, thread);
        this.volumes = new ResourceCollection<>("storage volumes", RemoteModel::volumeKey, this::loadVolumes,
                this::loadVolume, PoolVolume::key, thread);
        this.networks = new ResourceCollection<>("networks", ResourceCollection.topLevel("/1.0/networks/"),
                () -> requireClient().networks().list(),
                key -> requireClient().networks().get(key).value(), Network::name, thread);
        this.profiles = new ResourceCollection<>("profiles", ResourceCollection.topLevel("/1.0/profiles/"),
                () -> requireClient().profiles().list(),
                key -> requireClient().profiles().get(key).value(), Profile::name, thread);
        this.projects = new ResourceCollection<>("projects", ResourceCollection.topLevel("/1.0/projects/"),
                () -> requireClient().projects().list(),
                key -> requireClient().projects().get(key).value(), Project::name, thread);
        this.clusterMembers = new ResourceCollection<>("cluster members",
                ResourceCollection.topLevel("/1.0/cluster/members/"),
                () -> clustered() ? requireClient().cluster().members() : List.of(),
                key -> requireClient().cluster().member(key).value(), ClusterMember::serverName, thread);
        this.all = List.of(instances, images, storagePools, volumes, networks, profiles, projects, clusterMembers);
        this.operations = new LiveOperations(() -> requireClient().operations().list(), thread);
    }

    private boolean clustered() {
        LxdClient c = requireClient();
        return c.serverInfo().environment() != null && c.serverInfo().environment().serverClustered();
    }

    /** Image events name a fingerprint; alias events only the alias, so those reload the (small) list. */
    private static String imageKey(Event event) {
        String source = event.source();
        if (source.startsWith("/1.0/images/aliases/")) {
            return "";
        }
        return ResourceCollection.topLevel("/1.0/images/").apply(event);
    }

    /**
     * Custom-volume events reload the (small) volume list: LXD 5.0 names the volume in
     * its events with an internal project prefix ({@code default_data}), so the event's
     * name cannot be trusted to match the API's.
     */
    private static String volumeKey(Event event) {
        String[] parts = event.source().split("/");
        if (parts.length != 7 || !"storage-pools".equals(parts[2]) || !"volumes".equals(parts[4])
                || !"custom".equals(parts[5])) {
            return null;
        }
        return "";
    }

    /**
     * Custom volumes of every pool: the ones operators create and attach. Instance and
     * image volumes follow their instances and images and are listed in the pool's view.
     */
    private List<PoolVolume> loadVolumes() {
        List<PoolVolume> found = new java.util.ArrayList<>();
        for (String pool : poolNames()) {
            for (var volume : requireClient().storage().volumes(pool)) {
                if ("custom".equals(volume.type())) {
                    found.add(new PoolVolume(pool, volume));
                }
            }
        }
        return found;
    }

    /**
     * The pools to list volumes of: the pool collection's, which is read just before the
     * volumes on this same thread and kept by events, so the server is not asked twice.
     */
    private java.util.Collection<String> poolNames() {
        if (storagePools.isLoaded()) {
            return storagePools.snapshot().keySet();
        }
        return requireClient().storage().pools().stream().map(StoragePool::name).toList();
    }

    private PoolVolume loadVolume(String key) {
        String[] parts = key.split("/", 3);
        return new PoolVolume(parts[0], requireClient().storage().volume(parts[0], parts[1], parts[2]).value());
    }

    public String name() {
        return name;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** The project its requests go to; null for the server's default. */
    public String project() {
        return project;
    }

    /**
     * Points the remote at another project ({@code lxc project switch}): it connects again with
     * that project, and every collection reloads with what the project holds, so the tree shows
     * it without being rebuilt. Null or blank: the server's default project.
     */
    public void switchProject(String next) {
        String wanted = next == null || next.isBlank() ? null : next;
        thread.execute(() -> {
            if (closed || java.util.Objects.equals(project, wanted)) {
                return;
            }
            project = wanted;
            if (!started) {
                return;
            }
            if (retry != null) {
                retry.cancel(false);
                retry = null;
            }
            LxdClient old = client;
            // Set aside first, so the old stream's goodbye is not taken for this remote going offline.
            client = null;
            if (old != null) {
                old.close();
            }
            nextRetryMillis = FIRST_RETRY_MILLIS;
            connect();
        });
    }

    public ConnectionState state() {
        return state;
    }

    /** The connected client, for actions; null while offline. */
    public LxdClient client() {
        return client;
    }

    public ResourceCollection<Instance> instances() {
        return instances;
    }

    public ResourceCollection<Image> images() {
        return images;
    }

    public ResourceCollection<StoragePool> storagePools() {
        return storagePools;
    }

    /** Every volume of every pool, keyed {@code pool/type/name}. */
    public ResourceCollection<PoolVolume> volumes() {
        return volumes;
    }

    public ResourceCollection<Network> networks() {
        return networks;
    }

    public ResourceCollection<Profile> profiles() {
        return profiles;
    }

    public ResourceCollection<Project> projects() {
        return projects;
    }

    /** Members when the server is clustered; empty otherwise. */
    public ResourceCollection<ClusterMember> clusterMembers() {
        return clusterMembers;
    }

    /**
     * Re-reads the server ({@code GET /1.0}) and reloads every collection, e.g. after it
     * became a cluster member: what it is and what it lists change without an event for each.
     */
    public void refresh() {
        thread.execute(() -> {
            LxdClient c = client;
            if (c == null) {
                return;
            }
            try {
                c.refreshServer();
            } catch (LxdException e) {
                LOG.log(Level.FINE, "cannot re-read " + name, e);
            }
            all.forEach(ResourceCollection::markStale);
        });
    }

    /** The server's operations (any client's) as they are now, kept by events and checked against the server. */
    public LiveOperations operations() {
        return operations;
    }

    public void addStateListener(Consumer<ConnectionState> listener) {
        stateListeners.add(listener);
        listener.accept(state);
    }

    /** Stops telling {@code listener} of changes (one that waited for a single state, once it came). */
    public void removeStateListener(Consumer<ConnectionState> listener) {
        stateListeners.remove(listener);
    }

    /** Connects in the background; retries with backoff while the server cannot be reached. */
    public void start() {
        started = true;
        thread.execute(this::connect);
    }

    /**
     * Connects again now, for a user who upgraded a too old server or does not want to wait for
     * the next retry of an offline one. Does nothing while connecting or online.
     */
    public void reconnect() {
        thread.execute(() -> {
            ConnectionState.Status status = state.status();
            if (status != ConnectionState.Status.OFFLINE && status != ConnectionState.Status.TOO_OLD) {
                return;
            }
            if (retry != null) {
                retry.cancel(false);
                retry = null;
            }
            nextRetryMillis = FIRST_RETRY_MILLIS;
            connect();
        });
    }

    private LxdClient requireClient() {
        LxdClient c = client;
        if (c == null) {
            // Told to the user as "<name> could not be reached", like any other unanswered call.
            throw new dev.hako.lxd.UnreachableException(name, null);
        }
        return c;
    }

    private void connect() {
        if (closed) {
            return;
        }
        setState(ConnectionState.connecting());
        LxdClient connected = null;
        try {
            connected = LxdClient.connect(endpoint, project);
            // Judged from GET /1.0 alone: a server without the instances API is asked nothing else.
            connected.requireInstancesApi();
            client = connected;
            // Listen before loading, so no change between the listing and the subscription is missed.
            connected.events().addListener(new StreamListener(connected));
            connected.onAnyOperation(operations::onStreamed);
            connected.onOperationStarted(operations::onStartedHere);
            connected.events().awaitOpen(EVENTS_OPEN);
            // Instances first: they are what the user waits for; the smaller collections follow.
            instances.reload();
            nextRetryMillis = FIRST_RETRY_MILLIS;
            setState(new ConnectionState(ConnectionState.Status.ONLINE, null, connected.kind(),
                    connected.serverInfo().environment() == null ? null
                            : connected.serverInfo().environment().serverVersion()));
            for (ResourceCollection<?> collection : all) {
                if (collection != instances) {
                    thread.execute(() -> reloadQuietly(collection));
                }
            }
            // Operations already running when we connected: read after the tree's collections.
            operations.resyncSoon();
        } catch (ServerTooOldException e) {
            LOG.log(Level.INFO, "not managing " + name + ": " + e.getMessage());
            ServerKind kind = connected == null ? null : connected.kind();
            if (connected != null) {
                connected.close();
            }
            client = null;
            // Not retried: it stays too old until someone upgrades it and reconnects by hand.
            setState(ConnectionState.tooOld(e, kind));
        } catch (LxdException | IllegalStateException e) {
            LOG.log(Level.FINE, "cannot connect to " + name, e);
            if (connected != null) {
                connected.close();
            }
            client = null;
            setState(ConnectionState.offline(e, endpoint.display(), null, null));
            scheduleRetry();
        }
    }

    private void reloadQuietly(ResourceCollection<?> collection) {
        try {
            collection.reload();
        } catch (LxdException | IllegalStateException e) {
            LOG.log(Level.FINE, "cannot load a collection of " + name, e);
        }
    }

    private void scheduleRetry() {
        if (closed) {
            return;
        }
        long delay = nextRetryMillis;
        nextRetryMillis = Math.min(MAX_RETRY_MILLIS, nextRetryMillis * 2);
        retry = thread.schedule(() -> {
            retry = null;
            connect();
        }, delay, TimeUnit.MILLISECONDS);
    }

    private void setState(ConnectionState next) {
        state = next;
        stateListeners.forEach(l -> l.accept(next));
    }

    @Override
    public void close() {
        closed = true;
        thread.shutdownNow();
        LxdClient c = client;
        if (c != null) {
            c.close();
        }
    }

    /** Moves stream callbacks onto the model thread. */
    private final class StreamListener implements EventListener {
        /** The connection it listens to; once the remote has another (a project switch), it says nothing. */
        private final LxdClient owner;

        StreamListener(LxdClient owner) {
            this.owner = owner;
        }

        @Override
        public void onEvent(Event event) {
            if (client != owner) {
                return;
            }
            for (ResourceCollection<?> collection : all) {
                if (collection.concerns(event)) {
                    thread.execute(() -> collection.onEvent(event));
                }
            }
        }

        @Override
        public void onConnected(boolean reconnect) {
            if (reconnect && client == owner) {
                operations.resyncSoon();
                thread.execute(() -> {
                    all.forEach(ResourceCollection::markStale);
                    LxdClient c = client;
                    setState(new ConnectionState(ConnectionState.Status.ONLINE, null,
                            c == null ? null : c.kind(), state.version()));
                });
            }
        }

        @Override
        public void onDisconnected(LxdException cause) {
            thread.execute(() -> {
                if (state.online() && client == owner) {
                    setState(ConnectionState.offline(cause, endpoint.display(), state.kind(), state.version()));
                }
            });
        }
    }
}
