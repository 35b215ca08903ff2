package dev.hako.ui.images;

import dev.hako.lxd.api.Instance;
import dev.hako.ui.actions.ActionContext;
import dev.hako.ui.view.instance.InstanceContext;
import dev.hako.ui.view.instance.InstanceTab;
import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Tab;

/**
 * The instance's backups on the server: create (with or without snapshots, a
 * compression of choice), export to a host file with progress, delete. Read when
 * the tab opens and after each change; relabelled in place when the language changes.
 */
public final class BackupsTab implements InstanceTab {

    private final Tab tab = new Tab();
    private final InstanceContext context;
    private final BackupsViewModel model;
    private final BackupsPane pane;
    private final ChangeListener<Locale> relabel = (o, was, now) -> relabel();

    public BackupsTab(InstanceContext context, Instance instance) {
        this.context = context;
        String name = context.instanceName();
        tab.setId("backupsTab");
        ActionContext actions = new ActionContext(() -> context.dialogs().owner(), context.i18n(), null,
                context.tasks(), context.dialogs());
        ImageActions transfers = new ImageActions(actions);
        model = BackupsViewModel.ofInstance(actions, transfers::transfer, context.remote(), name);
        pane = new BackupsPane(context.i18n(), model, "backup", "backups.create.instanceOnly");
        tab.setContent(pane.node());
        tab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
                model.reload();
            }
        });
        context.i18n().localeProperty().addListener(relabel);
        relabel();
    }

    private void relabel() {
        tab.setText(context.i18n().get("backups.tab"));
        pane.relabel();
    }

    @Override
    public Tab tab() {
        return tab;
    }

    @Override
    public void instanceChanged(Instance changed) {
        if (tab.isSelected()) {
            model.reload();
        }
    }

    @Override
    public void dispose() {
        context.i18n().localeProperty().removeListener(relabel);
    }
}
