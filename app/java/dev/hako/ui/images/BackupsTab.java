package dev.hako.ui.images;

import dev.hako.lxd.InstanceBackups;
import dev.hako.lxd.api.Instance;
import dev.hako.ui.view.instance.InstanceContext;
import dev.hako.ui.view.instance.InstanceTab;
import javafx.scene.control.Tab;
import javafx.stage.Window;

/**
 * The instance's backups on the server: create (with or without snapshots, a
 * compression of choice), export to a host file with progress, delete. Read when
 * the tab opens and after each change.
 */
public final class BackupsTab implements InstanceTab {

    private final Tab tab = new Tab();
    private final BackupsPane pane;

    public BackupsTab(InstanceContext context, Instance instance) {
        String name = context.instanceName();
        tab.setText(context.i18n().get("backups.tab"));
        tab.setId("backupsTab");
        pane = new BackupsPane(context.i18n(), this::window, context.remote(), name, "backup",
                "backups.create.instanceOnly", client -> InstanceBackups.of(client).backupsOf(name));
        tab.setContent(pane.node());
        tab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
                pane.reload();
            }
        });
    }

    private Window window() {
        return tab.getTabPane() == null || tab.getTabPane().getScene() == null ? null
                : tab.getTabPane().getScene().getWindow();
    }

    @Override
    public Tab tab() {
        return tab;
    }

    @Override
    public void instanceChanged(Instance changed) {
        if (tab.isSelected()) {
            pane.reload();
        }
    }
}
