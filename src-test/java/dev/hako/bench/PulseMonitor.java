package dev.hako.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Watches the FX thread frame by frame. The longest gap between two frames is what a
 * person sees as a stall; the FX thread's own CPU time inside that gap tells whether
 * the application's work caused it or the thread simply did not get a core (on a busy
 * machine a gap can be long while the FX thread did almost nothing).
 */
final class PulseMonitor {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private AnimationTimer timer;
    private long previousFrame;
    private long previousCpu;
    private volatile long longestGapNanos;
    private volatile long cpuInLongestGapNanos;
    private volatile long mostCpuBetweenFramesNanos;

    /** Starts watching; returns once the monitor runs on the FX thread. */
    static PulseMonitor start() throws InterruptedException {
        PulseMonitor monitor = new PulseMonitor();
        CountDownLatch started = new CountDownLatch(1);
        Platform.runLater(() -> {
            monitor.timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    monitor.frame(now);
                }
            };
            monitor.timer.start();
            started.countDown();
        });
        started.await();
        return monitor;
    }

    private void frame(long now) {
        long cpu = threads.getCurrentThreadCpuTime();
        if (previousFrame != 0) {
            long gap = now - previousFrame;
            long busy = cpu - previousCpu;
            if (gap > longestGapNanos) {
                longestGapNanos = gap;
                cpuInLongestGapNanos = busy;
            }
            mostCpuBetweenFramesNanos = Math.max(mostCpuBetweenFramesNanos, busy);
        }
        previousFrame = now;
        previousCpu = cpu;
    }

    /** Forgets what was seen so far, e.g. the first frames of a new window. */
    void reset() {
        Platform.runLater(() -> {
            previousFrame = 0;
            longestGapNanos = 0;
            cpuInLongestGapNanos = 0;
            mostCpuBetweenFramesNanos = 0;
        });
    }

    void stop() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Platform.runLater(() -> {
            timer.stop();
            stopped.countDown();
        });
        stopped.await();
    }

    long longestGapMillis() {
        return TimeUnit.NANOSECONDS.toMillis(longestGapNanos);
    }

    /** "gap ms (FX busy ms of it; most FX CPU between two frames ms)". */
    String describe() {
        return String.format("%d (FX thread busy %d of it; most FX CPU between two frames %d)",
                longestGapMillis(), TimeUnit.NANOSECONDS.toMillis(cpuInLongestGapNanos),
                TimeUnit.NANOSECONDS.toMillis(mostCpuBetweenFramesNanos));
    }
}
