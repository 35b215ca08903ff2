package dev.hako.ui.common;

/**
 * The one way screens run slow work and come back to the UI thread. The window uses
 * {@link FxTaskExecutor}; view-model tests use {@link CurrentThreadTaskExecutor},
 * which runs everything at once on the calling thread.
 */
public interface TaskExecutor {

    /** Starts the task; its callbacks run on the UI thread. */
    <T> TaskHandle execute(BackgroundTask<T> task);

    /**
     * Hands {@code action} to the UI thread (for listeners called on other threads, such as
     * the model's change notifications). Runs it at once when already on the UI thread
     * only if {@link #isUiThread()} says so and the caller wants that; otherwise queues it.
     */
    void runOnUi(Runnable action);

    /** Whether the caller is on the UI thread. */
    boolean isUiThread();

    /** Runs blocking {@code work} on a worker thread without UI callbacks (e.g. closing a session). */
    void runInBackground(Runnable work);
}
