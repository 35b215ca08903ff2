package dev.hako.ui.view.metrics;

import dev.hako.model.metrics.MetricRecording;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.common.UiSettings;

/**
 * The application's metric recording, for the views that chart it: the server overview
 * (the remote's total and its recording switch) and the instance overview. Given to the
 * main window; without one (windows made by tests) the views show no history.
 */
public final class MetricCharts {

    private final MetricRecording recording;
    private final UiSettings settings;

    public MetricCharts(MetricRecording recording, UiSettings settings) {
        this.recording = recording;
        this.settings = settings;
    }

    public MetricRecording recording() {
        return recording;
    }

    /** The recorded total of a remote, with its recording switch (remembered in the settings). */
    public HistoryView forRemote(String remote, I18n i18n, TaskExecutor tasks) {
        return new HistoryView(new HistoryViewModel(recording, remote, null, null, i18n, tasks,
                settings::setRecordsMetrics, () -> System.currentTimeMillis() / 1000));
    }

    /** The recorded history of one instance. */
    public HistoryView forInstance(String remote, String project, String instance, I18n i18n, TaskExecutor tasks) {
        return new HistoryView(new HistoryViewModel(recording, remote, project, instance, i18n, tasks,
                settings::setRecordsMetrics, () -> System.currentTimeMillis() / 1000));
    }
}
