package dev.hako.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TaskExecutorTest {

    @Test
    void successRunsRunningThenSuccessThenFinished() {
        List<String> seen = new ArrayList<>();
        new CurrentThreadTaskExecutor().execute(BackgroundTask.of(progress -> {
            progress.update(0.5, "half");
            return 42;
        }).onRunning(() -> seen.add("running")).onProgress(p -> seen.add("progress " + p.text()))
                .onSuccess(v -> seen.add("success " + v)).onFailure(f -> seen.add("failure"))
                .onFinished(() -> seen.add("finished")));
        assertThat(seen).containsExactly("running", "progress half", "success 42", "finished");
    }

    @Test
    void failureReachesOnlyTheFailureCallback() {
        List<String> seen = new ArrayList<>();
        new CurrentThreadTaskExecutor().execute(BackgroundTask.of(progress -> {
            throw new java.io.IOException("disk full");
        }).onSuccess(v -> seen.add("success")).onFailure(f -> seen.add("failure " + f.getMessage()))
                .onFinished(() -> seen.add("finished")));
        assertThat(seen).containsExactly("failure disk full", "finished");
    }

    @Test
    void onlyTheLatestResultCounts() throws Exception {
        // A real worker thread: the first task blocks until the second one has finished.
        TaskExecutor executor = new ThreadedExecutor();
        LatestTask slot = new LatestTask(new CurrentThreadTaskExecutor());
        List<String> results = new ArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch cancelHookRan = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        TaskHandle first = executor.execute(BackgroundTask.of(progress -> {
            progress.onCancel(cancelHookRan::countDown);
            started.countDown();
            release.await(5, TimeUnit.SECONDS);
            return "first";
        }).onSuccess(results::add));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        first.cancel();
        release.countDown();
        assertThat(cancelHookRan.await(5, TimeUnit.SECONDS)).isTrue();
        slot.run(BackgroundTask.of(progress -> "second").onSuccess(results::add));
        ((ThreadedExecutor) executor).drain();
        assertThat(results).containsExactly("second");
        assertThat(first.isCancelled()).isTrue();
        assertThat(slot.isRunning()).isFalse();
    }

    @Test
    void aNewTaskInTheSlotCancelsTheOneBefore() {
        LatestTask slot = new LatestTask(new CurrentThreadTaskExecutor());
        List<Boolean> cancelledSeen = new ArrayList<>();
        slot.run(BackgroundTask.of(progress -> {
            cancelledSeen.add(progress.cancelled());
            return 1;
        }));
        assertThat(cancelledSeen).containsExactly(false);
        assertThat(slot.isRunning()).isFalse();
    }

    /** Work on a thread, callbacks queued and run by {@link #drain()} as a UI thread would. */
    private static final class ThreadedExecutor implements TaskExecutor {
        private final java.util.concurrent.LinkedBlockingQueue<Runnable> ui = new java.util.concurrent.LinkedBlockingQueue<>();
        private final List<Thread> workers = new ArrayList<>();

        @Override
        public <T> TaskHandle execute(BackgroundTask<T> task) {
            TaskRun<T> run = new TaskRun<>(task, ui::add, r -> new Thread(r).start());
            var future = new java.util.concurrent.FutureTask<Void>(run::runWork, null);
            Thread worker = new Thread(future);
            workers.add(worker);
            run.attach(future);
            worker.start();
            return run;
        }

        void drain() throws InterruptedException {
            for (Thread worker : workers) {
                worker.join(5000);
            }
            Runnable r;
            while ((r = ui.poll()) != null) {
                r.run();
            }
        }

        @Override
        public void runOnUi(Runnable action) {
            ui.add(action);
        }

        @Override
        public boolean isUiThread() {
            return false;
        }

        @Override
        public void runInBackground(Runnable work) {
            new Thread(work).start();
        }
    }
}
