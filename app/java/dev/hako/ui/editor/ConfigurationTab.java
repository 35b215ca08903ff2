package dev.hako.ui.editor;

import dev.hako.lxd.api.Instance;
import dev.hako.model.config.EditDocument;
import dev.hako.model.config.EditTarget;
import dev.hako.model.config.ObjectKind;
import dev.hako.ui.view.instance.InstanceContext;
import dev.hako.ui.view.instance.InstanceTab;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Tab;

/**
 * The "Configuration" tab of an instance's detail view: the config editor. When
 * the instance's config changes on the server and nothing is being edited, the
 * editor reloads (so its ETag stays current); a draft is never replaced.
 */
public final class ConfigurationTab implements InstanceTab {

    private final Tab tab = new Tab();
    private final ConfigEditor editor;
    private EditDocument seen;

    public ConfigurationTab(InstanceContext context, Instance instance) {
        editor = new ConfigEditor(context.remote(), EditTarget.instance(context.instanceName()), context.i18n(),
                context.tasks(), context.dialogs());
        tab.textProperty().bind(Bindings.createStringBinding(() -> context.i18n().get("editor.tab.configuration"),
                context.i18n().localeProperty()));
        tab.setId("configurationTab");
        tab.setContent(editor.node());
        seen = EditDocument.of(ObjectKind.INSTANCE, instance.toPut());
    }

    public ConfigEditor editor() {
        return editor;
    }

    @Override
    public Tab tab() {
        return tab;
    }

    @Override
    public void instanceChanged(Instance instance) {
        EditDocument now = EditDocument.of(ObjectKind.INSTANCE, instance.toPut());
        if (!Objects.equals(now, seen)) {
            seen = now;
            editor.refreshIfClean();
        }
    }

    @Override
    public void dispose() {
        editor.dispose();
    }
}
