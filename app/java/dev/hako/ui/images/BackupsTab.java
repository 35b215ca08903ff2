package dev.hako.ui.images;

import dev.hako.lxd.InstanceBackups;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstanceBackup;
import dev.hako.ui.common.Dialogs;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskRunner;
import dev.hako.ui.view.FactSheet;
import dev.hako.ui.view.instance.InstanceContext;
import dev.hako.ui.view.instance.InstanceTab;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/**
 * The instance's backups on the server: create (with or without snapshots, a
 * compression of choice), export to a host file with progress, delete. Read when
 * the tab opens and after each change.
 */
public final class BackupsTab implements InstanceTab {

    /** Compression choices the CLI offers; the first means the server's default. */
    static final List<String> COMPRESSIONS = List.of("", "gzip", "zstd", "xz", "bzip2", "lz4", "none");

    private final InstanceContext context;
    private final I18n i18n;
    private final Tab tab = new Tab();
    private final TableView<InstanceBackup> table = new TableView<>();
    private final FactSheet dates;
    private final ImageActions actions;

    public BackupsTab(InstanceContext context, Instance instance) {
        this.context = context;
        this.i18n = context.i18n();
        this.dates = new FactSheet(i18n, "", null);
        this.actions = new ImageActions(this::window, i18n, null);
        tab.setText(i18n.get("backups.tab"));
        tab.setId("backupsTab");
        table.setId("backupsTable");
        table.setPlaceholder(new Label(i18n.get("backups.none")));
        table.getColumns().setAll(List.of(
                column(i18n.get("backups.name"), 200, InstanceBackup::shortName),
                column(i18n.get("backups.created"), 200, b -> dates.date(b.createdAt())),
                column(i18n.get("backups.expires"), 200, b -> expiry(b.expiresAt())),
                column(i18n.get("backups.instanceOnly"), 140,
                        b -> i18n.get(b.instanceOnly() ? "backups.yes" : "backups.no")),
                column(i18n.get("backups.optimized"), 120,
                        b -> i18n.get(b.optimizedStorage() ? "backups.yes" : "backups.no"))));
        Button create = new Button(i18n.get("backups.create"));
        create.setId("backupCreate");
        create.setOnAction(e -> create());
        Button export = new Button(i18n.get("backups.export"));
        export.setId("backupExport");
        export.setOnAction(e -> selected().ifPresent(this::export));
        Button delete = new Button(i18n.get("backups.delete"));
        delete.setId("backupDelete");
        delete.setOnAction(e -> selected().ifPresent(this::delete));
        export.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button refresh = new Button(i18n.get("backups.refresh"));
        refresh.setOnAction(e -> reload());
        HBox buttons = new HBox(8, create, export, delete, refresh);
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

    private Window window() {
        return tab.getTabPane() == null || tab.getTabPane().getScene() == null ? null
                : tab.getTabPane().getScene().getWindow();
    }

    private java.util.Optional<InstanceBackup> selected() {
        return java.util.Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    private String expiry(OffsetDateTime time) {
        return time == null || time.getYear() <= 1 ? i18n.get("backups.never") : dates.date(time);
    }

    private void create() {
        LxdClient client = actions.clientOf(context.remote());
        if (client == null) {
            return;
        }
        FormDialog form = new FormDialog(window(), i18n, i18n.get("backups.create"),
                i18n.format("backups.create.header", context.instanceName()));
        TextField name = form.text("backups.name", "backupNewName", "", "backups.create.namePrompt");
        ChoiceBox<String> compression = new ChoiceBox<>();
        compression.setId("backupCompression");
        compression.getItems().setAll(COMPRESSIONS);
        compression.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? i18n.get("backups.create.defaultCompression") : s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        compression.setValue("");
        form.row("backups.create.compression", compression);
        CheckBox instanceOnly = form.wide(new CheckBox(i18n.get("backups.create.instanceOnly")));
        instanceOnly.setId("backupInstanceOnly");
        CheckBox optimized = form.wide(new CheckBox(i18n.get("backups.create.optimized")));
        form.check(() -> name.getText().isBlank() ? null
                : dev.hako.model.NameRules.check(name.getText().trim()).map(p -> i18n.get(p.messageKey))
                        .orElse(null));
        if (!form.showAndWait()) {
            return;
        }
        String chosen = name.getText().isBlank() ? null : name.getText().trim();
        actions.perform(i18n.get("backups.create"), () -> InstanceBackups.of(client)
                .create(context.instanceName(), chosen, instanceOnly.isSelected(), optimized.isSelected(),
                        compression.getValue(), null).awaitSuccess(ImageActions.OPERATION_TIMEOUT), this::reload);
    }

    private void export(InstanceBackup backup) {
        LxdClient client = actions.clientOf(context.remote());
        if (client == null) {
            return;
        }
        FormDialog form = new FormDialog(window(), i18n, i18n.get("backups.export"),
                i18n.format("backups.export.header", backup.shortName(), context.instanceName()));
        String suggested = context.instanceName() + "-" + backup.shortName() + ".tar.gz";
        TextField target = form.file("backups.export.target", "backupTarget", true, suggested);
        target.setText(Path.of(System.getProperty("user.home"), suggested).toString());
        form.check(() -> form.writableTarget(target.getText()));
        if (!form.showAndWait()) {
            return;
        }
        Path path = Path.of(target.getText().trim()).toAbsolutePath();
        TransferWindow.run(window(), i18n, i18n.format("backups.export.progress", backup.shortName(),
                path.getFileName()), 0, false, t -> {
                    InstanceBackups.of(client).export(context.instanceName(), backup.shortName(), path, t);
                    return path;
                }, done -> Dialogs.inform(window(), i18n, i18n.get("backups.export.done"), done.toString()));
    }

    private void delete(InstanceBackup backup) {
        LxdClient client = actions.clientOf(context.remote());
        if (client != null && Dialogs.confirm(window(), i18n, i18n.get("backups.delete"),
                i18n.format("backups.delete.confirm", backup.shortName(), context.instanceName()))) {
            actions.perform(i18n.get("backups.delete"), () -> InstanceBackups.of(client)
                    .delete(context.instanceName(), backup.shortName())
                    .awaitSuccess(ImageActions.OPERATION_TIMEOUT), this::reload);
        }
    }

    private void reload() {
        LxdClient client = context.remote().client();
        if (client != null) {
            TaskRunner.run(() -> InstanceBackups.of(client).list(context.instanceName()),
                    backups -> table.getItems().setAll(backups), failure -> table.getItems().clear());
        }
    }

    @Override
    public Tab tab() {
        return tab;
    }

    @Override
    public void instanceChanged(Instance changed) {
        if (tab.isSelected()) {
            reload();
        }
    }

    private static <T> TableColumn<T, String> column(String title, double width,
                                                     java.util.function.Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }
}
