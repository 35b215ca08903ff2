package dev.hako.ui.common;

import java.util.function.Consumer;

/**
 * One piece of slow work (server calls, disk) and what the screen does with its
 * outcome. The work runs on a worker thread; every callback runs on the UI thread,
 * exactly one of {@code onSuccess} / {@code onFailure} (none once cancelled), then
 * {@code onFinished}.
 *
 * @param <T> what the work returns
 */
public final class BackgroundTask<T> {

    /** The work itself; it may report progress and should stop early once cancelled. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** What running work can say back and ask. */
    public interface Progress {
        /** A fraction from 0 to 1 (negative: unknown) and a short text; delivered on the UI thread. */
        void update(double fraction, String text);

        boolean cancelled();

        /** Runs {@code hook} (on the cancelling thread) when the task is cancelled, e.g. to cancel an operation. */
        void onCancel(Runnable hook);
    }

    private final Work<T> work;
    private Runnable onRunning = () -> { };
    private Consumer<T> onSuccess = result -> { };
    private Consumer<Exception> onFailure = failure -> { };
    private Consumer<ProgressUpdate> onProgress = update -> { };
    private Runnable onFinished = () -> { };

    /** A progress report as the UI thread receives it. */
    public record ProgressUpdate(double fraction, String text) {
    }

    private BackgroundTask(Work<T> work) {
        this.work = work;
    }

    public static <T> BackgroundTask<T> of(Work<T> work) {
        return new BackgroundTask<>(work);
    }

    /** Work that needs neither progress nor a result. */
    public static BackgroundTask<Void> ofRunnable(ThrowingRunnable work) {
        return new BackgroundTask<>(progress -> {
            work.run();
            return null;
        });
    }

    /** A {@link Runnable} that may throw. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Called on the UI thread just before the work starts. */
    public BackgroundTask<T> onRunning(Runnable action) {
        this.onRunning = action;
        return this;
    }

    public BackgroundTask<T> onSuccess(Consumer<T> action) {
        this.onSuccess = action;
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Exception> action) {
        this.onFailure = action;
        return this;
    }

    public BackgroundTask<T> onProgress(Consumer<ProgressUpdate> action) {
        this.onProgress = action;
        return this;
    }

    /** Called on the UI thread after success, failure or cancellation. */
    public BackgroundTask<T> onFinished(Runnable action) {
        this.onFinished = action;
        return this;
    }

    Work<T> work() {
        return work;
    }

    Runnable runningCallback() {
        return onRunning;
    }

    Consumer<T> successCallback() {
        return onSuccess;
    }

    Consumer<Exception> failureCallback() {
        return onFailure;
    }

    Consumer<ProgressUpdate> progressCallback() {
        return onProgress;
    }

    Runnable finishedCallback() {
        return onFinished;
    }
}
