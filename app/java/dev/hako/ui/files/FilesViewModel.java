package dev.hako.ui.files;

import dev.hako.ui.common.ByteSizes;
import dev.hako.remote.files.CancelledException;
import dev.hako.remote.files.FileOperations;
import dev.hako.remote.files.InstanceFileOperations;
import dev.hako.remote.files.LocalFileFailures;
import dev.hako.remote.files.RemotePaths;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.LatestTask;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.view.instance.InstanceContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Files tab without its controls: the folder shown and its entries, the copies in
 * progress, and one status line. Every text is kept as how to say it, so a change of
 * language rewords it in place; nothing of the state is touched by it. UI thread only.
 */
public final class FilesViewModel {

    /** Largest file opened in the built-in editor. */
    static final long EDIT_LIMIT = 1024L * 1024;

    private final FileOperations files;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final LatestTask listing;
    private final DragCopies dragCopies;
    private final ReadOnlyStringWrapper directory = new ReadOnlyStringWrapper(this, "directory", "/");
    private final ObservableList<FileRow> rows = FXCollections.observableArrayList();
    private final ObservableList<Transfer> transfers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ChangeListener<Locale> relabel = (o, was, now) -> relabel();
    private Supplier<String> statusText = () -> "";
    private long listGeneration;
    private boolean loadedOnce;
    private boolean disposed;

    public FilesViewModel(FileOperations files, TaskExecutor tasks, DialogService dialogs, I18n i18n) {
        this.files = files;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.listing = new LatestTask(tasks);
        this.dragCopies = new DragCopies(files, tasks);
        i18n.localeProperty().addListener(relabel);
    }

    /** The view model of an instance's Files tab, with the instance's server behind it. */
    public static FilesViewModel of(InstanceContext context) {
        return new FilesViewModel(new InstanceFileOperations(context.remote()::client, context.instanceName()),
                context.tasks(), context.dialogs(), context.i18n());
    }

    public ReadOnlyStringProperty directoryProperty() {
        return directory.getReadOnlyProperty();
    }

    public String directory() {
        return directory.get();
    }

    /** The shown folder's entries, folders first. */
    public ObservableList<FileRow> rows() {
        return rows;
    }

    /** Uploads and downloads in progress, in the order they started. */
    public ObservableList<Transfer> transfers() {
        return transfers;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return listing.runningProperty();
    }

    public I18n i18n() {
        return i18n;
    }

    private void setStatus(Supplier<String> text) {
        statusText = text;
        status.set(text.get());
    }

    private void relabel() {
        status.set(statusText.get());
        transfers.forEach(Transfer::relabel);
    }

    private String failure(Object subject, Throwable failure) {
        return i18n.format("files.actionFailed", subject, FailureText.of(i18n, failure));
    }

    // --- navigation ------------------------------------------------------------------------

    /** Lists the folder the first time the tab is shown. */
    public void shown() {
        if (!loadedOnce) {
            loadedOnce = true;
            refresh();
        }
    }

    /** Shows {@code path} (relative paths are taken from the root). */
    public void navigate(String path) {
        loadedOnce = true;
        directory.set(RemotePaths.absolute(path));
        refresh();
    }

    public void up() {
        navigate(RemotePaths.parent(directory.get()));
    }

    public void refresh() {
        reload(null);
    }

    /**
     * Lists the shown folder again; only the latest listing counts, whatever order the
     * answers come in. The status then counts the entries, or says {@code after} when given.
     */
    private void reload(Supplier<String> after) {
        String dir = directory.get();
        long mine = ++listGeneration;
        setStatus(() -> i18n.get("files.loading"));
        listing.run(BackgroundTask.of(progress -> files.list(dir, tasks::runInBackground, progress::cancelled))
                .onSuccess(entries -> {
                    if (mine == listGeneration) {
                        rows.setAll(entries.stream().map(FileRow::of).toList());
                        int count = entries.size();
                        setStatus(after != null ? after : () -> i18n.format("files.count", count, dir));
                    }
                })
                .onFailure(e -> {
                    if (mine == listGeneration) {
                        rows.clear();
                        setStatus(() -> i18n.format("files.failed", dir, FailureText.of(i18n, e)));
                    }
                }));
    }

    /** A double-click: a folder is entered; true when the row is a file for the editor. */
    public boolean open(FileRow row) {
        if (row.isDirectory()) {
            navigate(row.path());
            return false;
        }
        return canEdit(row);
    }

    /** Whether the editor may open {@code row}; when it is too big the status says so. */
    public boolean canEdit(FileRow row) {
        if (row == null || !row.isFile()) {
            return false;
        }
        if (row.metadata().size() > EDIT_LIMIT) {
            setStatus(() -> i18n.format("files.edit.tooBig", row.path(), ByteSizes.human(EDIT_LIMIT)));
            return false;
        }
        return true;
    }

    /** An editor could not open or save {@code path}. */
    public void reportFailure(String path, Throwable failure) {
        setStatus(() -> failure(path, failure));
    }

    // --- changes -----------------------------------------------------------------------------

    /** What is wrong with a name for a new or renamed entry, or null. */
    public String nameProblem(String name) {
        if (name.isEmpty()) {
            return i18n.get("files.name.required");
        }
        if (name.contains("/")) {
            return i18n.get("files.badName");
        }
        return name.equals(".") || name.equals("..") ? i18n.get("files.name.dots") : null;
    }

    public void createDirectory() {
        String dir = directory.get();
        dialogs.askName(i18n.get("files.mkdir"), i18n.format("files.mkdir.prompt", dir), "",
                this::nameProblem).ifPresent(name -> {
                    change(List.of(RemotePaths.join(dir, name)), files::createDirectory);
                });
    }

    public void rename(FileRow row) {
        if (row == null) {
            return;
        }
        dialogs.askName(i18n.get("files.rename"), i18n.format("files.rename.prompt", row.path()),
                row.name(), this::nameProblem).filter(name -> !name.equals(row.name())).ifPresent(name -> {
                    String target = RemotePaths.join(RemotePaths.parent(row.path()), name);
                    change(List.of(row.path()), path -> files.rename(path, target));
                });
    }

    /** Deletes the rows, folders with all they hold, once the user confirms. */
    public void delete(List<FileRow> selected) {
        if (selected.isEmpty()) {
            return;
        }
        List<String> paths = selected.stream().map(FileRow::path).toList();
        if (!dialogs.confirm(i18n.get("files.delete"), i18n.format("files.delete.confirm", paths.size(),
                String.join("\n", paths.stream().limit(10).toList())))) {
            return;
        }
        change(paths, path -> files.delete(path, () -> false));
    }

    /** What is wrong with a mode, owner and group typed for {@link #changePermissions}, or null. */
    public String permissionsProblem(String mode, String uid, String gid) {
        return mode.strip().matches("[0-7]{3,4}") && uid.strip().matches("\\d{1,9}") && gid.strip().matches("\\d{1,9}")
                ? null : i18n.get("files.permissions.invalid");
    }

    /** Sets mode and owner through the instance's tools (the files API cannot change them). */
    public void changePermissions(List<FileRow> selected, String mode, String uid, String gid) {
        List<FileRow> described = selected.stream().filter(r -> r.metadata() != null).toList();
        if (described.isEmpty() || permissionsProblem(mode, uid, gid) != null) {
            return;
        }
        String m = mode.strip();
        int u = Integer.parseInt(uid.strip());
        int g = Integer.parseInt(gid.strip());
        // One file keeps its mode untouched unless it was changed; several all get the one typed.
        String newMode = described.size() > 1 || !m.equals(described.get(0).metadata().octalMode()) ? m : null;
        change(described.stream().map(FileRow::path).toList(), path -> files.changeOwnership(path, newMode, u, g));
    }

    /** Applies a change to each path in turn, then lists again; a failure names the path it failed on. */
    private void change(List<String> paths, Consumer<String> change) {
        AtomicReference<String> current = new AtomicReference<>(paths.get(0));
        tasks.execute(BackgroundTask.ofRunnable(() -> {
            for (String path : paths) {
                current.set(path);
                change.accept(path);
            }
        }).onSuccess(done -> refresh()).onFailure(e -> reload(() -> failure(current.get(), e))));
    }

    // --- transfers ---------------------------------------------------------------------------

    /**
     * Uploads host files into the shown folder, after asking before replacing files of
     * the same name; folders are skipped with a note.
     */
    public void uploadAll(List<Path> sources) {
        List<String> existing = sources.stream().map(p -> p.getFileName().toString())
                .filter(n -> rows.stream().anyMatch(r -> r.name().equals(n))).toList();
        if (!existing.isEmpty() && !dialogs.confirm(i18n.get("files.upload"), i18n.format("files.upload.replace",
                String.join("\n", existing.stream().limit(10).toList())))) {
            return;
        }
        String dir = directory.get();
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                setStatus(() -> i18n.format("files.upload.noDirectories", source.getFileName()));
                continue;
            }
            upload(source, RemotePaths.join(dir, source.getFileName().toString()));
        }
    }

    /** Uploads one file; its {@link Transfer} shows the progress and cancels it. */
    public Transfer upload(Path source, String remotePath) {
        return transfer(() -> i18n.format("files.upload.row", source.getFileName(), remotePath), -1, true,
                (progress, total, cancelled) -> {
                    try {
                        total.accept(Files.size(source));
                    } catch (IOException e) {
                        throw LocalFileFailures.of(LocalFileFailures.Action.READ, source, e);
                    }
                    files.upload(source, remotePath, progress, cancelled);
                });
    }

    /** Downloads one file to the host, whole or not at all. */
    public Transfer download(FileRow row, Path target) {
        long size = row.metadata() == null ? -1 : row.metadata().size();
        return transfer(() -> i18n.format("files.download.row", row.path(), target), size, false,
                (progress, total, cancelled) -> files.download(row.path(), target, progress, cancelled));
    }

    @FunctionalInterface
    private interface Copy {
        void run(LongConsumer progress, LongConsumer total, BooleanSupplier cancelled) throws Exception;
    }

    private Transfer transfer(Supplier<String> title, long knownTotal, boolean listAfter, Copy copy) {
        Transfer transfer = new Transfer(title, knownTotal);
        transfers.add(transfer);
        AtomicLong done = new AtomicLong();
        AtomicLong total = new AtomicLong(knownTotal);
        // At most one report waits for the UI thread: progress follows the copy at the screen's pace.
        AtomicBoolean reportWaiting = new AtomicBoolean();
        tasks.execute(BackgroundTask.of(progress -> {
            copy.run(bytes -> {
                done.set(bytes);
                if (reportWaiting.compareAndSet(false, true)) {
                    progress.update(-1, null);
                }
            }, total::set, transfer::isCancelled);
            return null;
        }).onProgress(update -> {
            reportWaiting.set(false);
            transfer.update(done.get(), total.get());
        }).onSuccess(result -> setStatus(() -> i18n.format("files.transfer.done", transfer.titleText())))
                .onFailure(e -> setStatus(FailureText.unwrap(e) instanceof CancelledException
                        ? () -> i18n.format("files.transfer.cancelled", transfer.titleText())
                        : () -> i18n.format("files.transfer.failed", transfer.titleText(), FailureText.of(i18n, e))))
                .onFinished(() -> {
                    transfers.remove(transfer);
                    if (listAfter && !disposed) {
                        reload(statusText);
                    }
                }));
        return transfer;
    }

    // --- dragging out --------------------------------------------------------------------------

    /** Fetches the selected small files ahead, so that a drag of them can start at once. */
    public void selected(List<FileRow> selection) {
        selection.forEach(dragCopies::prefetch);
    }

    /** Whether {@code row} can be dragged out now (its host copy has been fetched). */
    public boolean dragReady(FileRow row) {
        return dragCopies.copyOf(row) != null;
    }

    /**
     * The host copies a drag of {@code dragged} carries; the status says why some are
     * missing (too big, or still on their way: those are fetched now).
     */
    public List<Path> dragFiles(List<FileRow> dragged) {
        DragCopies.Drag drag = dragCopies.collect(dragged);
        if (drag.noteKey() != null) {
            setStatus(() -> i18n.get(drag.noteKey()));
        }
        return drag.ready();
    }

    /** Cancels every copy in progress and removes the drag copies; the tab is going away. */
    public void dispose() {
        disposed = true;
        transfers.forEach(Transfer::cancel);
        listing.cancel();
        dragCopies.clear();
        i18n.localeProperty().removeListener(relabel);
    }
}
