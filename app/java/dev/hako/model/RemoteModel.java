package dev.hako.model;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.EventListener;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.api.Event;
import dev.hako.lxd.api.Instance;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
    private static final long FIRST_RETRY_MILLIS = 1000;
    private static final long MAX_RETRY_MILLIS = 30_000;

    private final String name;
    private final Endpoint endpoint;
    private final ScheduledExecutorService thread;
    private final List<Consumer<ConnectionState>> stateListeners = new CopyOnWriteArrayList<>();
    private final ResourceCollection<Instance> instances;
    private volatile LxdClient client;
    private volatile ConnectionState state = ConnectionState.connecting();
    private long nextRetryMillis = FIRST_RETRY_MILLIS;
    private volatile boolean closed;

    public RemoteModel(String name, Endpoint endpoint) {
        this.name = name;
        this.endpoint = endpoint;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hako-model " + name);
            t.setDaemon(true);
            return t;
        });
        this.instances = new ResourceCollection<>("/1.0/instances/",
                () -> requireClient().instances().list(),
                instanceName -> requireClient().instances().get(instanceName).value(),
                Instance::name, thread);
    }

    public String name() {
        return name;
    }

    public Endpoint endpoint() {
        return endpoint;
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

    public void addStateListener(Consumer<ConnectionState> listener) {
        stateListeners.add(listener);
        listener.accept(state);
    }

    /** Connects in the background; retries with backoff while the server cannot be reached. */
    public void start() {
        thread.execute(this::connect);
    }

    private LxdClient requireClient() {
        LxdClient c = client;
        if (c == null) {
            throw new IllegalStateException(name + " is not connected");
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
            connected = LxdClient.connect(endpoint);
            client = connected;
            // Listen before loading, so no change between the listing and the subscription is missed.
            connected.events().addListener(new StreamListener());
            connected.events().awaitOpen(EVENTS_OPEN);
            instances.reload();
            nextRetryMillis = FIRST_RETRY_MILLIS;
            setState(new ConnectionState(ConnectionState.Status.ONLINE, null, connected.kind(),
                    connected.serverInfo().environment() == null ? null
                            : connected.serverInfo().environment().serverVersion()));
        } catch (LxdException | IllegalStateException e) {
            LOG.log(Level.FINE, "cannot connect to " + name, e);
            if (connected != null) {
                connected.close();
            }
            client = null;
            setState(new ConnectionState(ConnectionState.Status.OFFLINE, messageOf(e), null, null));
            scheduleRetry();
        }
    }

    private void scheduleRetry() {
        if (closed) {
            return;
        }
        long delay = nextRetryMillis;
        nextRetryMillis = Math.min(MAX_RETRY_MILLIS, nextRetryMillis * 2);
        thread.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private static String messageOf(RuntimeException e) {
        if (e instanceof LxdException lxd && lxd.serverMessage() != null) {
            return lxd.serverMessage();
        }
        return e.getMessage();
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
        @Override
        public void onEvent(Event event) {
            if (instances.concerns(event)) {
                thread.execute(() -> instances.onEvent(event));
            }
        }

        @Override
        public void onConnected(boolean reconnect) {
            if (reconnect) {
                thread.execute(() -> {
                    instances.markStale();
                    LxdClient c = client;
                    setState(new ConnectionState(ConnectionState.Status.ONLINE, null,
                            c == null ? null : c.kind(), state.version()));
                });
            }
        }

        @Override
        public void onDisconnected(LxdException cause) {
            thread.execute(() -> {
                if (state.online()) {
                    setState(new ConnectionState(ConnectionState.Status.OFFLINE, cause.serverMessage(),
                            state.kind(), state.version()));
                }
            });
        }
    }
}
