package dev.hako.model.metrics;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records the figures of the remotes the user switched recording on for: one request per
 * remote per interval ({@code GET /1.0/metrics}, or one {@code GET /1.0/instances?recursion=2}
 * from a server without it), and nothing at all for the others. A remote that is offline is
 * skipped (no request); a refusal is kept as that remote's failure and told to listeners.
 */
public final class MetricRecording implements AutoCloseable {

    /** Hears of readings, on the recording thread. */
    public interface Listener {
        /** A reading of {@code remote} was stored (queued on the history's writer). */
        void recorded(String remote);

        /** Reading {@code remote} failed; {@code failure} is null again once a reading succeeds. */
        void failed(String remote, RuntimeException failure);
    }

    private static final Logger LOG = Logger.getLogger(MetricRecording.class.getName());

    private final Workspace workspace;
    private final MetricHistory history;
    private final LongSupplier clockMillis;
    private final ScheduledThreadPoolExecutor timer;
    private final Map<String, Recorder> recorders = new ConcurrentHashMap<>();
    private final Map<String, RuntimeException> failures = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile Duration interval;

    public MetricRecording(Workspace workspace, MetricHistory history, Duration interval) {
        this(workspace, history, interval, System::currentTimeMillis);
    }

    /** With a clock (epoch milliseconds) of the caller's, for simulations. */
    public MetricRecording(Workspace workspace, MetricHistory history, Duration interval, LongSupplier clockMillis) {
        this.workspace = workspace;
        this.history = history;
        this.interval = interval;
        this.clockMillis = clockMillis;
        this.timer = new ScheduledThreadPoolExecutor(2, r -> {
            Thread thread = new Thread(r, "hako-metrics");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    public MetricHistory history() {
        return history;
    }

    public Duration interval() {
        return interval;
    }

    /** A new interval; the remotes being recorded take it at once. */
    public synchronized void setInterval(Duration interval) {
        this.interval = interval;
        for (String remote : Set.copyOf(recorders.keySet())) {
            setRecording(remote, false);
            setRecording(remote, true);
        }
    }

    public boolean isRecording(String remote) {
        return recorders.containsKey(remote);
    }

    /** Starts (first reading at once) or stops recording a remote. */
    public synchronized void setRecording(String remote, boolean on) {
        Recorder running = recorders.remove(remote);
        if (running != null) {
            running.future.cancel(false);
        }
        failures.remove(remote);
        if (on && !timer.isShutdown()) {
            Recorder recorder = new Recorder(remote);
            recorder.future = timer.scheduleAtFixedRate(recorder::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
            recorders.put(remote, recorder);
        }
    }

    /** Why the last reading of {@code remote} failed, or null. */
    public RuntimeException failure(String remote) {
        return failures.get(remote);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        recorders.clear();
    }

    /** One remote's readings: the previous one of each instance, for rates. */
    private final class Recorder {
        private final String remote;
        private final Reader reader = new Reader();
        private ScheduledFuture<?> future;

        Recorder(String remote) {
            this.remote = remote;
        }

        void tick() {
            RemoteModel model = workspace.remote(remote);
            LxdClient client = model == null ? null : model.client();
            if (client == null) {
                return;
            }
            try {
                reader.read(client, remote, history, clockMillis.getAsLong());
                if (failures.remove(remote) != null) {
                    listeners.forEach(l -> l.failed(remote, null));
                }
                listeners.forEach(l -> l.recorded(remote));
            } catch (RuntimeException failed) {
                LOG.log(Level.FINE, "reading the metrics of " + remote + " failed", failed);
                failures.put(remote, failed);
                listeners.forEach(l -> l.failed(remote, failed));
            }
        }
    }

    /**
     * Turns successive readings of one remote into points (rates against the previous
     * reading of the same instance) and stores them. Not thread-safe: one per remote.
     */
    public static final class Reader {
        private Map<String, InstanceReading> previous = Map.of();
        private long previousMillis;
        private boolean noMetricsEndpoint;

        /** Reads the server once (one request) and stores what it said. */
        public void read(LxdClient client, String remote, MetricHistory history, long nowMillis) {
            Map<String, InstanceReading> readings;
            if (noMetricsEndpoint || !client.metrics().available()) {
                readings = InstanceReading.ofStates(client.metrics().instanceStates(), client.project());
            } else {
                try {
                    readings = InstanceReading.ofSamples(client.metrics().samples());
                } catch (NotFoundException absent) {
                    // Said to have it, but has not: the next readings use the instances' state.
                    noMetricsEndpoint = true;
                    throw absent;
                }
            }
            store(remote, history, readings, nowMillis);
        }

        /** Stores one reading made at {@code nowMillis}; the rates are against the previous one. */
        public void store(String remote, MetricHistory history, Map<String, InstanceReading> readings,
                          long nowMillis) {
            double seconds = previousMillis == 0 ? 0 : (nowMillis - previousMillis) / 1000.0;
            long time = nowMillis / 1000;
            Map<String, MetricPoint> points = new HashMap<>();
            for (var entry : readings.entrySet()) {
                points.put(entry.getKey(), MetricPoint.between(previous.get(entry.getKey()), entry.getValue(), time,
                        seconds));
            }
            history.record(remote, time, points, MetricPoint.total(time, points.values()));
            previous = readings;
            previousMillis = nowMillis;
        }
    }
}
