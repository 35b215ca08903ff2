package dev.hako.ui.view.instance;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstanceSnapshot;
import dev.hako.ui.actions.ActionContext;
import dev.hako.ui.actions.InstanceActions;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskRunner;
import dev.hako.ui.view.FactSheet;
import java.time.OffsetDateTime;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/** The instance's snapshots with create, restore and delete; read when the tab opens and after each change. */
final class SnapshotsTab implements InstanceTab {

    private final InstanceContext context;
    private final I18n i18n;
    private final Tab tab = new Tab();
    private final TableView<InstanceSnapshot> table = new TableView<>();
    private final FactSheet dates;
    private Instance instance;

    SnapshotsTab(InstanceContext context, Instance instance) {
        this.context = context;
        this.i18n = context.i18n();
        this.instance = instance;
        this.dates = new FactSheet(i18n, "", null);
        tab.setText(i18n.get("snapshots.tab"));
        tab.setId("snapshotsTab");
        table.setId("snapshotsTable");
        table.setPlaceholder(new Label(i18n.get("snapshots.none")));
        table.getColumns().setAll(List.of(
                FactSheet.column(i18n.get("view.name"), 200, InstanceSnapshot::name),
                FactSheet.column(i18n.get("view.created"), 200, s -> dates.date(s.createdAt())),
                FactSheet.column(i18n.get("snapshots.stateful"), 90, s -> i18n.get(s.stateful() ? "view.yes" : "view.no")),
                FactSheet.column(i18n.get("snapshots.expires"), 200, s -> expiry(s.expiresAt()))));
        InstanceActions actions = new InstanceActions(new ActionContext(
                () -> tab.getTabPane() == null ? null : tab.getTabPane().getScene().getWindow(), i18n, null));
        Button create = new Button(i18n.get("action.snapshot"));
        create.setId("snapshotCreate");
        create.setOnAction(e -> actions.createSnapshot(context.remote(), this.instance, this::reload));
        Button restore = new Button(i18n.get("action.snapshot.restore"));
        restore.setId("snapshotRestore");
        restore.setOnAction(e -> selected(name -> actions.restoreSnapshot(context.remote(),
                context.instanceName(), name, this::reload)));
        Button delete = new Button(i18n.get("action.snapshot.delete"));
        delete.setId("snapshotDelete");
        delete.setOnAction(e -> selected(name -> actions.deleteSnapshot(context.remote(), context.instanceName(),
                name, this::reload)));
        restore.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button refresh = new Button(i18n.get("snapshots.refresh"));
        refresh.setOnAction(e -> reload());
        dev.hako.ui.images.SnapshotActions more = new dev.hako.ui.images.SnapshotActions(
                () -> tab.getTabPane() == null ? null : tab.getTabPane().getScene().getWindow(), i18n);
        Button rename = new Button(i18n.get("snapshots.rename"));
        rename.setId("snapshotRename");
        rename.setOnAction(e -> selected(name -> more.rename(context.remote(), context.instanceName(), name,
                this::reload)));
        Button fromSnapshot = new Button(i18n.get("snapshots.newInstance"));
        fromSnapshot.setId("snapshotNewInstance");
        fromSnapshot.setOnAction(e -> selected(name -> more.newInstance(context.remote(), this.instance, name)));
        Button publish = new Button(i18n.get("images.publish"));
        publish.setId("snapshotPublish");
        publish.setOnAction(e -> selected(name -> more.publish(context.remote(), context.instanceName(), name)));
        for (Button b : new Button[] {rename, fromSnapshot, publish}) {
            b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        }
        Button schedule = new Button(i18n.get("snapshots.schedule"));
        schedule.setId("snapshotSchedule");
        schedule.setOnAction(e -> more.schedule(context.remote(), context.instanceName(),
                java.time.ZoneId.systemDefault()));
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(8, 8, create, restore, delete, rename,
                fromSnapshot, publish, schedule, refresh);
        buttons.setPadding(new Insets(8));
        BorderPane pane = new BorderPane(table);
        pane.setTop(buttons);
        tab.setContent(pane);
        tab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
                reload();
            }
        });
    }

    private String expiry(OffsetDateTime time) {
        return time == null || time.getYear() <= 1 ? i18n.get("snapshots.never") : dates.date(time);
    }

    private void selected(java.util.function.Consumer<String> action) {
        InstanceSnapshot snapshot = table.getSelectionModel().getSelectedItem();
        if (snapshot != null) {
            action.accept(snapshot.name());
        }
    }

    private void reload() {
        LxdClient client = context.remote().client();
        if (client != null) {
            TaskRunner.run(() -> client.instances().snapshots(context.instanceName()),
                    snapshots -> table.getItems().setAll(snapshots), failure -> table.getItems().clear());
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
            reload();
        }
    }
}
