package dev.hako.ui.files;

import dev.hako.lxd.ExecSession;
import dev.hako.lxd.FileMetadata;
import dev.hako.lxd.InstanceFiles;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.api.ExecRequest;
import dev.hako.lxd.api.Instance;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.Icons;
import dev.hako.ui.common.TaskRunner;
import dev.hako.ui.view.instance.InstanceContext;
import dev.hako.ui.view.instance.InstanceTab;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Files tab: a browser of the instance's file system through the files API. Transfers
 * stream in constant memory with progress and Cancel; files dropped from the desktop are
 * uploaded into the shown directory, and small files can be dragged out to the desktop.
 */
public final class FilesTab implements InstanceTab {

    /** Files up to this size are fetched ahead when selected, so that they can be dragged out. */
    static final long DRAG_OUT_LIMIT = 16L * 1024 * 1024;
    /** Largest file opened in the built-in editor. */
    static final long EDIT_LIMIT = 1024L * 1024;

    private final InstanceContext context;
    private final I18n i18n;
    private final Tab tab = new Tab();
    private final TableView<FileRow> table = new TableView<>();
    private final TextField location = new TextField("/");
    private final Label status = new Label();
    private final VBox transfers = new VBox(4);
    private final ConcurrentHashMap<String, Path> dragCache = new ConcurrentHashMap<>();
    private final java.util.Set<String> fetching = ConcurrentHashMap.newKeySet();
    private final List<FileTransfers.Control> running = new ArrayList<>();
    private String directory = "/";
    private boolean loadedOnce;
    private volatile Path dragDir;
    private int listGeneration;

    public FilesTab(InstanceContext context, Instance instance) {
        this.context = context;
        this.i18n = context.i18n();
        tab.setText(i18n.get("files.tab"));
        tab.setId("filesTab");
        location.setId("filesLocation");
        location.setOnAction(e -> navigate(location.getText().strip().isEmpty() ? "/" : location.getText().strip()));
        HBox.setHgrow(location, Priority.ALWAYS);
        Button up = icon(Material2AL.ARROW_UPWARD, "files.up", "filesUp", () -> navigate(FileRow.parent(directory)));
        Button refresh = icon(Material2MZ.REFRESH, "files.refresh", "filesRefresh", this::refresh);
        Button mkdir = icon(Material2AL.CREATE_NEW_FOLDER, "files.mkdir", "filesMkdir", this::createDirectory);
        Button upload = icon(Material2AL.FILE_UPLOAD, "files.upload", "filesUpload", this::chooseUpload);
        Button download = icon(Material2AL.GET_APP, "files.download", "filesDownload", this::chooseDownload);
        Button delete = icon(Material2AL.DELETE, "files.delete", "filesDelete", this::deleteSelected);
        Button perms = icon(Material2AL.LOCK, "files.permissions", "filesPermissions", this::changePermissions);
        Button edit = icon(Material2AL.EDIT, "files.edit", "filesEdit", this::editSelected);
        HBox bar = new HBox(6, up, location, refresh, mkdir, upload, download, edit, perms, delete);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));

        table.setId("filesTable");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(i18n.get("files.empty")));
        table.getColumns().add(column("files.col.name", r -> r.isDirectory() ? r.name() + "/" : r.name(), 260));
        table.getColumns().add(column("files.col.type", r -> r.metadata() == null ? (r.error() == null ? ""
                : r.error()) : typeName(r.metadata().type()), 90));
        table.getColumns().add(column("files.col.mode", r -> r.metadata() == null ? ""
                : r.permissions() + "  " + r.metadata().octalMode(), 140));
        table.getColumns().add(column("files.col.owner", r -> r.metadata() == null ? ""
                : Integer.toString(r.metadata().uid()), 70));
        table.getColumns().add(column("files.col.group", r -> r.metadata() == null ? ""
                : Integer.toString(r.metadata().gid()), 70));
        TableColumn<FileRow, Long> size = new TableColumn<>(i18n.get("files.col.size"));
        size.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().metadata() == null ? -1L
                : c.getValue().isDirectory() ? -1L : c.getValue().metadata().size()));
        size.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : FileRow.humanSize(item));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        size.setPrefWidth(90);
        table.getColumns().add(size);
        table.getColumns().add(column("files.col.modified", r -> r.metadata() == null || r.metadata().modified() == null
                ? "" : r.metadata().modified().replace(" +0000 UTC", " UTC"), 190));
        table.setRowFactory(t -> {
            TableRow<FileRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem());
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
                (javafx.collections.ListChangeListener<FileRow>) c -> selected().forEach(this::prefetchForDrag));
        table.setOnDragOver(this::dragOver);
        table.setOnDragDropped(this::dragDropped);

        status.setId("filesStatus");
        transfers.setId("filesTransfers");
        VBox bottom = new VBox(4, transfers, status);
        bottom.setPadding(new Insets(4, 8, 4, 8));
        tab.setContent(new BorderPane(table, bar, null, bottom, null));
        tab.selectedProperty().addListener((o, was, now) -> {
            if (now && !loadedOnce) {
                loadedOnce = true;
                refresh();
            }
        });
    }

    private String typeName(String type) {
        return switch (type) {
            case "file" -> i18n.get("files.type.file");
            case "directory" -> i18n.get("files.type.directory");
            case "symlink" -> i18n.get("files.type.symlink");
            default -> type;
        };
    }

    /** A toolbar button showing an icon; its name is in the tooltip and for screen readers. */
    private Button icon(org.kordamp.ikonli.Ikon ikon, String key, String id, Runnable action) {
        Button b = new Button(null, Icons.of(ikon, "toolbar-icon"));
        b.setTooltip(new javafx.scene.control.Tooltip(i18n.get(key)));
        b.setAccessibleText(i18n.get(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private TableColumn<FileRow, String> column(String key, java.util.function.Function<FileRow, String> value,
                                                double width) {
        TableColumn<FileRow, String> c = new TableColumn<>(i18n.get(key));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    @Override
    public Tab tab() {
        return tab;
    }

    public TableView<FileRow> table() {
        return table;
    }

    public String directory() {
        return directory;
    }

    public String statusText() {
        return status.getText();
    }

    private LxdClient client() {
        return context.remote().client();
    }

    private Window window() {
        return table.getScene() == null ? null : table.getScene().getWindow();
    }

    /** Shows {@code path}; FX thread. */
    public void navigate(String path) {
        directory = path.startsWith("/") ? path : "/" + path;
        location.setText(directory);
        refresh();
    }

    public void refresh() {
        LxdClient client = client();
        String instance = context.instanceName();
        String dir = directory;
        int generation = ++listGeneration;
        status.setText(i18n.get("files.loading"));
        TaskRunner.run(() -> {
            InstanceFiles files = client.instances().files();
            List<String> names = files.list(instance, dir);
            // One small request per entry; a handful in parallel keeps big directories quick.
            return names.parallelStream().map(name -> {
                String path = FileRow.join(dir, name);
                try {
                    return new FileRow(name, path, files.info(instance, path), null);
                } catch (LxdException e) {
                    return new FileRow(name, path, null, e.getMessage());
                }
            }).sorted(Comparator.comparing((FileRow r) -> !r.isDirectory()).thenComparing(FileRow::name))
                    .toList();
        }, rows -> {
            if (generation == listGeneration) {
                table.getItems().setAll(rows);
                status.setText(i18n.format("files.count", rows.size(), dir));
            }
        }, failure -> {
            if (generation == listGeneration) {
                table.getItems().clear();
                status.setText(i18n.format("files.failed", dir, failure.getMessage()));
            }
        });
    }

    private void open(FileRow row) {
        if (row.isDirectory()) {
            navigate(row.path());
        } else if (row.metadata() != null && "file".equals(row.metadata().type())) {
            edit(row);
        }
    }

    private List<FileRow> selected() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    private void createDirectory() {
        TextInputDialog ask = new TextInputDialog();
        ask.initOwner(window());
        ask.setTitle(i18n.get("files.mkdir"));
        ask.setHeaderText(i18n.format("files.mkdir.prompt", directory));
        ask.showAndWait().map(String::strip).filter(n -> !n.isEmpty()).ifPresent(name -> {
            if (name.contains("/")) {
                status.setText(i18n.get("files.badName"));
                return;
            }
            String path = FileRow.join(directory, name);
            LxdClient client = client();
            TaskRunner.run(() -> client.instances().files().createDirectory(context.instanceName(), path,
                    InstanceFiles.FileOptions.defaults()), this::refresh,
                    e -> status.setText(i18n.format("files.actionFailed", path, e.getMessage())));
        });
    }

    private void deleteSelected() {
        List<FileRow> rows = selected();
        if (rows.isEmpty()) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, i18n.format("files.delete.confirm", rows.size(),
                String.join("\n", rows.stream().map(FileRow::path).limit(10).toList())), ButtonType.OK,
                ButtonType.CANCEL);
        confirm.initOwner(window());
        confirm.setHeaderText(i18n.get("files.delete"));
        if (confirm.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        LxdClient client = client();
        String instance = context.instanceName();
        TaskRunner.run(() -> {
            for (FileRow row : rows) {
                client.instances().files().delete(instance, row.path());
            }
        }, this::refresh, e -> {
            status.setText(i18n.format("files.actionFailed", rows.get(0).path(), e.getMessage()));
            refresh();
        });
    }

    // --- transfers ---------------------------------------------------------------------------

    private void chooseUpload() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.format("files.upload.title", directory));
        List<File> chosen = chooser.showOpenMultipleDialog(window());
        if (chosen != null) {
            uploadAll(chosen.stream().map(File::toPath).toList());
        }
    }

    /** Uploads host files into the shown directory (directories are skipped with a note). */
    public void uploadAll(List<Path> sources) {
        List<String> existing = sources.stream().map(p -> p.getFileName().toString())
                .filter(n -> table.getItems().stream().anyMatch(r -> r.name().equals(n))).toList();
        if (!existing.isEmpty()) {
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, i18n.format("files.upload.replace",
                    String.join("\n", existing.stream().limit(10).toList())), ButtonType.OK, ButtonType.CANCEL);
            confirm.initOwner(window());
            if (confirm.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
                return;
            }
        }
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                status.setText(i18n.format("files.upload.noDirectories", source.getFileName()));
                continue;
            }
            upload(source, FileRow.join(directory, source.getFileName().toString()));
        }
    }

    /** Uploads one file; returns its control (tests cancel through it). */
    public FileTransfers.Control upload(Path source, String remotePath) {
        long total;
        try {
            total = Files.size(source);
        } catch (IOException e) {
            status.setText(i18n.format("files.actionFailed", source, e.getMessage()));
            return null;
        }
        LxdClient client = client();
        String instance = context.instanceName();
        return transfer(i18n.format("files.upload.row", source.getFileName(), remotePath), total,
                (progress, control) -> FileTransfers.upload(client, instance, source, remotePath, progress, control),
                true);
    }

    private void chooseDownload() {
        List<FileRow> rows = selected().stream().filter(r -> r.metadata() != null && !r.isDirectory()).toList();
        if (rows.isEmpty()) {
            return;
        }
        if (rows.size() == 1) {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName(rows.get(0).name());
            File target = chooser.showSaveDialog(window());
            if (target != null) {
                download(rows.get(0), target.toPath());
            }
        } else {
            File dir = new DirectoryChooser().showDialog(window());
            if (dir != null) {
                rows.forEach(r -> download(r, dir.toPath().resolve(r.name())));
            }
        }
    }

    /** Downloads one file to the host; returns its control. */
    public FileTransfers.Control download(FileRow row, Path target) {
        LxdClient client = client();
        String instance = context.instanceName();
        long total = row.metadata() == null ? -1 : row.metadata().size();
        return transfer(i18n.format("files.download.row", row.path(), target), total,
                (progress, control) -> FileTransfers.download(client, instance, row.path(), target, progress,
                        control), false);
    }

    @FunctionalInterface
    private interface Work {
        void run(java.util.function.LongConsumer progress, FileTransfers.Control control);
    }

    private FileTransfers.Control transfer(String title, long total, Work work, boolean refreshAfter) {
        FileTransfers.Control control = new FileTransfers.Control();
        ProgressBar bar = new ProgressBar(total > 0 ? 0 : -1);
        bar.setPrefWidth(200);
        Label label = new Label(title);
        label.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(label, Priority.ALWAYS);
        Label done = new Label();
        Button cancel = new Button(i18n.get("files.cancel"));
        cancel.setOnAction(e -> control.cancel());
        HBox row = new HBox(8, label, done, bar, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("file-transfer");
        transfers.getChildren().add(row);
        running.add(control);
        AtomicLong bytes = new AtomicLong();
        AtomicLong shown = new AtomicLong(-1);
        // Progress is sampled at frame rate, not sent per buffer.
        javafx.animation.AnimationTimer ticker = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                long b = bytes.get();
                if (b != shown.getAndSet(b)) {
                    done.setText(FileRow.humanSize(b) + (total > 0 ? " / " + FileRow.humanSize(total) : ""));
                    if (total > 0) {
                        bar.setProgress((double) b / total);
                    }
                }
            }
        };
        ticker.start();
        TaskRunner.run(() -> work.run(bytes::set, control), () -> {
            ticker.stop();
            running.remove(control);
            transfers.getChildren().remove(row);
            status.setText(i18n.format("files.transfer.done", title));
            if (refreshAfter) {
                refresh();
            }
        }, failure -> {
            ticker.stop();
            running.remove(control);
            transfers.getChildren().remove(row);
            status.setText(failure instanceof FileTransfers.Cancelled
                    ? i18n.format("files.transfer.cancelled", title)
                    : i18n.format("files.transfer.failed", title, failure.getMessage()));
            if (refreshAfter) {
                refresh();
            }
        });
        return control;
    }

    public int runningTransfers() {
        return running.size();
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

    private void prefetchForDrag(FileRow row) {
        if (row == null || row.metadata() == null || !"file".equals(row.metadata().type())
                || row.metadata().size() > DRAG_OUT_LIMIT) {
            return;
        }
        String key = cacheKey(row);
        if (dragCache.containsKey(key) || !fetching.add(key)) {
            return;
        }
        LxdClient client = client();
        String instance = context.instanceName();
        TaskRunner.run(() -> {
            try {
                Path holder;
                synchronized (dragCache) {
                    if (dragDir == null) {
                        dragDir = Files.createTempDirectory("hako-drag");
                        dragDir.toFile().deleteOnExit();
                    }
                    holder = Files.createTempDirectory(dragDir, "f");
                }
                holder.toFile().deleteOnExit();
                // The download is renamed into place only when whole: a failed fetch leaves nothing to drag.
                Path target = holder.resolve(row.name());
                FileTransfers.download(client, instance, row.path(), target, b -> { }, new FileTransfers.Control());
                target.toFile().deleteOnExit();
                return target;
            } catch (IOException e) {
                throw new FileTransfers.LocalFailure(e.getMessage(), e);
            }
        }, target -> {
            fetching.remove(key);
            dragCache.put(key, target);
        }, e -> fetching.remove(key));
    }

    private static String cacheKey(FileRow row) {
        return row.path() + "|" + row.metadata().modified() + "|" + row.metadata().size();
    }

    /** Whether {@code row} can be dragged out now (its host copy has been fetched). */
    public boolean dragReady(FileRow row) {
        Path ready = row == null || row.metadata() == null ? null : dragCache.get(cacheKey(row));
        return ready != null && Files.exists(ready);
    }

    /**
     * What a drag out of the table carries: host copies of the row under the pointer and, when
     * that row is selected, of the other selected files, fetched ahead when they were selected
     * (the desktop takes files only, and only ones that exist when the drag starts). Null, with
     * a note in the status line, when none is ready. FX thread.
     */
    public ClipboardContent dragContent(FileRow under) {
        List<FileRow> rows = table.getSelectionModel().getSelectedItems().contains(under) ? selected() : List.of(under);
        List<File> files = new ArrayList<>();
        boolean tooBig = false;
        boolean notReady = false;
        for (FileRow row : rows) {
            if (row.metadata() == null || !"file".equals(row.metadata().type())) {
                continue;
            }
            if (dragReady(row)) {
                files.add(dragCache.get(cacheKey(row)).toFile());
            } else if (row.metadata().size() > DRAG_OUT_LIMIT) {
                tooBig = true;
            } else {
                notReady = true;
                prefetchForDrag(row);
            }
        }
        if (tooBig || notReady) {
            status.setText(i18n.get(tooBig ? "files.drag.tooBig" : "files.drag.notReady"));
        }
        if (files.isEmpty()) {
            return null;
        }
        ClipboardContent content = new ClipboardContent();
        content.putFiles(files);
        return content;
    }

    // --- permissions and editing --------------------------------------------------------------

    private void changePermissions() {
        List<FileRow> rows = selected().stream().filter(r -> r.metadata() != null).toList();
        if (rows.isEmpty()) {
            return;
        }
        FileMetadata first = rows.get(0).metadata();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(window());
        dialog.setTitle(i18n.get("files.permissions"));
        dialog.setHeaderText(rows.size() == 1 ? rows.get(0).path() : i18n.format("files.selectedCount", rows.size()));
        TextField mode = new TextField(first.octalMode());
        TextField uid = new TextField(Integer.toString(first.uid()));
        TextField gid = new TextField(Integer.toString(first.gid()));
        Label note = new Label(i18n.get("files.permissions.note"));
        note.setWrapText(true);
        note.setMaxWidth(420);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(i18n.get("files.col.mode")), mode);
        grid.addRow(1, new Label(i18n.get("files.col.owner")), uid);
        grid.addRow(2, new Label(i18n.get("files.col.group")), gid);
        grid.add(note, 0, 3, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        if (dialog.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        String m = mode.getText().strip();
        String u = uid.getText().strip();
        String g = gid.getText().strip();
        if (!m.matches("[0-7]{3,4}") || !u.matches("\\d+") || !g.matches("\\d+")) {
            status.setText(i18n.get("files.permissions.invalid"));
            return;
        }
        LxdClient client = client();
        String instance = context.instanceName();
        List<String> paths = rows.stream().map(FileRow::path).toList();
        TaskRunner.run(() -> {
            for (String path : paths) {
                if (!m.equals(first.octalMode()) || rows.size() > 1) {
                    runTool(client, instance, "chmod", m, path);
                }
                runTool(client, instance, "chown", u + ":" + g, path);
            }
        }, this::refresh, e -> status.setText(i18n.format("files.actionFailed", paths.get(0), e.getMessage())));
    }

    /**
     * Runs chmod or chown inside the instance: the files API sets mode and owner only when it
     * creates a file, so an existing one can only be changed by the instance's own tools. Falls
     * back to busybox's applet where the command is not installed as its own file.
     */
    static void runTool(LxdClient client, String instance, String tool, String argument, String path) {
        String script = "if command -v " + tool + " >/dev/null 2>&1; then exec " + tool + " \"$1\" \"$2\"; "
                + "elif [ -x /bin/busybox ]; then exec /bin/busybox " + tool + " \"$1\" \"$2\"; "
                + "else echo '" + tool + ": not found in the instance' >&2; exit 127; fi";
        ExecSession session = client.instances().exec(instance,
                ExecRequest.command(List.of("/bin/sh", "-c", script, tool, argument, path)));
        ExecSession.Result result = session.collect(null, Duration.ofSeconds(60));
        if (result.exitCode() != 0) {
            String err = result.stderrText().strip();
            throw new LxdException(tool + " " + argument + " " + path + ": " + (err.isEmpty()
                    ? "exit status " + result.exitCode() : err), 0, err);
        }
    }

    private void editSelected() {
        FileRow row = table.getSelectionModel().getSelectedItem();
        if (row != null && row.metadata() != null && "file".equals(row.metadata().type())) {
            edit(row);
        }
    }

    private void edit(FileRow row) {
        if (row.metadata().size() > EDIT_LIMIT) {
            status.setText(i18n.format("files.edit.tooBig", row.path(), FileRow.humanSize(EDIT_LIMIT)));
            return;
        }
        TextFileEditor.open(context, row.path(), window(), status::setText, this::refresh);
    }

    @Override
    public void instanceChanged(Instance instance) {
        // The files API works on stopped containers too; nothing to change.
    }

    @Override
    public void dispose() {
        running.forEach(FileTransfers.Control::cancel);
        List<Path> cached = List.copyOf(dragCache.values());
        dragCache.clear();
        TaskRunner.run(() -> cached.forEach(p -> p.toFile().delete()), () -> { }, e -> { });
    }
}
