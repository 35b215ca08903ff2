package dev.hako.model;

import dev.hako.lxd.LxdException;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.api.Event;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live contents of one kind of server object (instances, profiles …): loaded
 * once with a recursive GET, then kept current from lifecycle events. Events are
 * gathered for a short window; a few changed objects are re-read one by one, many
 * at once with one listing. All work runs on the remote's model thread.
 */
public final class ResourceCollection<T> {

    private static final Logger LOG = Logger.getLogger(ResourceCollection.class.getName());
    /** How long events are gathered before they are applied as one change. */
    static final long COALESCE_MILLIS = 50;
    /** Above this many pending objects one listing is cheaper than single reads. */
    static final int RELOAD_THRESHOLD = 16;

    private final String what;
    private final Function<Event, String> eventKey;
    private final Supplier<List<T>> loadAll;
    private final Function<String, T> loadOne;
    private final Function<T, String> keyOf;
    private final ScheduledExecutorService thread;
    private final List<CollectionListener<T>> listeners = new CopyOnWriteArrayList<>();
    private volatile Map<String, T> snapshot = Map.of();
    private volatile boolean loaded;
    private final Set<String> pending = new HashSet<>();
    private boolean flushScheduled;
    private boolean reloadPending;

    /**
     * @param eventKey the key of the object a lifecycle event is about, "" to reload everything,
     *                 or null when the event does not concern this collection
     */
    ResourceCollection(String what, Function<Event, String> eventKey, Supplier<List<T>> loadAll,
                       Function<String, T> loadOne, Function<T, String> keyOf, ScheduledExecutorService thread) {
        this.what = what;
        this.eventKey = eventKey;
        this.loadAll = loadAll;
        this.loadOne = loadOne;
        this.keyOf = keyOf;
        this.thread = thread;
    }

    /** The current contents by name, in server order; immutable. */
    public Map<String, T> snapshot() {
        return snapshot;
    }

    public boolean isLoaded() {
        return loaded;
    }

    /** Adds a listener and, if the collection is loaded, tells it the current contents at once. */
    public void addListener(CollectionListener<T> listener) {
        listeners.add(listener);
        try {
            thread.execute(() -> {
                if (loaded) {
                    listener.changed(new CollectionChange<>(snapshot, snapshot.keySet(), Set.of(), true));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // The remote was closed (a window shutting down still asks): it has nothing more to tell.
        }
    }

    public void removeListener(CollectionListener<T> listener) {
        listeners.remove(listener);
    }

    /** Reads everything again (first load, and after the event stream was away). Model thread only. */
    void reload() {
        List<T> all = loadAll.get();
        Map<String, T> fresh = new LinkedHashMap<>();
        for (T item : all) {
            fresh.put(keyOf.apply(item), item);
        }
        Set<String> removed = new HashSet<>(snapshot.keySet());
        removed.removeAll(fresh.keySet());
        // Only what really changed counts as updated, so views touch only those rows.
        Set<String> updated = new HashSet<>();
        Map<String, T> previous = snapshot;
        fresh.forEach((key, value) -> {
            if (!value.equals(previous.get(key))) {
                updated.add(key);
            }
        });
        snapshot = Collections.unmodifiableMap(fresh);
        loaded = true;
        publish(new CollectionChange<>(snapshot, updated, removed, true));
    }

    /** Whether a lifecycle event concerns this collection. */
    boolean concerns(Event event) {
        return event.isLifecycle() && eventKey.apply(event) != null;
    }

    /** Notes an event's object as changed; called on the model thread. */
    void onEvent(Event event) {
        if (!loaded) {
            return;
        }
        String key = eventKey.apply(event);
        if (key == null) {
            return;
        }
        if (key.isEmpty()) {
            markStale();
            return;
        }
        pending.add(key);
        String oldName = event.metadata().path("context").path("old_name").asText("");
        if (!oldName.isEmpty()) {
            pending.add(key.substring(0, key.lastIndexOf('/') + 1) + oldName);
        }
        scheduleFlush();
    }

    /**
     * Event key for top-level objects under {@code prefix} (e.g. {@code /1.0/profiles/}):
     * their name; null for anything deeper or elsewhere.
     */
    static Function<Event, String> topLevel(String prefix) {
        return event -> {
            String source = event.source();
            if (!source.startsWith(prefix) || source.indexOf('/', prefix.length()) >= 0
                    || source.length() == prefix.length()) {
                return null;
            }
            return event.sourceName();
        };
    }

    /** Marks the whole collection stale, e.g. after a reconnect; coalesced like events. */
    void markStale() {
        reloadPending = true;
        scheduleFlush();
    }

    private void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            thread.schedule(this::flush, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void flush() {
        flushScheduled = false;
        try {
            if (reloadPending || pending.size() > RELOAD_THRESHOLD) {
                reloadPending = false;
                pending.clear();
                reload();
                return;
            }
            Map<String, T> next = new LinkedHashMap<>(snapshot);
            Set<String> updated = new HashSet<>();
            Set<String> removed = new HashSet<>();
            for (String name : pending) {
                T item = readOne(name);
                if (item == null) {
                    if (next.remove(name) != null) {
                        removed.add(name);
                    }
                } else {
                    next.put(name, item);
                    updated.add(name);
                }
            }
            pending.clear();
            if (!updated.isEmpty() || !removed.isEmpty()) {
                snapshot = Collections.unmodifiableMap(next);
                publish(new CollectionChange<>(snapshot, updated, removed, false));
            }
        } catch (LxdException e) {
            LOG.log(Level.FINE, "refresh of " + what + " failed; reloading on reconnect", e);
            reloadPending = true;
        }
    }

    private T readOne(String name) {
        try {
            return loadOne.apply(name);
        } catch (NotFoundException gone) {
            return null;
        }
    }

    private void publish(CollectionChange<T> change) {
        for (CollectionListener<T> listener : listeners) {
            try {
                listener.changed(change);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "collection listener failed", e);
            }
        }
    }
}
