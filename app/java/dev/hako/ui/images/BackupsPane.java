package dev.hako.ui.images;

import dev.hako.lxd.api.Backup;
import dev.hako.ui.common.FormBuilder;
import dev.hako.ui.common.I18n;
import dev.hako.ui.view.FactSheet;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/**
 * The table and buttons of a backups tab, bound to its {@link BackupsViewModel}; the
 * create and export forms. {@link #relabel()} puts every text into the language now
 * chosen without touching the list or the selection.
 */
final class BackupsPane {

    private final I18n i18n;
    private final BackupsViewModel model;
    private final String idPrefix;
    private final String withoutSnapshotsKey;
    private final FactSheet dates;
    private final TableView<Backup> table = new TableView<>();
    private final Label placeholder = new Label();
    private final List<Runnable> labels = new ArrayList<>();
    private final FlowPane buttons;
    private final BorderPane pane;

    /** {@code idPrefix} starts every control's id; {@code withoutSnapshotsKey} labels that check box. */
    BackupsPane(I18n i18n, BackupsViewModel model, String idPrefix, String withoutSnapshotsKey) {
        this.i18n = i18n;
        this.model = model;
        this.idPrefix = idPrefix;
        this.withoutSnapshotsKey = withoutSnapshotsKey;
        this.dates = new FactSheet(i18n, "", null);
        table.setId(idPrefix + "sTable");
        table.setPlaceholder(placeholder);
        table.getColumns().setAll(List.of(
                column("backups.name", 160, Backup::shortName),
                column("backups.created", 200, b -> dates.date(b.createdAt())),
                column("backups.expires", 160, b -> expiry(b.expiresAt())),
                column("backups.instanceOnly", 170, b -> i18n.get(b.withoutSnapshots() ? "backups.yes" : "backups.no")),
                column("backups.optimized", 120, b -> i18n.get(b.optimizedStorage() ? "backups.yes" : "backups.no"))));
        table.setItems(model.backups());
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                model.selectedProperty().set(now));
        model.selectedProperty().addListener((o, was, now) -> {
            if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        Button create = button("backups.create", "Create", this::create);
        Button export = button("backups.export", "Export", () -> export(model.selectedProperty().get()));
        Button delete = button("backups.delete", "Delete", () -> model.delete(model.selectedProperty().get()));
        export.disableProperty().bind(model.nothingSelected());
        delete.disableProperty().bind(model.nothingSelected());
        Button refresh = button("backups.refresh", "Refresh", model::reload);
        buttons = new FlowPane(8, 8, create, export, delete, refresh);
        buttons.setPadding(new Insets(8));
        pane = new BorderPane(table);
        pane.setTop(buttons);
        labels.add(() -> placeholder.setText(i18n.get("backups.none")));
        relabel();
    }

    BorderPane node() {
        return pane;
    }

    /** The row of buttons, for a caller that adds its own. */
    FlowPane buttons() {
        return buttons;
    }

    /** Every text again, in the language now chosen; rows are redrawn, nothing is reloaded. */
    void relabel() {
        labels.forEach(Runnable::run);
        table.refresh();
    }

    private TableColumn<Backup, String> column(String titleKey, double width, Function<Backup, String> value) {
        TableColumn<Backup, String> column = FactSheet.column(i18n.get(titleKey), width, value);
        labels.add(() -> column.setText(i18n.get(titleKey)));
        return column;
    }

    private Button button(String textKey, String idSuffix, Runnable action) {
        Button button = new Button();
        button.setId(idPrefix + idSuffix);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> action.run());
        labels.add(() -> button.setText(i18n.get(textKey)));
        return button;
    }

    private String expiry(OffsetDateTime time) {
        return i18n.dateTime(time, "backups.never");
    }

    private void create() {
        FormBuilder form = new FormBuilder(i18n);
        TextField name = form.text("backups.name", idPrefix + "NewName", "", "backups.create.namePrompt");
        ChoiceBox<String> compression = new ChoiceBox<>();
        compression.setId(idPrefix + "Compression");
        compression.getItems().setAll(BackupsViewModel.COMPRESSIONS);
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
        form.check(() -> model.nameProblem(name.getText()));
        if (form.show(model.dialogs(), i18n.get("backups.create"),
                i18n.format("backups.create.header", model.owner()))) {
            model.create(new BackupsViewModel.NewBackup(name.getText().isBlank() ? null : name.getText().trim(),
                    withoutSnapshots.isSelected(), optimized.isSelected(), compression.getValue()));
        }
    }

    private void export(Backup backup) {
        FormBuilder form = new FormBuilder(i18n);
        String suggested = model.suggestedFile(backup);
        TextField target = form.file("backups.export.target", idPrefix + "Target", true, suggested);
        target.setText(Path.of(System.getProperty("user.home"), suggested).toString());
        ImageFormChecks checks = new ImageFormChecks(i18n);
        form.check(() -> checks.writableTarget(target.getText()));
        if (form.show(model.dialogs(), i18n.get("backups.export"),
                i18n.format("backups.export.header", backup.shortName(), model.owner()))) {
            model.export(backup, Path.of(target.getText().trim()));
        }
    }
}
