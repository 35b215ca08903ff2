package dev.hako.ui.common;

/**
 * Runs every task at once on the calling thread, callbacks included: view-model tests
 * drive screens with it, without a toolkit and without waiting.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        TaskRun<T> run = new TaskRun<>(task, Runnable::run, Runnable::run);
        task.runningCallback().run();
        run.runWork();
        return run;
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
