package dev.hako.model.metrics;

import java.util.List;

/**
 * The history of one instance (or of a remote's total) over a range, oldest first, at most
 * {@link MetricHistory#MAX_POINTS} points: averages over equal steps where the range holds
 * more samples than that.
 */
public record MetricSeries(MetricRange range, long from, long to, long step, List<MetricPoint> points) {

    public MetricSeries {
        points = List.copyOf(points);
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }
}
