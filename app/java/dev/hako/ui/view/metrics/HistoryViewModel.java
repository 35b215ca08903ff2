package dev.hako.ui.view.metrics;

import dev.hako.lxd.ForbiddenException;
import dev.hako.model.metrics.MetricHistory;
import dev.hako.model.metrics.MetricPoint;
import dev.hako.model.metrics.MetricRange;
import dev.hako.model.metrics.MetricRecording;
import dev.hako.model.metrics.MetricSeries;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.LatestTask;
import dev.hako.ui.common.TaskExecutor;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The recorded history of one instance, or of a remote's total: which range is shown, the
 * points read for it (from the history file, never from the server), the recording switch
 * and what to say about it. Reads run on the task executor; a new reading of the remote
 * reads the shown range again while the view is on screen.
 */
public final class HistoryViewModel {

    private final MetricRecording recording;
    private final String remote;
    private final String project;
    private final String instance;
    private final I18n i18n;
    private final LatestTask reads;
    private final TaskExecutor tasks;
    private final BiConsumer<String, Boolean> saveSwitch;
    private final LongSupplier clockSeconds;
    private final ObjectProperty<MetricRange> range = new SimpleObjectProperty<>(this, "range", MetricRange.HOUR);
    private final ReadOnlyObjectWrapper<MetricSeries> series = new ReadOnlyObjectWrapper<>(this, "series");
    private final BooleanProperty recordingOn = new SimpleBooleanProperty(this, "recordingOn");
    private final ReadOnlyObjectWrapper<Exception> readFailure = new ReadOnlyObjectWrapper<>(this, "readFailure");
    private final ReadOnlyObjectWrapper<RuntimeException> serverFailure =
            new ReadOnlyObjectWrapper<>(this, "serverFailure");
    private final MetricRecording.Listener listener = new MetricRecording.Listener() {
        @Override
        public void recorded(String which) {
            if (which.equals(remote)) {
                tasks.runOnUi(HistoryViewModel.this::load);
            }
        }

        @Override
        public void failed(String which, RuntimeException failure) {
            if (which.equals(remote)) {
                tasks.runOnUi(() -> serverFailure.set(failure));
            }
        }
    };
    private boolean active;

    /**
     * {@code instance} null: the remote's total. {@code saveSwitch} remembers the switch
     * (remote, on) in the settings.
     */
    public HistoryViewModel(MetricRecording recording, String remote, String project, String instance, I18n i18n,
                            TaskExecutor tasks, BiConsumer<String, Boolean> saveSwitch, LongSupplier clockSeconds) {
        this.recording = recording;
        this.remote = remote;
        this.project = project;
        this.instance = instance;
        this.i18n = i18n;
        this.tasks = tasks;
        this.reads = new LatestTask(tasks);
        this.saveSwitch = saveSwitch;
        this.clockSeconds = clockSeconds;
        recordingOn.set(recording.isRecording(remote));
        serverFailure.set(recording.failure(remote));
        range.addListener((o, was, now) -> load());
        recordingOn.addListener((o, was, now) -> {
            if (now != recording.isRecording(remote)) {
                recording.setRecording(remote, now);
                saveSwitch.accept(remote, now);
                serverFailure.set(null);
            }
        });
    }

    I18n i18n() {
        return i18n;
    }

    boolean forInstance() {
        return instance != null;
    }

    public ObjectProperty<MetricRange> rangeProperty() {
        return range;
    }

    public ReadOnlyObjectProperty<MetricSeries> seriesProperty() {
        return series.getReadOnlyProperty();
    }

    /** The remote's recording switch. */
    public BooleanProperty recordingOnProperty() {
        return recordingOn;
    }

    ReadOnlyObjectProperty<Exception> readFailureProperty() {
        return readFailure.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<RuntimeException> serverFailureProperty() {
        return serverFailure.getReadOnlyProperty();
    }

    /** On screen: reads the range now and after every new reading of the remote. UI thread. */
    public void setActive(boolean nowActive) {
        if (nowActive == active) {
            return;
        }
        active = nowActive;
        if (active) {
            recording.addListener(listener);
            recordingOn.set(recording.isRecording(remote));
            serverFailure.set(recording.failure(remote));
            load();
        } else {
            recording.removeListener(listener);
            reads.cancel();
        }
    }

    /** Reads the shown range from the history file. UI thread; the read runs in the background. */
    public void load() {
        if (!active) {
            return;
        }
        MetricHistory history = recording.history();
        MetricRange shown = range.get();
        long now = clockSeconds.getAsLong();
        reads.run(BackgroundTask.of(progress -> instance == null ? history.total(remote, shown, now)
                : history.instance(remote, project, instance, shown, now)).onSuccess(read -> {
                    readFailure.set(null);
                    series.set(read);
                }).onFailure(readFailure::set));
    }

    // ---- texts, in the language of the moment ----

    /** What is recorded, or why nothing is, or what went wrong. */
    public String statusText() {
        if (readFailure.get() != null) {
            return i18n.format("metrics.readFailed", FailureText.of(i18n, readFailure.get()));
        }
        RuntimeException failure = serverFailure.get();
        if (failure != null) {
            return failure instanceof ForbiddenException
                    ? i18n.format("metrics.refused", FailureText.of(i18n, failure))
                    : i18n.format("metrics.failed", FailureText.of(i18n, failure));
        }
        if (recordingOn.get()) {
            return i18n.format("metrics.recording", recording.interval().toSeconds());
        }
        return instance == null ? i18n.get("metrics.notRecordingHere") : i18n.format("metrics.notRecording", remote);
    }

    /** Shown over empty charts: null while there are points. */
    public String emptyText() {
        MetricSeries shown = series.get();
        return shown == null || !shown.isEmpty() ? null : i18n.get("metrics.noHistory");
    }

    /** The time of a point as the axis shows it: hours and minutes, with the date for long ranges. */
    String timeText(double epochSeconds) {
        MetricRange shown = range.get();
        DateTimeFormatter format = shown.seconds() <= MetricRange.DAY.seconds()
                ? DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                : DateTimeFormatter.ofPattern(i18n.locale().getLanguage().equals("ja") ? "M/d" : "d MMM");
        return format.withLocale(i18n.locale()).withZone(ZoneId.systemDefault())
                .format(Instant.ofEpochSecond((long) epochSeconds));
    }

    /** Whether the disk chart shows space used (no reads and writes are known, as for LXD containers). */
    boolean diskShowsSpace() {
        MetricSeries shown = series.get();
        if (shown == null) {
            return false;
        }
        boolean io = shown.points().stream().anyMatch(p -> !Double.isNaN(p.diskReadPerSecond()));
        boolean space = shown.points().stream().anyMatch(p -> !Double.isNaN(p.diskUsedBytes()));
        return !io && space;
    }

    /** Chart values: CPU in %, memory and space in MiB, rates in KiB/s. */
    static final ToDoubleFunction<MetricPoint> CPU = MetricPoint::cpuPercent;
    static final ToDoubleFunction<MetricPoint> MEMORY = p -> p.memoryBytes() / 1_048_576;
    static final ToDoubleFunction<MetricPoint> RX = p -> p.rxPerSecond() / 1024;
    static final ToDoubleFunction<MetricPoint> TX = p -> p.txPerSecond() / 1024;
    static final ToDoubleFunction<MetricPoint> READ = p -> p.diskReadPerSecond() / 1024;
    static final ToDoubleFunction<MetricPoint> WRITTEN = p -> p.diskWrittenPerSecond() / 1024;
    static final ToDoubleFunction<MetricPoint> USED = p -> p.diskUsedBytes() / 1_048_576;
}
