package dev.hako.ui.common;

/** A submitted {@link BackgroundTask}: it can be cancelled, after which none of its result callbacks run. */
public interface TaskHandle {

    /** Stops the task: interrupts it, runs its cancel hooks, and drops its result. Safe to call twice. */
    void cancel();

    boolean isCancelled();

    boolean isDone();

    /** A handle for nothing: already done. */
    TaskHandle NONE = new TaskHandle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };
}
