package dev.hako.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Runs slow work (every server call) off the FX thread and brings its result back
 * to the FX thread in one place, so views never block and never touch controls
 * from another thread.
 */
public final class TaskRunner {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hako-task-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private TaskRunner() {
    }

    /** Runs {@code work} in the background; exactly one of the callbacks runs afterwards on the FX thread. */
    public static <T> void run(Supplier<T> work, Consumer<T> onSuccess, Consumer<RuntimeException> onFailure) {
        WORKERS.execute(() -> {
            try {
                T result = work.get();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (RuntimeException e) {
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    /** For work without a result. */
    public static void run(Runnable work, Runnable onSuccess, Consumer<RuntimeException> onFailure) {
        run(() -> {
            work.run();
            return Boolean.TRUE;
        }, ignored -> onSuccess.run(), onFailure);
    }
}
