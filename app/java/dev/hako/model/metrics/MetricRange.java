package dev.hako.model.metrics;

/** The spans a history chart can show, with the bundle key of each one's name. */
public enum MetricRange {
    TEN_MINUTES(600, "metrics.range.10m"),
    HOUR(3_600, "metrics.range.1h"),
    DAY(86_400, "metrics.range.1d"),
    WEEK(604_800, "metrics.range.1w"),
    MONTH(2_592_000, "metrics.range.30d");

    private final long seconds;
    private final String key;

    MetricRange(long seconds, String key) {
        this.seconds = seconds;
        this.key = key;
    }

    public long seconds() {
        return seconds;
    }

    public String key() {
        return key;
    }
}
