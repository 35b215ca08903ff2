package dev.hako.lxd;

import dev.hako.lxd.api.Operation;
import dev.hako.lxd.api.Server;
import java.time.Duration;
import okhttp3.HttpUrl;

/**
 * A connection to one LXD or Incus server. Blocking: call it from a background
 * thread. Resource families are reached through {@link #instances()},
 * {@link #images()} and their siblings.
 */
public final class LxdClient implements AutoCloseable {

    private static final Duration EVENT_STREAM_OPEN = Duration.ofSeconds(5);

    private final Transport transport;
    private final OperationTracker tracker = new OperationTracker();
    private final java.util.List<java.util.function.Consumer<String>> startedListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Object eventsLock = new Object();
    private EventStream events;
    private volatile Server server;

    private final ServerApi serverApi;
    private final InstancesApi instancesApi;
    private final ImagesApi imagesApi;
    private final StorageApi storageApi;
    private final NetworksApi networksApi;
    private final ProfilesApi profilesApi;
    private final ProjectsApi projectsApi;
    private final ClusterApi clusterApi;
    private final CertificatesApi certificatesApi;
    private final OperationsApi operationsApi;
    private final MetricsApi metricsApi;

    private LxdClient(Transport transport) {
        this.transport = transport;
        this.serverApi = new ServerApi(this);
        this.instancesApi = new InstancesApi(this);
        this.imagesApi = new ImagesApi(this);
        this.storageApi = new StorageApi(this);
        this.networksApi = new NetworksApi(this);
        this.profilesApi = new ProfilesApi(this);
        this.projectsApi = new ProjectsApi(this);
        this.clusterApi = new ClusterApi(this);
        this.certificatesApi = new CertificatesApi(this);
        this.operationsApi = new OperationsApi(this);
        this.metricsApi = new MetricsApi(this);
    }

    /** Connects and reads {@code GET /1.0} to learn whether the server is LXD or Incus. */
    public static LxdClient connect(Endpoint endpoint) {
        return connect(endpoint, null);
    }

    public static LxdClient connect(Endpoint endpoint, String project) {
        LxdClient client = new LxdClient(Transport.open(endpoint, project));
        try {
            client.refreshServer();
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** Re-reads {@code GET /1.0}, e.g. after trust was granted. */
    public Server refreshServer() {
        Server current = serverApi.get().value();
        transport.setKind(ServerKindDetector.detect(current));
        this.server = current;
        return current;
    }

    /**
     * Refuses a server without the {@code /1.0/instances} API (LXD before 3.19), judged from
     * what {@code GET /1.0} said, so that nothing else is asked of it.
     *
     * @throws ServerTooOldException when the server is too old for Hako
     */
    public void requireInstancesApi() {
        ServerTooOldException tooOld = ServerTooOldException.of(server);
        if (tooOld != null) {
            throw tooOld;
        }
    }

    /** What {@code GET /1.0} said at connect (or the last refresh). */
    public Server serverInfo() {
        return server;
    }

    public ServerKind kind() {
        return transport.kind();
    }

    /** The project this client works in ("default" unless it was connected to another). */
    public String project() {
        return transport.project() == null ? "default" : transport.project();
    }

    public Endpoint endpoint() {
        return transport.endpoint();
    }

    /** HTTP requests this client has sent, websocket upgrades included. */
    public long requestCount() {
        return transport.requestCount();
    }

    Transport transport() {
        return transport;
    }

    public ServerApi server() {
        return serverApi;
    }

    public InstancesApi instances() {
        return instancesApi;
    }

    public ImagesApi images() {
        return imagesApi;
    }

    public StorageApi storage() {
        return storageApi;
    }

    public NetworksApi networks() {
        return networksApi;
    }

    public ProfilesApi profiles() {
        return profilesApi;
    }

    public ProjectsApi projects() {
        return projectsApi;
    }

    public ClusterApi cluster() {
        return clusterApi;
    }

    public CertificatesApi certificates() {
        return certificatesApi;
    }

    public OperationsApi operations() {
        return operationsApi;
    }

    public MetricsApi metrics() {
        return metricsApi;
    }

    /** The shared lifecycle and operation event stream, started on first use. */
    public EventStream events() {
        synchronized (eventsLock) {
            if (events == null) {
                events = new EventStream(transport, "lifecycle,operation");
                events.addListener(tracker);
            }
            return events;
        }
    }

    /**
     * A stream of its own for the given event types (e.g. {@code "lifecycle,operation,logging"}), for a
     * screen that shows the raw events only while it is open: it connects on the first listener and
     * sends nothing after {@link EventStream#close()}. It filters by project as the shared stream does.
     */
    public EventStream openEvents(String types) {
        return new EventStream(transport, types);
    }

    /** Follows every operation the stream reports (for an operations drawer). */
    public AutoCloseable onAnyOperation(java.util.function.Consumer<Operation> listener) {
        events();
        return tracker.watchAll(listener);
    }

    /** Hears the id of each operation this client starts, so it can be told apart from other clients' work. */
    public void onOperationStarted(java.util.function.Consumer<String> listener) {
        startedListeners.add(listener);
    }

    /**
     * Sends a request that answers with an operation. The event stream is opened
     * first, so an operation that ends before anyone waits on it is still seen.
     */
    RunningOperation startOperation(String method, HttpUrl url, Object body, String etag) {
        events().awaitOpen(EVENT_STREAM_OPEN);
        ApiResponse response = transport.send(method, url, body, etag);
        return operationOf(response, method, url);
    }

    RunningOperation operationOf(ApiResponse response, String method, HttpUrl url) {
        if (!response.isAsync()) {
            throw new MalformedResponseException(method + " " + url.encodedPath()
                    + ": expected an operation, got a " + response.type() + " response", null);
        }
        Operation operation = response.metadataAs(Operation.class);
        if (operation == null) {
            throw new MalformedResponseException(method + " " + url.encodedPath() + ": operation without metadata",
                    null);
        }
        startedListeners.forEach(listener -> listener.accept(operation.id()));
        return new RunningOperation(transport, tracker, operation);
    }

    /** Re-attaches to an operation by id (e.g. one listed by the server). */
    public RunningOperation operation(String id) {
        events().awaitOpen(EVENT_STREAM_OPEN);
        return new RunningOperation(transport, tracker, operationsApi.get(id));
    }

    @Override
    public void close() {
        synchronized (eventsLock) {
            if (events != null) {
                events.close();
            }
        }
        transport.close();
    }
}
