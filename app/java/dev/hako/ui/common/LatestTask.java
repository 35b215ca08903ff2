package dev.hako.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * A slot for work where only the latest request counts (loading a listing, checking
 * a field against the server): starting a new task cancels the one before, whose
 * result is then dropped, and {@link #runningProperty()} is true while one runs.
 * UI thread only.
 */
public final class LatestTask {

    private final TaskExecutor executor;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private TaskHandle current = TaskHandle.NONE;
    private long generation;

    public LatestTask(TaskExecutor executor) {
        this.executor = executor;
    }

    /** Cancels whatever runs in this slot and starts {@code task}. */
    public <T> TaskHandle run(BackgroundTask<T> task) {
        current.cancel();
        long mine = ++generation;
        Runnable finished = task.finishedCallback();
        running.set(true);
        TaskHandle handle = executor.execute(task.onFinished(() -> {
            if (mine == generation) {
                running.set(false);
            }
            finished.run();
        }));
        // A same-thread executor may already have started a newer task from this one's callbacks.
        if (mine == generation) {
            current = handle;
        }
        return handle;
    }

    /** Cancels the running task, if any. */
    public void cancel() {
        current.cancel();
        generation++;
        running.set(false);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }
}
