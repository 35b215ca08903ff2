package dev.hako.ui.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** One running {@link BackgroundTask}: its cancel state, hooks and the delivery of its outcome. */
final class TaskRun<T> implements TaskHandle, BackgroundTask.Progress {

    private final BackgroundTask<T> task;
    private final Consumer<Runnable> toUi;
    private final Consumer<Runnable> background;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean done = new AtomicBoolean();
    private final List<Runnable> cancelHooks = new CopyOnWriteArrayList<>();
    private volatile Future<?> future;

    TaskRun(BackgroundTask<T> task, Consumer<Runnable> toUi, Consumer<Runnable> background) {
        this.task = task;
        this.toUi = toUi;
        this.background = background;
    }

    void attach(Future<?> running) {
        this.future = running;
        if (cancelled.get()) {
            running.cancel(true);
        }
    }

    /** Runs the work on the current thread and hands the outcome to the UI thread. */
    void runWork() {
        T result;
        try {
            if (cancelled.get()) {
                deliver(() -> { });
                return;
            }
            result = task.work().run(this);
        } catch (Exception failure) {
            deliver(() -> {
                if (!cancelled.get()) {
                    task.failureCallback().accept(failure);
                }
            });
            return;
        } catch (Error fatal) {
            deliver(() -> { });
            throw fatal;
        }
        deliver(() -> {
            if (!cancelled.get()) {
                task.successCallback().accept(result);
            }
        });
    }

    private void deliver(Runnable outcome) {
        toUi.accept(() -> {
            try {
                outcome.run();
            } finally {
                done.set(true);
                task.finishedCallback().run();
            }
        });
    }

    @Override
    public void update(double fraction, String text) {
        if (!cancelled.get()) {
            toUi.accept(() -> {
                if (!cancelled.get()) {
                    task.progressCallback().accept(new BackgroundTask.ProgressUpdate(fraction, text));
                }
            });
        }
    }

    @Override
    public boolean cancelled() {
        return cancelled.get() || Thread.currentThread().isInterrupted() && future != null;
    }

    @Override
    public void onCancel(Runnable hook) {
        cancelHooks.add(hook);
        if (cancelled.get()) {
            background.accept(hook);
        }
    }

    @Override
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            // Hooks may call the server (cancelling an operation): never on the UI thread.
            cancelHooks.forEach(background);
            Future<?> running = future;
            if (running != null) {
                running.cancel(true);
            }
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public boolean isDone() {
        return done.get();
    }
}
