package dev.hako.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.InstanceStatePut;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.model.store.HistoryDatabase;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Recording against the test bed's real daemons: what is stored, and how many requests it costs. */
class MetricRecordingIT {

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void storedFiguresAreTheServersOwn(Daemon daemon) throws Exception {
        try (LxdClient client = TestBed.connect(daemon);
             HistoryDatabase database = HistoryDatabase.open(directory.resolve("h.db"), List.of(MetricHistory.SCHEMA))) {
            String name = Instances.createRunning(client, "metrics");
            try {
                // Frozen, its counters stand still: the server's figures read before and after are the same.
                client.instances().changeState(name, InstanceStatePut.freeze()).awaitSuccess(Instances.OP_TIMEOUT);
                // The servers keep their metrics text for some seconds: wait for one that has the instance.
                InstanceReading[] seen = new InstanceReading[1];
                await(() -> (seen[0] = InstanceReading.ofSamples(client.metrics().samples()).get("default/" + name))
                        != null);
                InstanceReading expected = seen[0];
                assertThat(expected.memoryBytes()).isPositive();
                MetricHistory history = new MetricHistory(database);
                MetricRecording.Reader reader = new MetricRecording.Reader();
                long start = System.currentTimeMillis() / 1000 * 1000;
                long before = client.requestCount();
                reader.read(client, "tb", history, start);
                reader.read(client, "tb", history, start + 30_000);
                assertThat(client.requestCount() - before).as("one request a reading").isEqualTo(2);
                database.flush().join();
                MetricSeries stored = history.instance("tb", "default", name, MetricRange.HOUR, start / 1000 + 30);
                assertThat(stored.points()).hasSize(2);
                MetricPoint last = stored.points().get(1);
                assertThat(last.memoryBytes()).isEqualTo((double) expected.memoryBytes());
                assertThat(last.cpuPercent()).isZero();
                assertThat(last.rxPerSecond()).isZero();
                if (expected.diskUsedBytes() < 0) {
                    assertThat(last.diskUsedBytes()).as("Incus reports no file systems").isNaN();
                } else {
                    assertThat(last.diskUsedBytes()).isEqualTo((double) expected.diskUsedBytes());
                }
                assertThat(stored.points().get(0).cpuPercent()).as("no rate from one reading").isNaN();
                assertThat(history.total("tb", MetricRange.HOUR, start / 1000 + 30).points()).hasSize(2);
            } finally {
                Instances.remove(client, name);
            }
        }
    }

    /**
     * Two models of the same server, one recorded and one not: over the intervals the recorded
     * one sends exactly one request a reading, the other none at all.
     */
    @ParameterizedTest
    @EnumSource(Daemon.class)
    void recordingCostsOneRequestPerIntervalAndOffCostsNone(Daemon daemon) throws Exception {
        Endpoint endpoint = new Endpoint.UnixSocket(TestBed.socket(daemon));
        RemoteModel on = new RemoteModel("on", endpoint);
        RemoteModel off = new RemoteModel("off", endpoint);
        try (Workspace workspace = new Workspace(List.of(on, off));
             HistoryDatabase database = HistoryDatabase.open(directory.resolve("h.db"), List.of(MetricHistory.SCHEMA));
             MetricRecording recording = new MetricRecording(workspace, new MetricHistory(database),
                     Duration.ofMillis(300))) {
            List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
            Logger transport = Logger.getLogger(dev.hako.lxd.Transport.class.getName());
            Handler handler = new Handler() {
                @Override
                public void publish(LogRecord record) {
                    sent.add(Thread.currentThread().getName() + " " + record.getMessage());
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            transport.setLevel(Level.FINE);
            transport.addHandler(handler);
            workspace.start();
            // Connecting ends with listing the operations; from then on an idle model sends nothing.
            await(() -> sent.contains("hako-model on GET /1.0/operations")
                    && sent.contains("hako-model off GET /1.0/operations"));
            BlockingQueue<String> recorded = new LinkedBlockingQueue<>();
            recording.addListener(new MetricRecording.Listener() {
                @Override
                public void recorded(String remote) {
                    recorded.add(remote);
                }

                @Override
                public void failed(String remote, RuntimeException failure) {
                    recorded.add("failed " + remote + ": " + failure);
                }
            });
            long offBefore = off.client().requestCount();
            long onBefore = on.client().requestCount();
            recording.setRecording("on", true);
            for (int i = 0; i < 5; i++) {
                assertThat(recorded.poll(20, TimeUnit.SECONDS)).isEqualTo("on");
            }
            recording.setRecording("on", false);
            long onAfter = on.client().requestCount();
            transport.removeHandler(handler);
            assertThat(onAfter - onBefore).as("requests of the recorded remote over 5 readings: %s", sent).isEqualTo(5);
            assertThat(off.client().requestCount() - offBefore).as("requests of the idle remote").isZero();
            assertThat(recording.isRecording("on")).isFalse();
            assertThat(recording.failure("on")).isNull();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(end);
            Thread.sleep(20);
        }
    }
}
