package dev.hako.ui.view.dashboard;

import dev.hako.model.RemoteModel;
import dev.hako.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells dashboards on the UI thread that something a dashboard counts changed on a remote:
 * its connection, instances, pools, networks, members or operations. One set of listeners
 * per remote however many dashboards come and go (the model has no way to take a listener
 * back), and a burst of changes is one call.
 */
final class RemoteFeeds {

    private final TaskExecutor tasks;
    private final Map<RemoteModel, Feed> feeds = new IdentityHashMap<>();
    private boolean disposed;

    RemoteFeeds(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    /** Calls {@code changed} on the UI thread after each change of {@code remote}; run the result to stop. UI thread. */
    Runnable subscribe(RemoteModel remote, Runnable changed) {
        if (disposed) {
            return () -> { };
        }
        Feed feed = feeds.computeIfAbsent(remote, Feed::new);
        feed.subscribers.add(changed);
        return () -> feed.subscribers.remove(changed);
    }

    /** Nobody hears anything any more (window closed). */
    void dispose() {
        disposed = true;
        feeds.values().forEach(feed -> feed.subscribers.clear());
        feeds.clear();
    }

    private final class Feed {
        private final List<Runnable> subscribers = new ArrayList<>();
        private final AtomicBoolean queued = new AtomicBoolean();

        Feed(RemoteModel remote) {
            remote.addStateListener(state -> poke());
            remote.instances().addListener(change -> poke());
            remote.storagePools().addListener(change -> poke());
            remote.networks().addListener(change -> poke());
            remote.clusterMembers().addListener(change -> poke());
            remote.operations().addListener(entry -> poke());
        }

        /** From any thread: one call on the UI thread for however many changes come before it runs. */
        private void poke() {
            if (queued.compareAndSet(false, true)) {
                tasks.runOnUi(() -> {
                    queued.set(false);
                    List.copyOf(subscribers).forEach(Runnable::run);
                });
            }
        }
    }
}
