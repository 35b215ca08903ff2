package dev.hako.model.metrics;

/**
 * The figures of one instance (or of a whole remote) at one time, as stored and charted.
 * Rates are per second over the interval before {@code time}; {@code NaN} where unknown
 * (the first reading after start has no rate yet, a server may not report disks).
 *
 * @param time        epoch seconds
 * @param cpuPercent  CPU load, 100 per fully used core
 * @param memoryBytes memory in use
 * @param rxPerSecond bytes received per second
 * @param txPerSecond bytes sent per second
 * @param diskReadPerSecond    bytes read per second
 * @param diskWrittenPerSecond bytes written per second
 * @param diskUsedBytes        space used
 */
public record MetricPoint(long time, double cpuPercent, double memoryBytes, double rxPerSecond, double txPerSecond,
                          double diskReadPerSecond, double diskWrittenPerSecond, double diskUsedBytes) {

    /**
     * The point of {@code now}, with rates against {@code before} taken {@code seconds} earlier.
     * A counter lower than before means the instance restarted: its rate is what it counted since.
     */
    static MetricPoint between(InstanceReading before, InstanceReading now, long time, double seconds) {
        boolean rates = before != null && seconds > 0;
        double cpu = Double.NaN;
        if (rates && !Double.isNaN(now.cpuSeconds()) && !Double.isNaN(before.cpuSeconds())) {
            double used = now.cpuSeconds() >= before.cpuSeconds() ? now.cpuSeconds() - before.cpuSeconds()
                    : now.cpuSeconds();
            cpu = used / seconds * 100;
        }
        return new MetricPoint(time, cpu, gauge(now.memoryBytes()),
                rates ? rate(before.rxBytes(), now.rxBytes(), seconds) : Double.NaN,
                rates ? rate(before.txBytes(), now.txBytes(), seconds) : Double.NaN,
                rates ? rate(before.diskReadBytes(), now.diskReadBytes(), seconds) : Double.NaN,
                rates ? rate(before.diskWrittenBytes(), now.diskWrittenBytes(), seconds) : Double.NaN,
                gauge(now.diskUsedBytes()));
    }

    private static double gauge(long value) {
        return value < 0 ? Double.NaN : value;
    }

    static double rate(long before, long now, double seconds) {
        if (before < 0 || now < 0) {
            return Double.NaN;
        }
        return (now >= before ? now - before : now) / seconds;
    }

    /** The remote's total: the sum over its instances of what each one knows. */
    static MetricPoint total(long time, Iterable<MetricPoint> points) {
        double[] sums = new double[7];
        boolean[] known = new boolean[7];
        for (MetricPoint p : points) {
            double[] v = {p.cpuPercent, p.memoryBytes, p.rxPerSecond, p.txPerSecond, p.diskReadPerSecond,
                    p.diskWrittenPerSecond, p.diskUsedBytes};
            for (int i = 0; i < v.length; i++) {
                if (!Double.isNaN(v[i])) {
                    sums[i] += v[i];
                    known[i] = true;
                }
            }
        }
        for (int i = 0; i < sums.length; i++) {
            if (!known[i]) {
                sums[i] = Double.NaN;
            }
        }
        return new MetricPoint(time, sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6]);
    }
}
