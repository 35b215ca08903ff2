package dev.hako.ui.view.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.ForbiddenException;
import dev.hako.model.Workspace;
import dev.hako.model.metrics.InstanceReading;
import dev.hako.model.metrics.MetricHistory;
import dev.hako.model.metrics.MetricRange;
import dev.hako.model.metrics.MetricRecording;
import dev.hako.model.store.HistoryDatabase;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.UiSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryViewModelTest {

    private static final long NOW = 1_700_000_000L;

    @TempDir
    Path directory;
    private HistoryDatabase database;
    private MetricHistory history;
    private MetricRecording recording;
    private UiSettings settings;

    @BeforeEach
    void open() {
        database = HistoryDatabase.open(directory.resolve("h.db"), List.of(MetricHistory.SCHEMA));
        history = new MetricHistory(database);
        // No remote in the workspace: a switched-on recorder has nothing to read and sends nothing.
        recording = new MetricRecording(new Workspace(List.of()), history, Duration.ofSeconds(30));
        settings = new UiSettings(directory);
        MetricRecording.Reader reader = new MetricRecording.Reader();
        for (int i = 0; i < 4; i++) {
            reader.store("lxd", history, Map.of("default/web", new InstanceReading("default", "web", 6.0 * i,
                    (i + 1) * 1_048_576L, 0, 0, -1, -1, 10 * 1_048_576L)), (NOW - 90 + i * 30) * 1000);
        }
        database.flush().join();
    }

    @AfterEach
    void close() {
        recording.close();
        database.close();
    }

    private HistoryViewModel model(String instance, Locale locale) {
        return new HistoryViewModel(recording, "lxd", "default", instance, new I18n(locale),
                new CurrentThreadTaskExecutor(), settings::setRecordsMetrics, () -> NOW);
    }

    @Test
    void readsTheRangeOnlyWhileActiveAndAgainWhenItChanges() {
        HistoryViewModel model = model("web", Locale.ENGLISH);
        assertThat(model.seriesProperty().get()).isNull();
        model.setActive(true);
        assertThat(model.seriesProperty().get().points()).hasSize(4);
        assertThat(HistoryViewModel.CPU.applyAsDouble(model.seriesProperty().get().points().get(3))).isEqualTo(20);
        assertThat(HistoryViewModel.MEMORY.applyAsDouble(model.seriesProperty().get().points().get(3))).isEqualTo(4);
        // LXD containers: no reads and writes, but the space used.
        assertThat(model.diskShowsSpace()).isTrue();
        assertThat(model.emptyText()).isNull();
        model.rangeProperty().set(MetricRange.WEEK);
        assertThat(model.seriesProperty().get().range()).isEqualTo(MetricRange.WEEK);
        assertThat(model.seriesProperty().get().points()).isNotEmpty();
        model.setActive(false);
        model.rangeProperty().set(MetricRange.TEN_MINUTES);
        assertThat(model.seriesProperty().get().range()).as("not read while off screen").isEqualTo(MetricRange.WEEK);
    }

    @Test
    void anInstanceNeverRecordedSaysSo() {
        HistoryViewModel model = model("other", Locale.ENGLISH);
        model.setActive(true);
        assertThat(model.emptyText()).isEqualTo("Nothing recorded in this range yet.");
        assertThat(model.statusText()).contains("Turn recording on in the server overview of lxd");
    }

    @Test
    void theSwitchStartsRecordingAndIsRemembered() {
        HistoryViewModel model = model(null, Locale.JAPANESE);
        model.setActive(true);
        assertThat(model.statusText()).isEqualTo(new I18n(Locale.JAPANESE).get("metrics.notRecordingHere"));
        model.recordingOnProperty().set(true);
        assertThat(recording.isRecording("lxd")).isTrue();
        assertThat(new UiSettings(directory).recordsMetrics("lxd")).isTrue();
        assertThat(model.statusText()).contains("30 秒ごと");
        // The total of the remote: the sum of its instances.
        assertThat(model.seriesProperty().get().points()).hasSize(4);
        model.recordingOnProperty().set(false);
        assertThat(recording.isRecording("lxd")).isFalse();
        assertThat(new UiSettings(directory).recordsMetrics("lxd")).isFalse();
    }

    @Test
    void aRefusalIsExplained() throws Exception {
        HistoryViewModel model = model(null, Locale.ENGLISH);
        model.setActive(true);
        var listener = HistoryViewModel.class.getDeclaredField("listener");
        listener.setAccessible(true);
        ((MetricRecording.Listener) listener.get(model)).failed("lxd",
                new ForbiddenException("GET /1.0/metrics: not authorized", 403, "not authorized"));
        assertThat(model.statusText()).startsWith("The server refused its metrics: ")
                .contains("trusted client certificate");
    }

    @Test
    void badIntervalsAreRefusedAndTheDefaultKept() {
        assertThat(UiSettings.parseMetricsInterval(" 60 ")).isEqualTo(60);
        assertThat(UiSettings.parseMetricsInterval("4")).isNull();
        assertThat(UiSettings.parseMetricsInterval("3601")).isNull();
        assertThat(UiSettings.parseMetricsInterval("30s")).isNull();
        assertThat(settings.metricsInterval()).isEqualTo(30);
        settings.setMetricsInterval(10);
        assertThat(new UiSettings(directory).metricsInterval()).isEqualTo(10);
    }
}
