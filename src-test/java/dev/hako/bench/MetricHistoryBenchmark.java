package dev.hako.bench;

import dev.hako.lxd.OpenMetricsParser;
import dev.hako.model.Workspace;
import dev.hako.model.metrics.InstanceReading;
import dev.hako.model.metrics.MetricHistory;
import dev.hako.model.metrics.MetricRange;
import dev.hako.model.metrics.MetricRecording;
import dev.hako.model.store.HistoryDatabase;
import dev.hako.ui.common.FxTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.view.metrics.HistoryView;
import dev.hako.ui.view.metrics.HistoryViewModel;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Metric history with 1,000 instances of which 100 run, recorded every 30 s: parse + store
 * CPU per interval, growth of the history file per simulated day, heap growth over a day, and
 * querying + drawing one instance's week. The text is the LXD 5.0.2 text captured from the
 * test bed (src-test/resources/dev/hako/lxd/metrics-lxd-5.0.2.txt), its instance's lines
 * repeated for each running instance with growing counters; stopped instances have no lines,
 * as on the real server. Run by src-test/bench/metric-history.sh [DAYS] (default 7).
 */
public final class MetricHistoryBenchmark {

    private static final int RUNNING = 100;
    private static final long INTERVAL = 30;

    private MetricHistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        List<String[]> shape = shape();
        Path directory = Files.createTempDirectory("hako-metrics-bench");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long start = 1_700_000_000L - Math.floorMod(1_700_000_000L, 86_400);
        try (HistoryDatabase database = HistoryDatabase.open(directory.resolve("history.db"),
                List.of(MetricHistory.SCHEMA))) {
            database.awaitOpen();
            MetricHistory history = new MetricHistory(database);
            MetricRecording.Reader reader = new MetricRecording.Reader();
            int perDay = (int) (86_400 / INTERVAL);
            List<Long> cpuNanos = new ArrayList<>();
            long heapBefore = 0;
            long textBytes = 0;
            long[] sizeAfterDay = new long[days];
            for (int i = 0; i < days * perDay; i++) {
                if (i == 50) {
                    heapBefore = usedHeap();
                }
                String text = text(shape, i);
                textBytes = text.length();
                long cpu = os.getProcessCpuTime();
                var readings = InstanceReading.ofSamples(OpenMetricsParser.parse(text));
                reader.store("bench", history, readings, (start + i * INTERVAL) * 1000);
                database.flush().join();
                if (i < perDay) {
                    cpuNanos.add(os.getProcessCpuTime() - cpu);
                }
                if ((i + 1) % perDay == 0) {
                    checkpoint(database);
                    sizeAfterDay[(i + 1) / perDay - 1] = database.sizeOnDisk();
                    if ((i + 1) / perDay == 1) {
                        System.out.printf("heap growth over day 1 (KiB) %d%n", (usedHeap() - heapBefore) / 1024);
                    }
                    System.out.printf("after day %d: file %d KiB, rows %s%n", (i + 1) / perDay,
                            sizeAfterDay[(i + 1) / perDay - 1] / 1024, history.rowCounts());
                }
            }
            cpuNanos.sort(null);
            System.out.printf("metrics text per interval    %d KiB, %d running instances%n", textBytes / 1024, RUNNING);
            System.out.printf("parse+store CPU per interval median %.2f ms, p95 %.2f ms, max %.2f ms%n",
                    cpuNanos.get(cpuNanos.size() / 2) / 1e6, cpuNanos.get(cpuNanos.size() * 95 / 100) / 1e6,
                    cpuNanos.get(cpuNanos.size() - 1) / 1e6);
            System.out.printf("file growth day 1 (KiB)      %d%n", sizeAfterDay[0] / 1024);
            if (days > 1) {
                System.out.printf("file growth last day (KiB)   %d%n",
                        (sizeAfterDay[days - 1] - sizeAfterDay[days - 2]) / 1024);
            }
            long now = start + (days * perDay - 1) * INTERVAL;
            Platform.startup(() -> { });
            WeekChart chart = WeekChart.open(history, now);
            for (int round = 0; round < 6; round++) {
                long[] took = chart.switchToWeek();
                System.out.printf("week chart of one instance: query %d ms (background), draw %d ms (FX thread"
                        + " to the frame shown), total %d ms%n", took[0], took[1], took[0] + took[1]);
            }
            Platform.exit();
        }
    }

    /**
     * One instance's history view in a window on screen, as a user has it: the range is switched
     * to a week, the read runs on the task executor's background thread, and the drawing is timed
     * from the answer reaching the FX thread to the end of the frame that shows it.
     */
    private static final class WeekChart {
        private final HistoryViewModel model;
        private final Scene scene;

        private WeekChart(HistoryViewModel model, Scene scene) {
            this.model = model;
            this.scene = scene;
        }

        static WeekChart open(MetricHistory history, long now) throws Exception {
            CompletableFuture<WeekChart> opened = new CompletableFuture<>();
            Platform.runLater(() -> {
                MetricRecording recording = new MetricRecording(new Workspace(List.of()), history,
                        Duration.ofSeconds(30));
                HistoryViewModel model = new HistoryViewModel(recording, "bench", "default", "i0042",
                        new I18n(Locale.ENGLISH), FxTaskExecutor.get(), (r, on) -> { }, () -> now);
                model.rangeProperty().set(MetricRange.DAY);
                HistoryView view = new HistoryView(model);
                Scene scene = new Scene(new StackPane(view.node()), 1200, 800);
                Stage stage = new Stage();
                stage.setScene(scene);
                stage.show();
                view.setActive(true);
                opened.complete(new WeekChart(model, scene));
            });
            WeekChart chart = opened.get();
            chart.awaitSeries(MetricRange.DAY);
            return chart;
        }

        private void awaitSeries(MetricRange range) throws Exception {
            for (int i = 0; i < 600; i++) {
                CompletableFuture<Boolean> there = new CompletableFuture<>();
                Platform.runLater(() -> there.complete(model.seriesProperty().get() != null
                        && model.seriesProperty().get().range() == range
                        && model.seriesProperty().get().points().size() > 0));
                if (there.get()) {
                    return;
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("nothing read for " + range);
        }

        /** {query ms, draw ms}; switches back to a day afterwards for the next round. */
        long[] switchToWeek() throws Exception {
            CompletableFuture<long[]> took = new CompletableFuture<>();
            Platform.runLater(() -> {
                long t0 = System.nanoTime();
                long[] answered = new long[1];
                javafx.beans.value.ChangeListener<Object> onSeries = new javafx.beans.value.ChangeListener<>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<?> o, Object was, Object now) {
                        if (!(now instanceof dev.hako.model.metrics.MetricSeries series)
                                || series.range() != MetricRange.WEEK) {
                            return;
                        }
                        model.seriesProperty().removeListener(this);
                        answered[0] = System.nanoTime();
                        Runnable[] once = new Runnable[1];
                        once[0] = () -> {
                            scene.removePostLayoutPulseListener(once[0]);
                            // Rendering follows the layout in the same pulse: wait for that pulse's end.
                            Platform.runLater(() -> took.complete(new long[] {(answered[0] - t0) / 1_000_000,
                                    (System.nanoTime() - answered[0]) / 1_000_000}));
                        };
                        scene.addPostLayoutPulseListener(once[0]);
                        Platform.requestNextPulse();
                    }
                };
                model.seriesProperty().addListener(onSeries);
                model.rangeProperty().set(MetricRange.WEEK);
            });
            long[] result = took.get(60, java.util.concurrent.TimeUnit.SECONDS);
            Platform.runLater(() -> model.rangeProperty().set(MetricRange.DAY));
            awaitSeries(MetricRange.DAY);
            return result;
        }
    }

    private static void checkpoint(HistoryDatabase database) {
        database.write(c -> {
            try (var s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        });
        database.flush().join();
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /** The captured text as blocks: a metric's comment lines, then its sample lines for instance m1. */
    private static List<String[]> shape() throws IOException {
        String text;
        try (InputStream in = MetricHistoryBenchmark.class.getResourceAsStream("/dev/hako/lxd/metrics-lxd-5.0.2.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String[]> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# EOF")) {
                continue;
            }
            if (line.startsWith("#")) {
                lines.add(new String[] {line});
            } else {
                int space = line.lastIndexOf(' ');
                lines.add(new String[] {line.substring(0, space).replace("name=\"m1\"", "name=\"%s\""),
                        line.substring(space + 1)});
            }
        }
        return lines;
    }

    /** Interval {@code i}: every sample line once per running instance, counters grown with i. */
    private static String text(List<String[]> shape, int i) {
        StringBuilder out = new StringBuilder(512 * 1024);
        for (String[] line : shape) {
            if (line.length == 1) {
                out.append(line[0]).append('\n');
                continue;
            }
            boolean counter = line[0].contains("_total{");
            double base = Double.parseDouble(line[1]);
            for (int n = 0; n < RUNNING; n++) {
                String name = String.format(Locale.ROOT, "i%04d", n * 10 + 2);
                double value = counter ? base + (double) i * (n + 1) * 0.5 : base + (n * 4096);
                out.append(String.format(Locale.ROOT, line[0], name)).append(' ').append(value).append('\n');
            }
        }
        return out.append("# EOF\n").toString();
    }
}
