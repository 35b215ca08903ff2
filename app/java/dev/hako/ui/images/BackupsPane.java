package dev.hako.ui.images;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.BackupSet;
import dev.hako.lxd.api.Backup;
import dev.hako.model.RemoteModel;
import dev.hako.ui.common.Dialogs;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskRunner;
import dev.hako.ui.view.FactSheet;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * A list of server-side backups of one object (an instance or a custom volume) with
 * create (with or without snapshots, a compression of choice), export to a host file
 * with progress and cancel, and delete. Read when asked and after each change.
 */
final class BackupsPane {

    /** Compression choices the CLI offers; the first means the server's default. */
    static final List<String> COMPRESSIONS = List.of("", "gzip", "zstd", "xz", "bzip2", "lz4", "none");

    private final I18n i18n;
    private final RemoteModel remote;
    private final String owner;
    private final String idPrefix;
    private final String withoutSnapshotsKey;
    private final Function<LxdClient, BackupSet<?>> server;
    private final ImageActions actions;
    private final FactSheet dates;
    private final TableView<Backup> table = new TableView<>();
    private final FlowPane buttons;
    private final BorderPane pane;

    /**
     * {@code owner} names the object in headers and file names; {@code idPrefix} starts
     * every control's id; {@code withoutSnapshotsKey} labels the check box that leaves
     * the snapshots out.
     */
    BackupsPane(I18n i18n, Supplier<Window> window, RemoteModel remote, String owner, String idPrefix,
                String withoutSnapshotsKey, Function<LxdClient, BackupSet<?>> server) {
        this.i18n = i18n;
        this.remote = remote;
        this.owner = owner;
        this.idPrefix = idPrefix;
        this.withoutSnapshotsKey = withoutSnapshotsKey;
        this.server = server;
        this.actions = new ImageActions(window, i18n, null);
        this.dates = new FactSheet(i18n, "", null);
        table.setId(idPrefix + "sTable");
        table.setPlaceholder(new Label(i18n.get("backups.none")));
        table.getColumns().setAll(List.of(
                FactSheet.column(i18n.get("backups.name"), 160, Backup::shortName),
                FactSheet.column(i18n.get("backups.created"), 200, b -> dates.date(b.createdAt())),
                FactSheet.column(i18n.get("backups.expires"), 160, b -> expiry(b.expiresAt())),
                FactSheet.column(i18n.get("backups.instanceOnly"), 170,
                        b -> i18n.get(b.withoutSnapshots() ? "backups.yes" : "backups.no")),
                FactSheet.column(i18n.get("backups.optimized"), 120,
                        b -> i18n.get(b.optimizedStorage() ? "backups.yes" : "backups.no"))));
        Button create = button("backups.create", "Create", this::create);
        Button export = button("backups.export", "Export", () -> selected().ifPresent(this::export));
        Button delete = button("backups.delete", "Delete", () -> selected().ifPresent(this::delete));
        export.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button refresh = button("backups.refresh", "Refresh", this::reload);
        buttons = new FlowPane(8, 8, create, export, delete, refresh);
        buttons.setPadding(new Insets(8));
        pane = new BorderPane(table);
        pane.setTop(buttons);
    }

    BorderPane node() {
        return pane;
    }

    /** The row of buttons, for a caller that adds its own. */
    FlowPane buttons() {
        return buttons;
    }

    private Button button(String textKey, String idSuffix, Runnable action) {
        Button button = new Button(i18n.get(textKey));
        button.setId(idPrefix + idSuffix);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> action.run());
        return button;
    }

    private Window window() {
        return actions.owner();
    }

    private Optional<Backup> selected() {
        return Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    private String expiry(OffsetDateTime time) {
        return time == null || time.getYear() <= 1 ? i18n.get("backups.never") : dates.date(time);
    }

    private void create() {
        LxdClient client = actions.clientOf(remote);
        if (client == null) {
            return;
        }
        FormDialog form = new FormDialog(window(), i18n, i18n.get("backups.create"),
                i18n.format("backups.create.header", owner));
        TextField name = form.text("backups.name", idPrefix + "NewName", "", "backups.create.namePrompt");
        ChoiceBox<String> compression = new ChoiceBox<>();
        compression.setId(idPrefix + "Compression");
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
        CheckBox withoutSnapshots = form.wide(new CheckBox(i18n.get(withoutSnapshotsKey)));
        withoutSnapshots.setId(idPrefix + "WithoutSnapshots");
        CheckBox optimized = form.wide(new CheckBox(i18n.get("backups.create.optimized")));
        form.check(() -> name.getText().isBlank() ? null
                : dev.hako.model.NameRules.check(name.getText().trim()).map(p -> i18n.get(p.messageKey))
                        .orElse(null));
        if (!form.showAndWait()) {
            return;
        }
        String chosen = name.getText().isBlank() ? null : name.getText().trim();
        actions.perform(i18n.get("backups.create"), () -> server.apply(client).create(chosen,
                withoutSnapshots.isSelected(), optimized.isSelected(), compression.getValue(), null).awaitSuccess(ImageActions.OPERATION_TIMEOUT),
                this::reload);
    }

    private void export(Backup backup) {
        LxdClient client = actions.clientOf(remote);
        if (client == null) {
            return;
        }
        FormDialog form = new FormDialog(window(), i18n, i18n.get("backups.export"),
                i18n.format("backups.export.header", backup.shortName(), owner));
        String suggested = owner + "-" + backup.shortName() + ".tar.gz";
        TextField target = form.file("backups.export.target", idPrefix + "Target", true, suggested);
        target.setText(Path.of(System.getProperty("user.home"), suggested).toString());
        form.check(() -> form.writableTarget(target.getText()));
        if (!form.showAndWait()) {
            return;
        }
        Path path = Path.of(target.getText().trim()).toAbsolutePath();
        TransferWindow.run(window(), i18n, i18n.format("backups.export.progress", backup.shortName(),
                path.getFileName()), 0, false, t -> {
                    server.apply(client).export(backup.shortName(), path, t);
                    return path;
                }, done -> Dialogs.inform(window(), i18n, i18n.get("backups.export.done"), done.toString()));
    }

    private void delete(Backup backup) {
        LxdClient client = actions.clientOf(remote);
        if (client != null && Dialogs.confirm(window(), i18n, i18n.get("backups.delete"),
                i18n.format("backups.delete.confirm", backup.shortName(), owner))) {
            actions.perform(i18n.get("backups.delete"), () -> server.apply(client).delete(backup.shortName())
                    .awaitSuccess(ImageActions.OPERATION_TIMEOUT), this::reload);
        }
    }

    void reload() {
        LxdClient client = remote.client();
        if (client != null) {
            TaskRunner.run(() -> List.<Backup>copyOf(server.apply(client).list()),
                    backups -> table.getItems().setAll(backups), failure -> table.getItems().clear());
        }
    }
}
