package dev.hako.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hako.lxd.OpenMetricsParser;
import dev.hako.lxd.api.InstanceState;
import dev.hako.lxd.api.InstanceWithState;
import dev.hako.lxd.api.MetricSample;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceReadingTest {

    private static List<MetricSample> captured(String file) {
        try (InputStream in = InstanceReadingTest.class.getResourceAsStream("/dev/hako/lxd/" + file)) {
            return OpenMetricsParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void lxdTextGivesOneReadingPerRunningInstance() {
        Map<String, InstanceReading> readings = InstanceReading.ofSamples(captured("metrics-lxd-5.0.2.txt"));
        assertThat(readings).containsOnlyKeys("default/m1");
        InstanceReading m1 = readings.get("default/m1");
        assertThat(m1.cpuSeconds()).isCloseTo(0.008 + 0.004 + 0.008 + 0.02, within(1e-9));
        assertThat(m1.memoryBytes()).isEqualTo(24_683_756_000L - 24_683_346_400L);
        assertThat(m1.rxBytes()).isZero();
        assertThat(m1.diskUsedBytes()).isEqualTo(270_553_174_016L - 244_214_874_112L);
        // LXD reports no block-device figures for a container on a directory pool.
        assertThat(m1.diskReadBytes()).isEqualTo(-1);
    }

    @Test
    void incusTextIsReadTheSameWay() {
        InstanceReading m1 = InstanceReading.ofSamples(captured("metrics-incus-6.0.4.txt")).get("default/m1");
        assertThat(m1.cpuSeconds()).isCloseTo(0.036, within(1e-9));
        assertThat(m1.memoryBytes()).isEqualTo(24_683_756_000L - 24_683_112_928L);
        assertThat(m1.diskUsedBytes()).isEqualTo(-1);
    }

    @Test
    void virtualMachinesIdleTimeAndLoopbackAreLeftOut() {
        List<MetricSample> samples = List.of(
                new MetricSample("lxd_cpu_seconds_total", Map.of("name", "vm", "project", "p", "mode", "user"), 2),
                new MetricSample("lxd_cpu_seconds_total", Map.of("name", "vm", "project", "p", "mode", "idle"), 90),
                new MetricSample("lxd_cpu_seconds_total", Map.of("name", "vm", "project", "p", "mode", "iowait"), 3),
                new MetricSample("lxd_network_receive_bytes_total", Map.of("name", "vm", "project", "p", "device",
                        "lo"), 1000),
                new MetricSample("lxd_network_receive_bytes_total", Map.of("name", "vm", "project", "p", "device",
                        "enp5s0"), 70),
                new MetricSample("lxd_disk_read_bytes_total", Map.of("name", "vm", "project", "p", "device", "sda"), 5),
                new MetricSample("lxd_disk_read_bytes_total", Map.of("name", "vm", "project", "p", "device", "sdb"), 6));
        InstanceReading vm = InstanceReading.ofSamples(samples).get("p/vm");
        assertThat(vm.cpuSeconds()).isEqualTo(2);
        assertThat(vm.rxBytes()).isEqualTo(70);
        assertThat(vm.diskReadBytes()).isEqualTo(11);
        assertThat(vm.memoryBytes()).isEqualTo(-1);
    }

    @Test
    void stateFallbackReadsRunningInstancesOnly() {
        InstanceState running = new InstanceState("Running", 103, Map.of("root", new InstanceState.Disk(4096)),
                new InstanceState.Memory(1 << 20, 0, 0, 0),
                Map.of("eth0", new InstanceState.Network(List.of(), new InstanceState.Counters(10, 20, 0, 0, 0, 0, 0, 0),
                        "", "", 1500, "up", "broadcast"),
                        "lo", new InstanceState.Network(List.of(), new InstanceState.Counters(99, 99, 0, 0, 0, 0, 0, 0),
                        "", "", 65536, "up", "loopback")), 1, 3, new InstanceState.Cpu(2_500_000_000L));
        Map<String, InstanceReading> readings = InstanceReading.ofStates(List.of(
                new InstanceWithState("a", "default", "container", "Running", running),
                new InstanceWithState("b", "default", "container", "Stopped", running)), "default");
        assertThat(readings).containsOnlyKeys("default/a");
        InstanceReading a = readings.get("default/a");
        assertThat(a.cpuSeconds()).isEqualTo(2.5);
        assertThat(a.rxBytes()).isEqualTo(10);
        assertThat(a.txBytes()).isEqualTo(20);
        assertThat(a.memoryBytes()).isEqualTo(1 << 20);
        assertThat(a.diskUsedBytes()).isEqualTo(4096);
    }

    @Test
    void ratesSurviveACounterReset() {
        InstanceReading before = new InstanceReading("default", "a", 100, 10, 5_000, 4_000, -1, -1, -1);
        InstanceReading grown = new InstanceReading("default", "a", 103, 10, 8_000, 4_000, -1, -1, -1);
        InstanceReading restarted = new InstanceReading("default", "a", 1.5, 10, 300, 0, -1, -1, -1);
        MetricPoint normal = MetricPoint.between(before, grown, 30, 30);
        assertThat(normal.cpuPercent()).isCloseTo(10, within(1e-9));
        assertThat(normal.rxPerSecond()).isEqualTo(100);
        assertThat(normal.txPerSecond()).isZero();
        assertThat(normal.diskReadPerSecond()).isNaN();
        MetricPoint reset = MetricPoint.between(grown, restarted, 60, 30);
        assertThat(reset.cpuPercent()).isCloseTo(5, within(1e-9));
        assertThat(reset.rxPerSecond()).isEqualTo(10);
        assertThat(MetricPoint.between(null, grown, 30, 0).cpuPercent()).isNaN();
    }

    @Test
    void theTotalSumsWhatIsKnown() {
        MetricPoint a = new MetricPoint(1, 10, 100, Double.NaN, 1, Double.NaN, Double.NaN, Double.NaN);
        MetricPoint b = new MetricPoint(1, 5, 50, 7, 2, Double.NaN, Double.NaN, Double.NaN);
        MetricPoint total = MetricPoint.total(1, List.of(a, b));
        assertThat(total.cpuPercent()).isEqualTo(15);
        assertThat(total.memoryBytes()).isEqualTo(150);
        assertThat(total.rxPerSecond()).isEqualTo(7);
        assertThat(total.diskReadPerSecond()).isNaN();
    }
}
