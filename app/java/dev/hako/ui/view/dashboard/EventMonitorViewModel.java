package dev.hako.ui.view.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hako.lxd.EventListener;
import dev.hako.lxd.EventStream;
import dev.hako.lxd.Json;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Event;
import dev.hako.model.RemoteModel;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The live event stream of one remote or of all, as rows: lifecycle, operation and logging
 * events, filtered by type, minimum logging level and a search, paused, cleared and exported
 * as JSON lines. Each remote gets an event stream of its own while the monitor is open
 * ({@link #open()} … {@link #close()}): closed, the monitor costs the server nothing.
 *
 * <p>Memory is bounded: the last {@code limit} events are kept. Events arrive on the
 * streams' threads into a queue (bounded too); {@link #flush()}, called on the UI thread
 * every 100 ms by the view, moves them into the table in one change, so a burst of
 * thousands of events is a few repaints, not thousands.
 */
final class EventMonitorViewModel {

    /** Every type the monitor shows; the shared stream of the model has only the first two. */
    static final String TYPES = "lifecycle,operation,logging";
    /** What a client that may not read the server's log (a restricted certificate) is given. */
    static final String TYPES_WITHOUT_LOGGING = "lifecycle,operation";
    static final int DEFAULT_LIMIT = 10_000;

    /** The level of a logging event, in order of weight. */
    enum Level {
        DEBUG, INFO, WARNING, ERROR;

        /** The server's word for it: LXD sends "dbug", "info", "warn", "eror", "crit"; Incus the full words. */
        static Level of(String level) {
            String l = level == null ? "" : level.toLowerCase(Locale.ROOT);
            if (l.startsWith("d")) {
                return DEBUG;
            } else if (l.startsWith("w")) {
                return WARNING;
            } else if (l.startsWith("e") || l.startsWith("c") || l.startsWith("f") || l.startsWith("p")) {
                return ERROR;
            }
            return INFO;
        }
    }

    /** One row: what the table shows and the event itself (for export). */
    record Row(OffsetDateTime time, String remote, String type, String level, String action, String source,
               String project, String message, Event event) {

        /** The event as the server sent it, with the remote it came from, on one line. */
        String json() {
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.put("remote", remote);
            node.put("type", event.type());
            node.put("timestamp", event.timestamp() == null ? null : event.timestamp().toString());
            node.put("location", event.location());
            node.put("project", event.project());
            node.set("metadata", event.metadata());
            return node.toString();
        }

        String searchable() {
            return String.join("\u0000", remote, type, level, action, source, project, message)
                    .toLowerCase(Locale.ROOT);
        }
    }

    private final Supplier<List<RemoteModel>> remotes;
    private final I18n i18n;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final int limit;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final FilteredList<Row> shown = new FilteredList<>(rows);
    private final BooleanProperty lifecycle = new SimpleBooleanProperty(this, "lifecycle", true);
    private final BooleanProperty operation = new SimpleBooleanProperty(this, "operation", true);
    private final BooleanProperty logging = new SimpleBooleanProperty(this, "logging", true);
    private final ObjectProperty<Level> minLevel = new SimpleObjectProperty<>(this, "minLevel", Level.INFO);
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused");
    private final ConcurrentLinkedQueue<Row> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    /** The stream of each remote while open, by remote name, with the client it was opened on. */
    private final Map<String, Open> streams = new HashMap<>();
    private int flushes;

    /** Remotes whose server refused the stream: logging is for admins only, so they reopen without it. */
    private final java.util.Set<String> refused = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private record Open(LxdClient client, EventStream stream, boolean logging) {
    }

    /**
     * @param remotes the remotes to listen to, asked again on each {@link #syncStreams()}
     *                (one remote's monitor, or every remote of the window)
     * @param limit   how many events are kept
     */
    EventMonitorViewModel(Supplier<List<RemoteModel>> remotes, I18n i18n, TaskExecutor tasks, DialogService dialogs,
                          int limit) {
        this.remotes = remotes;
        this.i18n = i18n;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.limit = Math.max(1, limit);
        lifecycle.addListener(o -> refilter());
        operation.addListener(o -> refilter());
        logging.addListener(o -> refilter());
        minLevel.addListener(o -> refilter());
        query.addListener(o -> refilter());
        refilter();
        paused.addListener((o, was, now) -> {
            if (!now) {
                flush();
            }
        });
    }

    I18n i18n() {
        return i18n;
    }

    /** The kept events, oldest first. */
    ObservableList<Row> rows() {
        return rows;
    }

    /** The kept events that pass the filters: what the table shows. */
    ObservableList<Row> shown() {
        return shown;
    }

    BooleanProperty lifecycleProperty() {
        return lifecycle;
    }

    BooleanProperty operationProperty() {
        return operation;
    }

    BooleanProperty loggingProperty() {
        return logging;
    }

    /** Logging events below this level are hidden. */
    ObjectProperty<Level> minLevelProperty() {
        return minLevel;
    }

    StringProperty queryProperty() {
        return query;
    }

    /** While paused, events wait (bounded as the table is) and the table stays as it is. */
    BooleanProperty pausedProperty() {
        return paused;
    }

    int limit() {
        return limit;
    }

    /** Events received and not yet in the table. */
    int pendingCount() {
        return pendingCount.get();
    }

    /** How many times the table was changed by arriving events. */
    int flushCount() {
        return flushes;
    }

    /** Whether a stream is open for the remote (a test checks that a closed monitor holds none). */
    boolean listensTo(String remote) {
        return streams.containsKey(remote);
    }

    /** Opens a stream for each connected remote. UI thread. */
    void open() {
        syncStreams();
    }

    /**
     * Opens streams for remotes that connected since, and drops those of remotes that went
     * away or reconnected with another client. Cheap: called on every flush tick.
     */
    void syncStreams() {
        Map<String, LxdClient> now = new HashMap<>();
        for (RemoteModel remote : remotes.get()) {
            if (remote.client() != null) {
                now.put(remote.name(), remote.client());
            }
        }
        for (Iterator<Map.Entry<String, Open>> it = streams.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Open> entry = it.next();
            boolean reopenWithoutLogging = entry.getValue().logging() && refused.contains(entry.getKey());
            if (now.get(entry.getKey()) != entry.getValue().client() || reopenWithoutLogging) {
                entry.getValue().stream().close();
                it.remove();
            }
        }
        now.forEach((name, client) -> {
            if (!streams.containsKey(name)) {
                boolean logging = !refused.contains(name);
                EventStream stream = client.openEvents(logging ? TYPES : TYPES_WITHOUT_LOGGING);
                stream.addListener(new EventListener() {
                    @Override
                    public void onEvent(Event event) {
                        offer(name, event);
                    }

                    @Override
                    public void onDisconnected(dev.hako.lxd.LxdException cause) {
                        if (logging && refusal(cause)) {
                            refused.add(name);
                        }
                    }
                });
                streams.put(name, new Open(client, stream, logging));
            }
        });
    }

    /** Incus refuses the server's log to a restricted client with 403, LXD 5.0 with 500 "Forbidden". */
    private static boolean refusal(dev.hako.lxd.LxdException cause) {
        return cause.status() == 403
                || cause.status() == 500 && "Forbidden".equalsIgnoreCase(String.valueOf(cause.serverMessage()).strip());
    }

    /** Whether the remote's stream carries the server's log (not for a restricted certificate). */
    boolean hearsLogging(String remote) {
        Open open = streams.get(remote);
        return open != null && open.logging();
    }

    /** Closes every stream: nothing more is asked of the servers. UI thread. */
    void close() {
        streams.values().forEach(open -> open.stream().close());
        streams.clear();
        refused.clear();
    }

    /** Takes an event from any thread; it shows at the next flush. The oldest waiting one goes past the limit. */
    void offer(String remote, Event event) {
        pending.add(EventRows.of(remote, event));
        if (pendingCount.incrementAndGet() > limit && pending.poll() != null) {
            pendingCount.decrementAndGet();
        }
    }

    /** Moves the waiting events into the table in one change, keeping the last {@code limit}. UI thread. */
    void flush() {
        if (paused.get() || pending.isEmpty()) {
            return;
        }
        List<Row> batch = new ArrayList<>();
        for (Row row = pending.poll(); row != null; row = pending.poll()) {
            pendingCount.decrementAndGet();
            batch.add(row);
        }
        flushes++;
        int excess = rows.size() + batch.size() - limit;
        if (excess <= 0) {
            rows.addAll(batch);
        } else {
            List<Row> kept = new ArrayList<>(limit);
            if (excess < rows.size()) {
                kept.addAll(rows.subList(excess, rows.size()));
            }
            kept.addAll(batch.subList(Math.max(0, batch.size() - limit), batch.size()));
            rows.setAll(kept);
        }
    }

    /** Empties the table and what waits. */
    void clear() {
        pending.clear();
        pendingCount.set(0);
        rows.clear();
    }

    /** "120 of 4,000 events": shown, kept and the limit. */
    String countText() {
        return i18n.format("events.count", shown.size(), rows.size(), limit);
    }

    /** Writes the events the table shows, one JSON object per line, on a worker thread. */
    void exportTo(Path target) {
        List<String> lines = shown.stream().map(Row::json).toList();
        tasks.execute(BackgroundTask.ofRunnable(() -> {
            try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                for (String line : lines) {
                    out.write(line);
                    out.write('\n');
                }
            }
        }).onFailure(failed -> dialogs.showError(i18n.format("events.exportFailed", target.getFileName()), failed)));
    }

    private void refilter() {
        boolean life = lifecycle.get();
        boolean ops = operation.get();
        boolean logs = logging.get();
        Level least = minLevel.get() == null ? Level.DEBUG : minLevel.get();
        String wanted = query.get() == null ? "" : query.get().strip().toLowerCase(Locale.ROOT);
        shown.setPredicate(row -> {
            boolean typeShown = switch (row.type()) {
                case Event.LIFECYCLE -> life;
                case Event.OPERATION -> ops;
                case Event.LOGGING -> logs && Level.of(row.level()).compareTo(least) >= 0;
                default -> true;
            };
            return typeShown && (wanted.isEmpty() || row.searchable().contains(wanted));
        });
    }
}
