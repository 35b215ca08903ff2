package dev.hako.lxd.api;

import java.util.Map;

/**
 * One line of the server's OpenMetrics text: the metric's name (with the server's prefix,
 * {@code lxd_} or {@code incus_}), its labels ({@code name}, {@code project}, {@code type},
 * {@code device}, {@code cpu}, {@code mode} …) and its value.
 */
public record MetricSample(String name, Map<String, String> labels, double value) {

    public MetricSample {
        labels = Map.copyOf(labels);
    }

    /** A label's value, or "" when the line has no such label. */
    public String label(String key) {
        return labels.getOrDefault(key, "");
    }
}
