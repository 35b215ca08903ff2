package dev.hako.ui.files;

import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.common.TaskHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds every task until the test runs it, in any order, on a {@link CurrentThreadTaskExecutor}.
 * A cancel is only recorded: the task still delivers, as one whose answer was already on its
 * way when it was cancelled, so a screen must drop stale answers itself.
 */
final class DeferredTaskExecutor implements TaskExecutor {

    private final CurrentThreadTaskExecutor now = new CurrentThreadTaskExecutor();
    private final List<BackgroundTask<?>> waiting = new ArrayList<>();

    int waiting() {
        return waiting.size();
    }

    /** Runs the task submitted {@code index}-th among those still waiting. */
    void run(int index) {
        now.execute(waiting.remove(index));
    }

    void runAll() {
        while (!waiting.isEmpty()) {
            run(0);
        }
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        waiting.add(task);
        return new TaskHandle() {
            private boolean cancelled;

            @Override
            public void cancel() {
                cancelled = true;
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }

            @Override
            public boolean isDone() {
                return false;
            }
        };
    }

    @Override
    public void runOnUi(Runnable action) {
        action.run();
    }

    @Override
    public boolean isUiThread() {
        return true;
    }

    @Override
    public void runInBackground(Runnable work) {
        work.run();
    }
}
