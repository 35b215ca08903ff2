package dev.hako.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.api.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Coalescing of events into few changes, without a server: the loaders read an in-memory table. */
class ResourceCollectionTest {

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, String> table = new ConcurrentHashMap<>();
    private final AtomicInteger listings = new AtomicInteger();
    private final AtomicInteger singleReads = new AtomicInteger();
    private final List<CollectionChange<String>> changes = new CopyOnWriteArrayList<>();

    private final ResourceCollection<String> collection = new ResourceCollection<>("test",
            ResourceCollection.topLevel("/1.0/things/"),
            () -> {
                listings.incrementAndGet();
                return new ArrayList<>(table.keySet().stream().sorted().toList());
            },
            key -> {
                singleReads.incrementAndGet();
                if (!table.containsKey(key)) {
                    throw new NotFoundException("gone", 404, "not found");
                }
                return key;
            },
            value -> value, thread);

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    private static Event event(String action, String name) {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.put("action", action);
        metadata.put("source", "/1.0/things/" + name);
        return new Event("lifecycle", null, null, "default", metadata);
    }

    private void load() throws Exception {
        thread.submit(collection::reload).get();
        collection.addListener(changes::add);
        // Whatever flush the load scheduled has run once a task queued after it has.
        thread.schedule(() -> { }, 2 * ResourceCollection.COALESCE_MILLIS, TimeUnit.MILLISECONDS).get();
        changes.clear();
    }

    /**
     * Waits until the coalesced change has come, then until the collection's thread has
     * nothing left to do (a task queued behind the flush runs after it).
     */
    private void settle() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (changes.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        thread.schedule(() -> { }, 2 * ResourceCollection.COALESCE_MILLIS, TimeUnit.MILLISECONDS).get();
    }

    @Test
    void aBurstOfEventsBecomesOneListingAndOneChange() throws Exception {
        for (int i = 0; i < 1000; i++) {
            table.put(String.format("t%04d", i), "");
        }
        load();
        int listingsBefore = listings.get();
        // The burst arrives as the event stream delivers it: on the collection's thread, one after another.
        thread.execute(() -> {
            for (int i = 0; i < 1000; i++) {
                collection.onEvent(event("thing-updated", String.format("t%04d", i)));
            }
        });
        settle();
        assertThat(changes).hasSize(1);
        assertThat(listings.get() - listingsBefore).isEqualTo(1);
        assertThat(singleReads.get()).isZero();
        assertThat(changes.get(0).snapshot()).hasSize(1000);
    }

    @Test
    void aFewEventsAreReadOneByOneAndDeletionsRemoved() throws Exception {
        table.put("a", "");
        table.put("b", "");
        load();
        table.put("c", "");
        table.remove("a");
        thread.execute(() -> {
            collection.onEvent(event("thing-created", "c"));
            collection.onEvent(event("thing-deleted", "a"));
        });
        settle();
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).updated()).containsExactly("c");
        assertThat(changes.get(0).removed()).containsExactly("a");
        assertThat(collection.snapshot().keySet()).containsExactlyInAnyOrder("b", "c");
        assertThat(singleReads.get()).isEqualTo(2);
    }

    @Test
    void eventsAboutOtherObjectsOrDeeperPathsAreIgnored() throws Exception {
        load();
        assertThat(collection.concerns(event("thing-updated", "x"))).isTrue();
        assertThat(collection.concerns(event("snapshot-created", "x/snapshots/s0"))).isFalse();
        ObjectNode other = JsonNodeFactory.instance.objectNode();
        other.put("action", "profile-updated");
        other.put("source", "/1.0/profiles/default");
        assertThat(collection.concerns(new Event("lifecycle", null, null, "default", other))).isFalse();
    }

    @Test
    void aListenerAddedAfterTheRemoteClosedIsToldNothingAndNothingFails() throws Exception {
        thread.submit(collection::reload).get();
        thread.shutdownNow();

        collection.addListener(changes::add);

        assertThat(changes).isEmpty();
    }
}
