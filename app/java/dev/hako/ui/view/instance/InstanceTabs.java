package dev.hako.ui.view.instance;

import java.util.List;

/** The tabs every instance's detail view has, in order. */
final class InstanceTabs {

    private InstanceTabs() {
    }

    static List<InstanceTabFactory> all() {
        return List.of(OverviewTab::new, dev.hako.ui.terminal.TerminalTab::new,
                dev.hako.ui.terminal.ConsoleTab::new, dev.hako.ui.files.FilesTab::new,
                dev.hako.ui.editor.ConfigurationTab::new, SnapshotsTab::new, dev.hako.ui.images.BackupsTab::new,
                LogsTab::new);
    }
}
