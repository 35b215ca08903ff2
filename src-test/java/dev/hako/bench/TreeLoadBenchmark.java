package dev.hako.bench;

import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.ui.tree.TreeEntry;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeItem;

/**
 * Time from connecting to a populated tree, against the raw {@code GET
 * /1.0/instances?recursion=1} and the CLI's {@code lxc list}, measured in the same run;
 * then the HTTP requests Hako makes while idle. Run by src-test/bench/tree-load.sh.
 */
public final class TreeLoadBenchmark {

    private static final int ROUNDS = 5;

    private TreeLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path lxdDir = Path.of(System.getenv("HAKO_TB_LXD_DIR"));
        Path socket = lxdDir.resolve("unix.socket");
        int idleSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);

        List<Long> raw = new ArrayList<>();
        List<Long> tree = new ArrayList<>();
        List<String> stalls = new ArrayList<>();
        int instances = 0;
        BenchWindow last = null;
        for (int round = 0; round < ROUNDS; round++) {
            raw.add(Baseline.rawGet(socket, "/1.0/instances?recursion=1"));
            if (last != null) {
                last.close();
            }
            Result result = loadTree(lxdDir);
            tree.add(result.millis);
            stalls.add(result.frames);
            instances = result.rows;
            last = result.window;
        }
        long cli = Baseline.cli(lxdDir, "list");

        long rawMedian = Baseline.median(raw);
        long treeMedian = Baseline.median(tree);
        System.out.printf("instances in tree           %d%n", instances);
        System.out.printf("raw GET recursion=1 (ms)    %s  median %d%n", raw, rawMedian);
        System.out.printf("Hako connect→tree (ms)      %s  median %d%n", tree, treeMedian);
        System.out.printf("ratio Hako / raw            %.2f (first round %.2f)%n",
                (double) treeMedian / rawMedian, (double) tree.get(0) / raw.get(0));
        System.out.printf("lxc list (ms)               %d  (Hako is %.1fx faster)%n", cli, (double) cli / treeMedian);
        System.out.printf("longest FX frame gap during load (ms), per round:%n");
        stalls.forEach(stall -> System.out.printf("    %s%n", stall));

        RemoteModel remote = last.workspace().remotes().get(0);
        burstAndBulk(remote);
        // The bulk action's last events may still be on their way: the idle period starts once they are in.
        Thread.sleep(3000);
        RequestRecorder recorder = RequestRecorder.start();
        long before = remote.client().requestCount();
        Thread.sleep(TimeUnit.SECONDS.toMillis(idleSeconds));
        long after = remote.client().requestCount();
        List<String> idleRequests = recorder.stop();
        System.out.printf("requests while idle: %s%n", idleRequests);
        System.out.printf("HTTP requests while idle for %d s: %d (the event stream is one long-lived upgrade, "
                + "made before the idle period)%n", idleSeconds, after - before);
        System.gc();
        Thread.sleep(500);
        System.out.printf("resident memory (MB)        %d (JVM options: %s)%n", residentMegabytes(),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        last.close();
        Platform.exit();
        System.exit(0);
    }

    private record Result(long millis, int rows, String frames, BenchWindow window) {
    }

    /** The FX thread watched while {@code work} runs, with the machine's load average before and after. */
    private static String watched(Runnable work) throws Exception {
        String loadBefore = loadAverage();
        PulseMonitor monitor = PulseMonitor.start();
        work.run();
        monitor.stop();
        return monitor.describe() + "; load average " + loadBefore + " → " + loadAverage();
    }

    private static String loadAverage() throws java.io.IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0];
    }

    /**
     * A burst of 1,000 lifecycle events (one config change on every instance, sent by
     * another client) and a 50-instance stop/start, with the FX thread watched throughout.
     */
    private static void burstAndBulk(RemoteModel remote) throws Exception {
        Path socket = ((dev.hako.lxd.Endpoint.UnixSocket) remote.endpoint()).socket();
        try (dev.hako.lxd.LxdClient other = dev.hako.lxd.LxdClient.connect(new dev.hako.lxd.Endpoint.UnixSocket(socket))) {
            List<String> names = remote.instances().snapshot().keySet().stream().sorted().toList();
            String stamp = Long.toString(System.currentTimeMillis());
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            long[] seen = new long[1];
            String gap = watched(() -> {
                long start = System.nanoTime();
                List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
                for (String name : names) {
                    futures.add(pool.submit(() -> other.instances().patch(name,
                            Map.of("config", Map.of("user.bench", stamp)), null)));
                }
                for (var f : futures) {
                    try {
                        f.get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                long sent = System.nanoTime();
                while (remote.instances().snapshot().values().stream()
                        .anyMatch(i -> !stamp.equals(i.config().get("user.bench")))) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                seen[0] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                System.out.printf("1,000-event burst: sent in %d ms, model current after %d ms%n",
                        TimeUnit.NANOSECONDS.toMillis(sent - start), seen[0]);
            });
            System.out.printf("longest FX frame gap during the burst (ms) %s%n", gap);

            List<String> fifty = remote.instances().snapshot().values().stream().filter(i -> i.running())
                    .map(i -> i.name()).limit(50).toList();
            String bulkGap = watched(() -> {
                long start = System.nanoTime();
                runAll(pool, fifty, n -> other.instances().changeState(n,
                        dev.hako.lxd.api.InstanceStatePut.stop(null, true)).awaitSuccess(java.time.Duration.ofMinutes(2)));
                runAll(pool, fifty, n -> other.instances().changeState(n,
                        dev.hako.lxd.api.InstanceStatePut.start()).awaitSuccess(java.time.Duration.ofMinutes(2)));
                System.out.printf("50-instance stop + start: %d ms%n",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            });
            System.out.printf("longest FX frame gap during the 50-instance bulk action (ms) %s%n", bulkGap);
            pool.shutdown();
        }
    }

    private static void runAll(java.util.concurrent.ExecutorService pool, List<String> names,
                               java.util.function.Consumer<String> action) {
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (String name : names) {
            futures.add(pool.submit(() -> action.accept(name)));
        }
        for (var f : futures) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Result loadTree(Path lxdDir) throws Exception {
        BenchWindow opened = BenchWindow.open(lxdDir);
        Workspace workspace = opened.workspace();
        int expected = Integer.parseInt(System.getenv().getOrDefault("HAKO_BENCH_INSTANCES", "1000"));
        CountDownLatch populated = new CountDownLatch(1);
        AtomicLong doneAt = new AtomicLong();
        AtomicLong rows = new AtomicLong();
        CountDownLatch watching = new CountDownLatch(1);
        Platform.runLater(() -> {
            TreeItem<TreeEntry> group = opened.window().tree().view().getRoot().getChildren().get(1)
                    .getChildren().get(0);
            group.getChildren().addListener((ListChangeListener<TreeItem<TreeEntry>>) change -> {
                if (group.getChildren().size() >= expected && doneAt.get() == 0) {
                    doneAt.set(System.nanoTime());
                    rows.set(group.getChildren().size());
                    populated.countDown();
                }
            });
            watching.countDown();
        });
        watching.await();
        PulseMonitor monitor = PulseMonitor.start();
        // Let the new window lay itself out first: its first frames are not part of the load.
        Thread.sleep(1000);
        monitor.reset();
        String loadBefore = loadAverage();
        long start = System.nanoTime();
        workspace.start();
        if (!populated.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("tree did not reach " + expected + " rows");
        }
        monitor.stop();
        return new Result(TimeUnit.NANOSECONDS.toMillis(doneAt.get() - start), (int) rows.get(),
                monitor.describe() + "; load average " + loadBefore + " → " + loadAverage(), opened);
    }

    private static long residentMegabytes() throws Exception {
        for (String line : Files.readAllLines(new File("/proc/self/status").toPath())) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
