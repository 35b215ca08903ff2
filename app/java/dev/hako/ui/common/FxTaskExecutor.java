package dev.hako.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;

/** The window's task executor: daemon worker threads, callbacks on the FX thread. */
public final class FxTaskExecutor implements TaskExecutor {

    private static final Logger LOG = Logger.getLogger(FxTaskExecutor.class.getName());
    private static final FxTaskExecutor INSTANCE = new FxTaskExecutor();

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hako-task-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private FxTaskExecutor() {
    }

    /** The application's one executor. */
    public static FxTaskExecutor get() {
        return INSTANCE;
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        TaskRun<T> run = new TaskRun<>(task, Platform::runLater, this::runInBackground);
        if (Platform.isFxApplicationThread()) {
            task.runningCallback().run();
        } else {
            Platform.runLater(task.runningCallback());
        }
        run.attach(workers.submit(() -> {
            try {
                run.runWork();
            } catch (Error fatal) {
                LOG.log(Level.SEVERE, "background task failed", fatal);
            }
        }));
        return run;
    }

    @Override
    public void runOnUi(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public boolean isUiThread() {
        return Platform.isFxApplicationThread();
    }

    @Override
    public void runInBackground(Runnable work) {
        workers.execute(work);
    }
}
