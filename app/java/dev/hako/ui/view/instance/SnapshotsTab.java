package dev.hako.ui.view.instance;

import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstanceSnapshot;
import dev.hako.ui.actions.ActionContext;
import dev.hako.ui.actions.InstanceActions;
import dev.hako.ui.common.I18n;
import dev.hako.ui.images.SnapshotActions;
import dev.hako.ui.view.FactSheet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.stage.Window;

/**
 * The instance's snapshots with create, restore, delete and more. A language switch
 * relabels the tab, its buttons and columns in place; the list and its selection stay.
 */
final class SnapshotsTab implements InstanceTab {

    private final InstanceContext context;
    private final I18n i18n;
    private final SnapshotsViewModel model;
    private final Tab tab = new Tab();
    private final TableView<InstanceSnapshot> table = new TableView<>();
    private final Label placeholder = new Label();
    /** Bundle keys of the buttons and columns, relabelled on a language switch. */
    private final Map<Button, String> buttons = new LinkedHashMap<>();
    private final Map<TableColumn<InstanceSnapshot, String>, String> columns = new LinkedHashMap<>();
    private final ChangeListener<Locale> relabel = (language, was, now) -> relabel();
    private Instance instance;

    SnapshotsTab(InstanceContext context, Instance instance) {
        this.context = context;
        this.i18n = context.i18n();
        this.instance = instance;
        this.model = new SnapshotsViewModel(context.remote(), context.instanceName(), i18n, context.tasks());
        tab.setId("snapshotsTab");
        table.setId("snapshotsTable");
        table.setPlaceholder(placeholder);
        table.setItems(model.snapshots());
        column("view.name", 200, InstanceSnapshot::name);
        column("view.created", 200, s -> model.date(s.createdAt()));
        column("snapshots.stateful", 90, model::stateful);
        column("snapshots.expires", 200, s -> model.expiry(s.expiresAt()));
        Supplier<Window> owner = () -> tab.getTabPane() == null ? null : tab.getTabPane().getScene().getWindow();
        InstanceActions actions = new InstanceActions(new ActionContext(owner, i18n, null, context.tasks(),
                context.dialogs()));
        SnapshotActions more = new SnapshotActions(owner, i18n);
        button("snapshotCreate", "action.snapshot", false,
                () -> actions.createSnapshot(context.remote(), this.instance, model::reload));
        button("snapshotRestore", "action.snapshot.restore", true, () -> selected(name -> actions.restoreSnapshot(
                context.remote(), context.instanceName(), name, model::reload)));
        button("snapshotDelete", "action.snapshot.delete", true, () -> selected(name -> actions.deleteSnapshot(
                context.remote(), context.instanceName(), name, model::reload)));
        button("snapshotRename", "snapshots.rename", true, () -> selected(name -> more.rename(context.remote(),
                context.instanceName(), name, model::reload)));
        button("snapshotNewInstance", "snapshots.newInstance", true,
                () -> selected(name -> more.newInstance(context.remote(), this.instance, name)));
        button("snapshotPublish", "images.publish", true,
                () -> selected(name -> more.publish(context.remote(), context.instanceName(), name)));
        button("snapshotSchedule", "snapshots.schedule", false, () -> more.schedule(context.remote(),
                context.instanceName(), java.time.ZoneId.systemDefault()));
        button(null, "snapshots.refresh", false, model::reload);
        FlowPane bar = new FlowPane(8, 8, buttons.keySet().toArray(new Button[0]));
        bar.setPadding(new Insets(8));
        BorderPane pane = new BorderPane(table);
        pane.setTop(bar);
        tab.setContent(pane);
        tab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
                model.reload();
            }
        });
        model.failureProperty().addListener((obs, was, now) -> placeholder.setText(model.placeholderText()));
        i18n.localeProperty().addListener(relabel);
        relabel();
    }

    private void column(String key, double width, java.util.function.Function<InstanceSnapshot, String> value) {
        TableColumn<InstanceSnapshot, String> column = FactSheet.column(i18n.get(key), width, value);
        columns.put(column, key);
        table.getColumns().add(column);
    }

    private void button(String id, String key, boolean needsSelection, Runnable action) {
        Button button = new Button();
        button.setId(id);
        button.setOnAction(e -> action.run());
        if (needsSelection) {
            button.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        }
        buttons.put(button, key);
    }

    private void relabel() {
        tab.setText(i18n.get("snapshots.tab"));
        placeholder.setText(model.placeholderText());
        buttons.forEach((button, key) -> button.setText(i18n.get(key)));
        columns.forEach((column, key) -> column.setText(i18n.get(key)));
        // Dates and yes/no in the cells are worded in the language: draw the cells again, rows and selection stay.
        table.refresh();
    }

    private void selected(Consumer<String> action) {
        InstanceSnapshot snapshot = table.getSelectionModel().getSelectedItem();
        if (snapshot != null) {
            action.accept(snapshot.name());
        }
    }

    @Override
    public Tab tab() {
        return tab;
    }

    @Override
    public void instanceChanged(Instance changed) {
        this.instance = changed;
        // A snapshot made elsewhere updates the instance's last-used date; cheap enough to re-read when shown.
        if (tab.isSelected()) {
            model.reload();
        }
    }

    @Override
    public void dispose() {
        i18n.localeProperty().removeListener(relabel);
        model.cancel();
    }
}
