package dev.hako.ui.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/** The same blocking call for several objects, a few at a time, every failure collected. */
public final class BulkCalls {

    private BulkCalls() {
    }

    /**
     * Runs {@code work} for each name on at most {@code parallelism} threads and waits for all;
     * returns the failures by name, in the names' order, as {@code describe} words them.
     * Call it from a background task: it blocks.
     */
    public static Map<String, String> run(List<String> names, Consumer<String> work, int parallelism,
                                          Function<Throwable, String> describe) throws InterruptedException {
        // A task cancelled before it got here starts nothing (a finished call would not notice it).
        if (Thread.interrupted()) {
            throw new InterruptedException("cancelled before the calls");
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, names.size())), r -> {
            Thread t = new Thread(r, "hako-bulk");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<?>> running = new LinkedHashMap<>();
            for (String name : names) {
                running.put(name, pool.submit(() -> work.accept(name)));
            }
            Map<String, String> failures = new LinkedHashMap<>();
            for (var entry : running.entrySet()) {
                try {
                    entry.getValue().get();
                } catch (ExecutionException e) {
                    failures.put(entry.getKey(), describe.apply(e.getCause()));
                }
            }
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }
}
