package dev.hako.model.metrics;

import dev.hako.lxd.api.InstanceState;
import dev.hako.lxd.api.InstanceWithState;
import dev.hako.lxd.api.MetricSample;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One running instance's counters and gauges at one reading, as the server reported them.
 * Counters (CPU seconds, bytes) only grow while the instance runs and start again from
 * zero after a restart; a figure the server did not report is {@code -1} ({@code NaN} for CPU).
 *
 * @param cpuSeconds  CPU time used, idle and I/O wait left out (virtual machines report them)
 * @param memoryBytes memory in use: the server's MemTotal less MemFree
 * @param rxBytes     bytes received on every interface but loopback
 * @param txBytes     bytes sent on every interface but loopback
 * @param diskReadBytes    bytes read from block devices
 * @param diskWrittenBytes bytes written to block devices
 * @param diskUsedBytes    space used on the instance's file systems (or its disks, from state)
 */
public record InstanceReading(String project, String name, double cpuSeconds, long memoryBytes, long rxBytes,
                              long txBytes, long diskReadBytes, long diskWrittenBytes, long diskUsedBytes) {

    /** "project/name": what identifies an instance across projects. */
    public String key() {
        return key(project, name);
    }

    static String key(String project, String name) {
        return (project == null || project.isEmpty() ? "default" : project) + "/" + name;
    }

    /** Groups the samples of one {@code /1.0/metrics} reading by instance. */
    public static Map<String, InstanceReading> ofSamples(List<MetricSample> samples) {
        Map<String, Builder> byInstance = new HashMap<>();
        for (MetricSample sample : samples) {
            String instance = sample.label("name");
            if (instance.isEmpty() || Double.isNaN(sample.value())) {
                continue;
            }
            String metric = unprefixed(sample.name());
            Builder b = byInstance.computeIfAbsent(key(sample.label("project"), instance),
                    k -> new Builder(sample.label("project").isEmpty() ? "default" : sample.label("project"), instance));
            b.add(metric, sample);
        }
        Map<String, InstanceReading> readings = new HashMap<>();
        byInstance.forEach((key, b) -> readings.put(key, b.build()));
        return readings;
    }

    /** The fallback: the same figures from the instances' state (running ones only). */
    public static Map<String, InstanceReading> ofStates(List<InstanceWithState> instances, String project) {
        Map<String, InstanceReading> readings = new HashMap<>();
        for (InstanceWithState instance : instances) {
            InstanceState state = instance.state();
            if (state == null || !"Running".equalsIgnoreCase(instance.status())) {
                continue;
            }
            long rx = 0;
            long tx = 0;
            if (state.network() != null) {
                for (var nic : state.network().entrySet()) {
                    if (!"lo".equals(nic.getKey()) && nic.getValue().counters() != null) {
                        rx += nic.getValue().counters().bytesReceived();
                        tx += nic.getValue().counters().bytesSent();
                    }
                }
            }
            double cpu = state.cpu() == null || state.cpu().usage() < 0 ? Double.NaN : state.cpu().usage() / 1e9;
            long disk = state.disk() == null || state.disk().isEmpty() ? -1
                    : state.disk().values().stream().mapToLong(InstanceState.Disk::usage).sum();
            String p = instance.project() == null || instance.project().isEmpty() ? project : instance.project();
            InstanceReading reading = new InstanceReading(p == null ? "default" : p, instance.name(), cpu,
                    state.memory() == null ? -1 : state.memory().usage(), rx, tx, -1, -1, disk);
            readings.put(reading.key(), reading);
        }
        return readings;
    }

    /** "lxd_cpu_seconds_total" and "incus_cpu_seconds_total" both become "cpu_seconds_total". */
    static String unprefixed(String metric) {
        int underscore = metric.indexOf('_');
        return underscore < 0 ? metric : metric.substring(underscore + 1);
    }

    private static final class Builder {
        private final String project;
        private final String name;
        private double cpu = Double.NaN;
        private long memTotal = -1;
        private long memFree = -1;
        private long rx = -1;
        private long tx = -1;
        private long read = -1;
        private long written = -1;
        private long fsSize = -1;
        private long fsFree = -1;

        Builder(String project, String name) {
            this.project = project;
            this.name = name;
        }

        void add(String metric, MetricSample sample) {
            long whole = (long) sample.value();
            switch (metric) {
                case "cpu_seconds_total" -> {
                    String mode = sample.label("mode");
                    if (!"idle".equals(mode) && !"iowait".equals(mode)) {
                        cpu = (Double.isNaN(cpu) ? 0 : cpu) + sample.value();
                    }
                }
                case "memory_MemTotal_bytes" -> memTotal = whole;
                case "memory_MemFree_bytes" -> memFree = whole;
                case "network_receive_bytes_total" -> rx = plus(rx, whole, sample);
                case "network_transmit_bytes_total" -> tx = plus(tx, whole, sample);
                case "disk_read_bytes_total" -> read = (read < 0 ? 0 : read) + whole;
                case "disk_written_bytes_total" -> written = (written < 0 ? 0 : written) + whole;
                case "filesystem_size_bytes" -> fsSize = (fsSize < 0 ? 0 : fsSize) + whole;
                case "filesystem_free_bytes" -> fsFree = (fsFree < 0 ? 0 : fsFree) + whole;
                default -> {
                    // Other figures (page cache, packets, processes…) are not recorded.
                }
            }
        }

        /** Loopback traffic never leaves the instance: it is not counted. */
        private static long plus(long sum, long value, MetricSample sample) {
            if ("lo".equals(sample.label("device"))) {
                return sum < 0 ? 0 : sum;
            }
            return (sum < 0 ? 0 : sum) + value;
        }

        InstanceReading build() {
            long memory = memTotal >= 0 && memFree >= 0 ? Math.max(0, memTotal - memFree) : -1;
            long used = fsSize >= 0 && fsFree >= 0 ? Math.max(0, fsSize - fsFree) : -1;
            return new InstanceReading(project, name, cpu, memory, rx, tx, read, written, used);
        }
    }
}
