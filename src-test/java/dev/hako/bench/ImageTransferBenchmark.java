package dev.hako.bench;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.ImageTransfers;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.Transfer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Image import and export of a large tarball through Hako's client against the CLI
 * ({@code lxc image import/export}) on the same daemon in the same run, with the
 * client's heap watched throughout (run it in a small heap to see that it streams).
 *
 * <p>Arguments: socket, tarball, cli, work directory.
 */
public final class ImageTransferBenchmark {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final Duration WAIT = Duration.ofMinutes(10);
    private static final int ROUNDS = 3;

    private ImageTransferBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path socket = Path.of(args[0]);
        Path tarball = Path.of(args[1]);
        String cli = args[2];
        Path work = Path.of(args[3]);
        long size = Files.size(tarball);
        System.out.printf(Locale.ROOT, "image %s: %.1f MiB, heap max %d MiB%n", tarball.getFileName(),
                size / 1048576.0, Runtime.getRuntime().maxMemory() >> 20);
        try (LxdClient client = LxdClient.connect(new Endpoint.UnixSocket(socket))) {
            String fp = ImageTransfers.sha256Of(List.of(tarball));
            for (int round = 1; round <= ROUNDS; round++) {
                System.out.println("round " + round);
                deleteIfPresent(client, fp);
                round(client, fp, tarball, cli, work, size);
            }
        }
    }

    private static void round(LxdClient client, String fp, Path tarball, String cli, Path work, long size)
            throws Exception {
        {

            HeapWatch heap = new HeapWatch();
            long t0 = System.nanoTime();
            AtomicLong sentAt = new AtomicLong();
            String imported = ImageTransfers.of(client).importImage(tarball, null,
                    ImageTransfers.ImageOptions.defaults(), new Transfer(n -> {
                        if (n == size) {
                            sentAt.set(System.nanoTime());
                        }
                    }));
            long hakoImport = System.nanoTime() - t0;
            heap.stop();
            report("hako import", hakoImport, size, heap);
            System.out.printf(Locale.ROOT, "  (upload %.2f s, then server processing %.2f s)%n",
                    (sentAt.get() - t0) / 1e9, (t0 + hakoImport - sentAt.get()) / 1e9);
            if (!imported.equals(fp)) {
                throw new IllegalStateException("fingerprint " + imported + " != " + fp);
            }

            Path out = work.resolve("hako-export.tar");
            heap = new HeapWatch();
            t0 = System.nanoTime();
            ImageTransfers.of(client).export(fp, out, Transfer.silent());
            long hakoExport = System.nanoTime() - t0;
            heap.stop();
            report("hako export", hakoExport, size, heap);
            Files.delete(out);

            Path cliDir = Files.createDirectories(work.resolve("cli-export"));
            t0 = System.nanoTime();
            run(cli, "image", "export", fp, cliDir.resolve("image").toString());
            long cliExport = System.nanoTime() - t0;
            report(cli + " image export", cliExport, size, null);
            deleteTree(cliDir);

            client.images().delete(fp).awaitSuccess(WAIT);
            t0 = System.nanoTime();
            run(cli, "image", "import", tarball.toString());
            long cliImport = System.nanoTime() - t0;
            report(cli + " image import", cliImport, size, null);
            client.images().delete(fp).awaitSuccess(WAIT);
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void deleteIfPresent(LxdClient client, String fp) {
        try {
            client.images().delete(fp).awaitSuccess(WAIT);
        } catch (dev.hako.lxd.NotFoundException absent) {
            // as expected
        }
    }

    private static void report(String what, long nanos, long size, HeapWatch heap) {
        double seconds = nanos / 1e9;
        System.out.printf(Locale.ROOT, "%-20s %7.2f s  %7.1f MiB/s%s%n", what, seconds, size / 1048576.0 / seconds,
                heap == null ? "" : String.format(Locale.ROOT, "  heap: before %d MiB, peak %d MiB, growth %d MiB",
                        heap.before >> 20, heap.peak.get() >> 20, (heap.peak.get() - heap.before) >> 20));
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    /** Samples used heap every 20 ms (after a GC at the start) and keeps the peak. */
    private static final class HeapWatch {
        final long before;
        final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread;

        HeapWatch() {
            System.gc();
            before = MEMORY.getHeapMemoryUsage().getUsed();
            peak.set(before);
            thread = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }
    }
}
