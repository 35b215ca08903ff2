package dev.hako.ui.files;

import dev.hako.ui.common.ByteSizes;
import dev.hako.lxd.api.Instance;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.Icons;
import dev.hako.ui.view.instance.InstanceContext;
import dev.hako.ui.view.instance.InstanceTab;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Files tab: the controls of a {@link FilesViewModel}, a browser of the instance's file
 * system. Files dropped from the desktop are uploaded into the shown folder, and small files
 * can be dragged out to the desktop. A change of language relabels the controls in place.
 */
public final class FilesTab implements InstanceTab {

    private final InstanceContext context;
    private final I18n i18n;
    private final FilesViewModel model;
    private final Tab tab = new Tab();
    private final TableView<FileRow> table = new TableView<>();
    private final TextField location = new TextField("/");
    private final Label status = new Label();
    private final VBox transfers = new VBox(4);
    private final Map<Transfer, TransferRow> transferRows = new IdentityHashMap<>();
    private final List<Runnable> labels = new ArrayList<>();
    private final ChangeListener<Locale> relabel = (o, was, now) -> relabel();

    public FilesTab(InstanceContext context, Instance instance) {
        this(context, FilesViewModel.of(context));
    }

    FilesTab(InstanceContext context, FilesViewModel model) {
        this.context = context;
        this.i18n = context.i18n();
        this.model = model;
        label(() -> tab.setText(i18n.get("files.tab")));
        tab.setId("filesTab");
        location.setId("filesLocation");
        location.setOnAction(e -> {
            model.navigate(location.getText());
            location.setText(model.directory());
        });
        model.directoryProperty().addListener((o, was, now) -> location.setText(now));
        HBox.setHgrow(location, Priority.ALWAYS);
        HBox bar = new HBox(6, icon(Material2AL.ARROW_UPWARD, "files.up", "filesUp", model::up), location,
                icon(Material2MZ.REFRESH, "files.refresh", "filesRefresh", model::refresh),
                icon(Material2AL.CREATE_NEW_FOLDER, "files.mkdir", "filesMkdir", model::createDirectory),
                icon(Material2AL.FILE_UPLOAD, "files.upload", "filesUpload", this::chooseUpload),
                icon(Material2AL.GET_APP, "files.download", "filesDownload", this::chooseDownload),
                icon(Material2AL.EDIT, "files.edit", "filesEdit", this::editSelected),
                icon(Material2MZ.TEXT_FIELDS, "files.rename", "filesRename",
                        () -> model.rename(table.getSelectionModel().getSelectedItem())),
                icon(Material2AL.LOCK, "files.permissions", "filesPermissions",
                        () -> PermissionsForm.ask(model, context.dialogs(), selected())),
                icon(Material2AL.DELETE, "files.delete", "filesDelete", () -> model.delete(selected())));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));

        buildTable();
        status.setId("filesStatus");
        status.textProperty().bind(model.statusProperty());
        transfers.setId("filesTransfers");
        model.transfers().forEach(this::addTransfer);
        model.transfers().addListener((ListChangeListener<Transfer>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(t -> transfers.getChildren().remove(transferRows.remove(t).node()));
                change.getAddedSubList().forEach(this::addTransfer);
            }
        });
        VBox bottom = new VBox(4, transfers, status);
        bottom.setPadding(new Insets(4, 8, 4, 8));
        tab.setContent(new BorderPane(table, bar, null, bottom, null));
        tab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                model.shown();
            }
        });
        i18n.localeProperty().addListener(relabel);
    }

    private void buildTable() {
        table.setId("filesTable");
        table.setItems(model.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Label empty = new Label();
        label(() -> empty.setText(i18n.get("files.empty")));
        table.setPlaceholder(empty);
        table.getColumns().add(column("files.col.name", r -> r.isDirectory() ? r.name() + "/" : r.name(), 260));
        table.getColumns().add(column("files.col.type", r -> r.metadata() == null
                ? (r.failure() == null ? "" : FailureText.of(i18n, r.failure())) : typeName(r.metadata().type()), 90));
        table.getColumns().add(column("files.col.mode", r -> r.metadata() == null ? ""
                : r.permissions() + "  " + r.metadata().octalMode(), 140));
        table.getColumns().add(column("files.col.owner", r -> r.metadata() == null ? ""
                : Integer.toString(r.metadata().uid()), 70));
        table.getColumns().add(column("files.col.group", r -> r.metadata() == null ? ""
                : Integer.toString(r.metadata().gid()), 70));
        TableColumn<FileRow, Long> size = new TableColumn<>();
        label(() -> size.setText(i18n.get("files.col.size")));
        size.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().metadata() == null
                || c.getValue().isDirectory() ? -1L : c.getValue().metadata().size()));
        size.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : ByteSizes.human(item));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        size.setPrefWidth(90);
        table.getColumns().add(size);
        table.getColumns().add(column("files.col.modified", r -> r.metadata() == null
                || r.metadata().modified() == null ? "" : r.metadata().modified().replace(" +0000 UTC", " UTC"), 190));
        dev.hako.ui.common.FitToText.columns(table);
        table.setRowFactory(t -> {
            TableRow<FileRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && model.open(row.getItem())) {
                    openEditor(row.getItem());
                }
            });
            row.setOnDragDetected(e -> {
                if (!row.isEmpty()) {
                    ClipboardContent content = dragContent(row.getItem());
                    if (content != null) {
                        row.startDragAndDrop(TransferMode.COPY).setContent(content);
                    }
                    e.consume();
                }
            });
            return row;
        });
        // Every selected file is fetched ahead, so that a drag of the selection can start at once.
        table.getSelectionModel().getSelectedItems().addListener(
                (ListChangeListener<FileRow>) c -> model.selected(selected()));
        table.setOnDragOver(this::dragOver);
        table.setOnDragDropped(this::dragDropped);
    }

    private String typeName(String type) {
        return switch (type) {
            case "file" -> i18n.get("files.type.file");
            case "directory" -> i18n.get("files.type.directory");
            case "symlink" -> i18n.get("files.type.symlink");
            default -> type;
        };
    }

    /** Sets a text now and again whenever the language changes. */
    private void label(Runnable labelling) {
        labelling.run();
        labels.add(labelling);
    }

    /** Relabels every control in place: items, selection, scroll position and copies stay as they are. */
    private void relabel() {
        labels.forEach(Runnable::run);
        transferRows.values().forEach(TransferRow::relabel);
        table.refresh();
    }

    /** A toolbar button showing an icon; its name is in the tooltip and for screen readers. */
    private Button icon(Ikon ikon, String key, String id, Runnable action) {
        Button b = new Button(null, Icons.of(ikon, "toolbar-icon"));
        Tooltip tip = new Tooltip();
        b.setTooltip(tip);
        label(() -> {
            tip.setText(i18n.get(key));
            b.setAccessibleText(i18n.get(key));
        });
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private TableColumn<FileRow, String> column(String key, Function<FileRow, String> value, double width) {
        TableColumn<FileRow, String> c = new TableColumn<>();
        label(() -> c.setText(i18n.get(key)));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private void addTransfer(Transfer transfer) {
        TransferRow row = new TransferRow(transfer, i18n);
        transferRows.put(transfer, row);
        transfers.getChildren().add(row.node());
    }

    @Override
    public Tab tab() {
        return tab;
    }

    public TableView<FileRow> table() {
        return table;
    }

    public FilesViewModel model() {
        return model;
    }

    public String directory() {
        return model.directory();
    }

    public String statusText() {
        return status.getText();
    }

    private Window window() {
        return table.getScene() == null ? null : table.getScene().getWindow();
    }

    /** Shows {@code path}; FX thread. */
    public void navigate(String path) {
        model.navigate(path);
    }

    public void refresh() {
        model.refresh();
    }

    private List<FileRow> selected() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    // --- transfers ---------------------------------------------------------------------------

    private void chooseUpload() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.format("files.upload.title", model.directory()));
        List<File> chosen = chooser.showOpenMultipleDialog(window());
        if (chosen != null) {
            uploadAll(chosen.stream().map(File::toPath).toList());
        }
    }

    /** Uploads host files into the shown directory (directories are skipped with a note). */
    public void uploadAll(List<Path> sources) {
        model.uploadAll(sources);
    }

    private void chooseDownload() {
        List<FileRow> rows = selected().stream().filter(r -> r.metadata() != null && !r.isDirectory()).toList();
        if (rows.size() == 1) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(i18n.format("files.download.title", rows.get(0).name()));
            chooser.setInitialFileName(rows.get(0).name());
            File target = chooser.showSaveDialog(window());
            if (target != null) {
                download(rows.get(0), target.toPath());
            }
        } else if (rows.size() > 1) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(i18n.format("files.download.manyTitle", rows.size()));
            File dir = chooser.showDialog(window());
            if (dir != null) {
                rows.forEach(r -> download(r, dir.toPath().resolve(r.name())));
            }
        }
    }

    /** Downloads one file to the host; returns its progress and cancel switch. */
    public Transfer download(FileRow row, Path target) {
        return model.download(row, target);
    }

    public int runningTransfers() {
        return model.transfers().size();
    }

    // --- drag and drop ----------------------------------------------------------------------

    /** Files dragged in from another application (not our own rows) may be dropped: they are copied in. */
    private void dragOver(DragEvent e) {
        if (e.getGestureSource() == null && e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    /** A drop from the desktop uploads the dropped files into the shown directory. */
    private void dragDropped(DragEvent e) {
        Dragboard board = e.getDragboard();
        boolean ok = e.getGestureSource() == null && board.hasFiles();
        if (ok) {
            uploadAll(board.getFiles().stream().map(File::toPath).toList());
        }
        e.setDropCompleted(ok);
        e.consume();
    }

    /** Whether {@code row} can be dragged out now (its host copy has been fetched). */
    public boolean dragReady(FileRow row) {
        return model.dragReady(row);
    }

    /**
     * What a drag out of the table carries: host copies of the row under the pointer and, when
     * that row is selected, of the other selected files. Null, with a note in the status line,
     * when none is ready. FX thread.
     */
    public ClipboardContent dragContent(FileRow under) {
        List<FileRow> rows = table.getSelectionModel().getSelectedItems().contains(under) ? selected() : List.of(under);
        List<File> files = model.dragFiles(rows).stream().map(Path::toFile).toList();
        if (files.isEmpty()) {
            return null;
        }
        ClipboardContent content = new ClipboardContent();
        content.putFiles(files);
        return content;
    }

    // --- editing ----------------------------------------------------------------------------

    private void editSelected() {
        FileRow row = table.getSelectionModel().getSelectedItem();
        if (model.canEdit(row)) {
            openEditor(row);
        }
    }

    private void openEditor(FileRow row) {
        TextFileEditor.open(context, row.path(), window(), failure -> model.reportFailure(row.path(), failure),
                model::refresh);
    }

    @Override
    public void instanceChanged(Instance instance) {
        // The files API works on stopped containers too; nothing to change.
    }

    @Override
    public void dispose() {
        i18n.localeProperty().removeListener(relabel);
        model.dispose();
    }
}
