package dev.hako.ui.terminal;

import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.common.TaskHandle;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A same-thread executor that holds each task until the test lets it run ({@link #runNext}), so
 * a test can look at a screen while its work is under way (a session open and running).
 */
final class SteppingTaskExecutor implements TaskExecutor {

    private final CurrentThreadTaskExecutor now = new CurrentThreadTaskExecutor();
    private final Deque<Runnable> waiting = new ArrayDeque<>();

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        TaskHandle[] started = new TaskHandle[1];
        boolean[] cancelled = new boolean[1];
        waiting.add(() -> {
            if (!cancelled[0]) {
                started[0] = now.execute(task);
            }
        });
        return new TaskHandle() {
            @Override
            public void cancel() {
                cancelled[0] = true;
                if (started[0] != null) {
                    started[0].cancel();
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled[0];
            }

            @Override
            public boolean isDone() {
                return started[0] != null && started[0].isDone();
            }
        };
    }

    /** Runs the oldest waiting task to its end, callbacks included. */
    void runNext() {
        if (waiting.isEmpty()) {
            throw new AssertionError("no task is waiting");
        }
        waiting.poll().run();
    }

    /** Runs the newest waiting task (one started after others that are still under way). */
    void runNewest() {
        if (waiting.isEmpty()) {
            throw new AssertionError("no task is waiting");
        }
        waiting.pollLast().run();
    }

    int waiting() {
        return waiting.size();
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
