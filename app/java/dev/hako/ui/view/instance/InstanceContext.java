package dev.hako.ui.view.instance;

import dev.hako.model.RemoteModel;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FxDialogService;
import dev.hako.ui.common.FxTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;

/**
 * What a tab of an instance's detail view works with: the remote (and its client), the
 * instance's name, the window's language (which may change while the tab lives), the
 * task executor and the dialog service.
 */
public record InstanceContext(RemoteModel remote, String instanceName, I18n i18n, TaskExecutor tasks,
                              DialogService dialogs, dev.hako.ui.view.metrics.MetricCharts charts) {

    /** Without recorded history (null charts: the overview shows none). */
    public InstanceContext(RemoteModel remote, String instanceName, I18n i18n, TaskExecutor tasks,
                           DialogService dialogs) {
        this(remote, instanceName, i18n, tasks, dialogs, null);
    }

    /** With the application's executor and dialogs owned by the focused window. */
    public InstanceContext(RemoteModel remote, String instanceName, I18n i18n) {
        this(remote, instanceName, i18n, FxTaskExecutor.get(), FxDialogService.forFocusedWindow(i18n));
    }
}
