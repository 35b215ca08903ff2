package dev.hako.lxd;

import dev.hako.lxd.api.Event;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The server's {@code /1.0/events} websocket, shared by every listener of one client.
 * It reconnects by itself with exponential backoff and tells listeners when it did,
 * since events sent while it was away are lost.
 *
 * <p>It listens to all projects and passes on the client's own project's events, plus
 * the lifecycle of projects themselves: the server sends {@code project-created} in the
 * new project, so a stream of one project would never hear of another project being
 * made. A client the server does not allow all projects (a restricted certificate) falls
 * back to its own project's stream.
 */
public final class EventStream implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventStream.class.getName());
    static final Duration FIRST_RETRY = Duration.ofMillis(250);
    static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final Transport transport;
    private final String types;
    private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService retries;
    private final Object lock = new Object();
    private WebSocket socket;
    private boolean started;
    private boolean closed;
    private boolean everConnected;
    private Duration nextRetry = FIRST_RETRY;
    private volatile CountDownLatch connected = new CountDownLatch(1);
    private volatile boolean open;
    private volatile boolean allProjects = true;

    EventStream(Transport transport, String types) {
        this.transport = transport;
        this.types = types;
        this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hako-events-retry " + transport.endpoint().display());
            t.setDaemon(true);
            return t;
        });
    }

    public void addListener(EventListener listener) {
        listeners.add(listener);
        start();
    }

    public void removeListener(EventListener listener) {
        listeners.remove(listener);
    }

    public boolean isOpen() {
        return open;
    }

    /** Starts the stream if it is not running and waits up to {@code timeout} for it to be open. */
    public boolean awaitOpen(Duration timeout) {
        start();
        try {
            return connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void start() {
        synchronized (lock) {
            if (started || closed) {
                return;
            }
            started = true;
            connect();
        }
    }

    private void connect() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            // "project" must be empty with all-projects, or the server refuses the pair.
            socket = transport.openWebSocket(allProjects
                    ? transport.url("/1.0/events", "type", types, "all-projects", "true", "project", "")
                    : transport.url("/1.0/events", "type", types), new Handler());
        }
    }

    private void scheduleReconnect(LxdException cause) {
        open = false;
        Duration delay;
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (connected.getCount() == 0) {
                connected = new CountDownLatch(1);
            }
            delay = nextRetry;
            nextRetry = nextRetry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : nextRetry.multipliedBy(2);
        }
        listeners.forEach(l -> l.onDisconnected(cause));
        retries.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (socket != null) {
                socket.close(1000, null);
            }
        }
        retries.shutdownNow();
        listeners.clear();
    }

    private final class Handler extends WebSocketListener {
        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            boolean reconnect;
            synchronized (lock) {
                reconnect = everConnected;
                everConnected = true;
                nextRetry = FIRST_RETRY;
            }
            open = true;
            connected.countDown();
            listeners.forEach(l -> l.onConnected(reconnect));
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            Event event;
            try {
                event = Json.MAPPER.readValue(text, Event.class);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "ignoring an event that is not valid JSON: {0}", e.getMessage());
                return;
            }
            if (!concernsThisProject(event)) {
                return;
            }
            for (EventListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "event listener failed", e);
                }
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            scheduleReconnect(UnreachableException.connectionLost("event stream closed by the server (" + code + ")",
                    null));
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            LxdException cause = response != null && response.code() >= 400
                    ? ResponseParser.errorOf(response, "GET", "/1.0/events")
                    : transport.mapIoFailure("event stream", t);
            if (response != null) {
                response.close();
            }
            if (allProjects && (cause.status() == 400 || cause.status() == 403)) {
                allProjects = false;
            }
            scheduleReconnect(cause);
        }
    }

    /** An event of the client's project (or of none), or a project's own lifecycle. */
    private boolean concernsThisProject(Event event) {
        String project = event.project();
        String own = transport.project() == null ? "default" : transport.project();
        if (project == null || project.isEmpty() || project.equals(own)) {
            return true;
        }
        return "lifecycle".equals(event.type()) && event.metadata() != null
                && event.metadata().path("action").asText("").startsWith("project-");
    }
}
