package dev.hako.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hako.model.store.HistoryDatabase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricHistoryTest {

    private static final long START = 1_700_000_000L - Math.floorMod(1_700_000_000L, 3_600);

    @TempDir
    Path directory;
    private HistoryDatabase database;
    private MetricHistory history;

    @BeforeEach
    void open() {
        database = HistoryDatabase.open(directory.resolve("history.db"), List.of(MetricHistory.SCHEMA));
        history = new MetricHistory(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** Records instance "a" with CPU load {@code cpu} every 30 s from START for {@code readings} readings. */
    private void recordSteady(int readings, double cpu) {
        MetricRecording.Reader reader = new MetricRecording.Reader();
        double cpuSeconds = 0;
        for (int i = 0; i < readings; i++) {
            long at = START + i * 30L;
            cpuSeconds += cpu / 100 * 30;
            Map<String, InstanceReading> readingsNow = new HashMap<>();
            readingsNow.put("default/a", new InstanceReading("default", "a", cpuSeconds, 1_000_000 + i, 3_000L * i,
                    0, -1, -1, 5_000));
            readingsNow.put("p/b", new InstanceReading("p", "b", cpuSeconds, 2_000_000, 0, 0, -1, -1, -1));
            reader.store("lxd", history, readingsNow, at * 1000);
        }
        database.flush().join();
    }

    @Test
    void storedReadingsComeBackWithTheirRates() {
        recordSteady(20, 25);
        MetricSeries series = history.instance("lxd", "default", "a", MetricRange.TEN_MINUTES, START + 19 * 30);
        // All 20 readings (9.5 minutes) lie within the last 10 minutes; the first has no rates yet.
        assertThat(series.points()).hasSize(20);
        MetricPoint last = series.points().get(series.points().size() - 1);
        assertThat(last.time()).isEqualTo(START + 19 * 30);
        assertThat(last.cpuPercent()).isCloseTo(25, within(0.01));
        assertThat(last.memoryBytes()).isEqualTo(1_000_019);
        assertThat(last.rxPerSecond()).isEqualTo(100);
        assertThat(last.diskReadPerSecond()).isNaN();
        assertThat(last.diskUsedBytes()).isEqualTo(5_000);
        MetricSeries total = history.total("lxd", MetricRange.TEN_MINUTES, START + 19 * 30);
        assertThat(total.points().get(total.points().size() - 1).cpuPercent()).isCloseTo(50, within(0.01));
        assertThat(total.points().get(total.points().size() - 1).memoryBytes()).isEqualTo(3_000_019);
        assertThat(history.instance("lxd", "default", "nobody", MetricRange.HOUR, START).isEmpty()).isTrue();
        assertThat(history.instance("incus", "default", "a", MetricRange.HOUR, START + 600).isEmpty()).isTrue();
    }

    @Test
    void longRangesAreAveragedToAtMostFiveHundredPoints() {
        recordSteady(2 * 24 * 60 * 2, 40);
        long now = START + (2 * 24 * 60 * 2 - 1) * 30L;
        MetricSeries day = history.instance("lxd", "default", "a", MetricRange.DAY, now);
        assertThat(day.points().size()).isBetween(450, MetricHistory.MAX_POINTS);
        assertThat(day.points()).allSatisfy(p -> assertThat(p.cpuPercent()).isCloseTo(40, within(0.05)));
        MetricSeries week = history.instance("lxd", "default", "a", MetricRange.WEEK, now);
        // Two days of a week at 5-minute averages: 576 buckets, drawn as at most 500 points.
        assertThat(week.points().size()).isBetween(100, MetricHistory.MAX_POINTS);
        assertThat(week.points()).allSatisfy(p -> assertThat(p.cpuPercent()).isCloseTo(40, within(0.05)));
        MetricSeries month = history.instance("lxd", "default", "a", MetricRange.MONTH, now);
        // Hourly averages, two to a point: 48 hours are 24 points.
        assertThat(month.step()).isEqualTo(7_200);
        assertThat(month.points()).hasSize(24);
        assertThat(month.points()).allSatisfy(p -> assertThat(p.cpuPercent()).isCloseTo(40, within(0.05)));
    }

    @Test
    void rawReadingsOlderThanADayArePrunedAndAveragesKept() {
        recordSteady(2 * 24 * 60 * 2, 40);
        Map<String, Long> rows = history.rowCounts();
        // Series: a, b and the total. Raw: at most a day and an hour of readings each.
        assertThat(rows.get("metric_series")).isEqualTo(3);
        assertThat(rows.get("metric_raw")).isLessThanOrEqualTo(3 * (MetricHistory.RAW_KEEP / 30 + 2 * 60 * 2));
        assertThat(rows.get("metric_raw")).isGreaterThanOrEqualTo(3 * 24 * 60 * 2L);
        assertThat(rows.get("metric_5m")).isEqualTo(3 * 2 * 24 * 12L);
        assertThat(rows.get("metric_1h")).isEqualTo(3 * 48L);
    }
}
