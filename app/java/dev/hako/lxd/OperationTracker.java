package dev.hako.lxd;

import dev.hako.lxd.api.Event;
import dev.hako.lxd.api.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Remembers what the event stream said about operations. The server forgets a
 * finished operation after 5 s; because the stream is open before any operation
 * starts, a result that arrives while nobody is waiting yet is kept here.
 */
final class OperationTracker implements EventListener {

    private static final int REMEMBERED = 2048;

    private final Map<String, Operation> finished = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Operation> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final Map<String, List<Consumer<Operation>>> watchers = new ConcurrentHashMap<>();
    private final List<Consumer<Operation>> everyOperation = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(Event event) {
        if (!event.isOperation()) {
            return;
        }
        Operation operation = Json.convert(event.metadata(), Operation.class);
        if (operation == null || operation.id() == null) {
            return;
        }
        if (operation.isFinal()) {
            synchronized (finished) {
                finished.put(operation.id(), operation);
                finished.notifyAll();
            }
        }
        List<Consumer<Operation>> forThis = watchers.get(operation.id());
        if (forThis != null) {
            forThis.forEach(w -> w.accept(operation));
        }
        everyOperation.forEach(w -> w.accept(operation));
    }

    Operation finished(String id) {
        synchronized (finished) {
            return finished.get(id);
        }
    }

    /** Waits a little for a final state that the stream may still be delivering. */
    Operation awaitFinished(String id, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        synchronized (finished) {
            Operation op;
            while ((op = finished.get(id)) == null) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return null;
                }
                try {
                    finished.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            return op;
        }
    }

    Subscription watch(String id, Consumer<Operation> watcher) {
        watchers.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(watcher);
        return () -> watchers.computeIfPresent(id, (k, list) -> {
            list.remove(watcher);
            return list.isEmpty() ? null : list;
        });
    }

    AutoCloseable watchAll(Consumer<Operation> watcher) {
        everyOperation.add(watcher);
        return () -> everyOperation.remove(watcher);
    }
}
