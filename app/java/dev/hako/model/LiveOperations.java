package dev.hako.model;

import dev.hako.lxd.api.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The operations of one server as they are now. Fed by the event stream, which does not
 * keep a server's events in order (each is written on its own), so a late "Running"
 * never replaces a final state; and checked against the server's own list while anything
 * looks running, so an end the stream never delivered is still found: an operation the
 * server no longer lists has ended. Runs on the remote's model thread.
 */
public final class LiveOperations {

    private static final Logger LOG = Logger.getLogger(LiveOperations.class.getName());

    /** First wait before the server's list is read while something runs; doubled while nothing changes. */
    static final long FIRST_CHECK_MILLIS = 1500;
    static final long LONGEST_CHECK_MILLIS = 30_000;
    /** Ended operations kept for the drawer to show (it folds repeats, so a script's burst leaves room). */
    static final int KEEP_ENDED = 200;

    /** Ids of operations started here remembered (enough for any burst the drawer can show). */
    static final int KEEP_STARTED_HERE = 1000;

    /**
     * One operation; {@code vanished} when the server stopped listing it before its end was seen,
     * {@code startedHere} when this application asked for it (the others are other clients' work).
     */
    public record Entry(Operation operation, boolean vanished, boolean startedHere) {

        public boolean running() {
            return !vanished && !operation.isFinal();
        }
    }

    private final Supplier<List<Operation>> serverList;
    private final ScheduledExecutorService thread;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Set<String> startedHere = new java.util.LinkedHashSet<>();
    private final List<Consumer<Entry>> listeners = new CopyOnWriteArrayList<>();
    private volatile List<Entry> snapshot = List.of();
    private ScheduledFuture<?> nextCheck;
    private long checkMillis = FIRST_CHECK_MILLIS;

    /**
     * @param serverList reads {@code GET /1.0/operations} (blocking; may throw when offline)
     * @param thread     the model thread everything here runs on
     */
    public LiveOperations(Supplier<List<Operation>> serverList, ScheduledExecutorService thread) {
        this.serverList = serverList;
        this.thread = thread;
    }

    /** Hears each change, on the model thread. */
    public void addListener(Consumer<Entry> listener) {
        listeners.add(listener);
    }

    /** What the stream said, from any thread. */
    public void onStreamed(Operation operation) {
        thread.execute(() -> {
            if (apply(operation)) {
                checkMillis = FIRST_CHECK_MILLIS;
            }
            scheduleCheck();
        });
    }

    /**
     * Marks an operation as started by this application, from any thread. Its events may
     * come before the answer that names it, so an entry already known is updated too.
     */
    public void onStartedHere(String id) {
        thread.execute(() -> {
            startedHere.add(id);
            if (startedHere.size() > KEEP_STARTED_HERE) {
                startedHere.remove(startedHere.iterator().next());
            }
            Entry known = entries.get(id);
            if (known != null && !known.startedHere()) {
                put(new Entry(known.operation(), known.vanished(), true));
            }
        });
    }

    /** Reads the server's list now (after a reconnect, when events may have been missed). */
    public void resyncSoon() {
        thread.execute(this::resync);
    }

    /** The operations known, oldest news first (any thread). */
    public List<Entry> entries() {
        return snapshot;
    }

    /** True when the update is news (not a late echo of an older state). */
    private boolean apply(Operation operation) {
        Entry known = entries.get(operation.id());
        if (known != null && !known.running() && !operation.isFinal()) {
            return false;
        }
        if (known != null && known.operation().equals(operation)) {
            return false;
        }
        if (known != null && !operation.isFinal() && isOlder(operation, known.operation())) {
            return false;
        }
        put(new Entry(operation, false, startedHere.contains(operation.id())));
        return true;
    }

    private static boolean isOlder(Operation update, Operation known) {
        return update.updatedAt() != null && known.updatedAt() != null && update.updatedAt().isBefore(known.updatedAt());
    }

    private void put(Entry entry) {
        entries.remove(entry.operation().id());
        entries.put(entry.operation().id(), entry);
        forgetOldEnded();
        snapshot = List.copyOf(entries.values());
        listeners.forEach(l -> l.accept(entry));
    }

    private void forgetOldEnded() {
        List<String> ended = new ArrayList<>();
        entries.forEach((id, e) -> {
            if (!e.running()) {
                ended.add(id);
            }
        });
        for (int i = 0; i < ended.size() - KEEP_ENDED; i++) {
            entries.remove(ended.get(i));
        }
    }

    private void scheduleCheck() {
        boolean anyRunning = entries.values().stream().anyMatch(Entry::running);
        if (anyRunning && (nextCheck == null || nextCheck.isDone())) {
            nextCheck = thread.schedule(this::resync, checkMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void resync() {
        List<Operation> listed;
        try {
            listed = serverList.get();
        } catch (RuntimeException unreadable) {
            // Offline or refused: the next reconnect asks again.
            LOG.log(Level.FINE, "cannot list operations", unreadable);
            return;
        }
        boolean changed = false;
        Set<String> onServer = new HashSet<>();
        for (Operation operation : listed) {
            onServer.add(operation.id());
            changed |= apply(operation);
        }
        for (Entry entry : List.copyOf(entries.values())) {
            if (entry.running() && !onServer.contains(entry.operation().id())) {
                put(new Entry(entry.operation(), true, entry.startedHere()));
                changed = true;
            }
        }
        checkMillis = changed ? FIRST_CHECK_MILLIS : Math.min(LONGEST_CHECK_MILLIS, checkMillis * 2);
        nextCheck = null;
        scheduleCheck();
    }
}
