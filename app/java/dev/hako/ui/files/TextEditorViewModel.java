package dev.hako.ui.files;

import dev.hako.lxd.FileMetadata;
import dev.hako.remote.files.FileOperations;
import dev.hako.remote.files.InstanceFileOperations;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.view.instance.InstanceContext;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;

/**
 * A small text file of an instance being edited. Saving first checks whether the file
 * changed on the server since it was opened (size or modification time) and asks before
 * overwriting someone else's change. Mode and owner stay as they were: the server keeps
 * them when it overwrites an existing file. UI thread only.
 */
public final class TextEditorViewModel {

    private final FileOperations files;
    private final TaskExecutor tasks;
    private final I18n i18n;
    private final String path;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ChangeListener<Locale> relabel = (o, was, now) -> relabel();
    private Supplier<String> statusText = () -> "";
    private FileMetadata opened;

    public TextEditorViewModel(FileOperations files, TaskExecutor tasks, I18n i18n, String path) {
        this.files = files;
        this.tasks = tasks;
        this.i18n = i18n;
        this.path = path;
        i18n.localeProperty().addListener(relabel);
        relabel();
    }

    public static TextEditorViewModel of(InstanceContext context, String path) {
        return new TextEditorViewModel(new InstanceFileOperations(context.remote()::client, context.instanceName()),
                context.tasks(), context.i18n(), path);
    }

    public String path() {
        return path;
    }

    public I18n i18n() {
        return i18n;
    }

    /** The text being edited. */
    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    private void relabel() {
        title.set(i18n.format("files.edit.title", path, files.instanceName()));
        status.set(statusText.get());
    }

    private void setStatus(Supplier<String> text) {
        statusText = text;
        status.set(text.get());
    }

    /** Reads the file; then {@code loaded} runs, or {@code failed} with why it cannot be edited. */
    public void load(Runnable loaded, Consumer<Exception> failed) {
        tasks.execute(BackgroundTask.of(progress -> files.readText(path)).onSuccess(file -> {
            opened = file.metadata();
            text.set(file.text());
            loaded.run();
        }).onFailure(failed));
    }

    /**
     * Saves; unless {@code force}, first checks that nobody changed the file meanwhile and,
     * if somebody did, saves over it only when {@code overwrite} says so. {@code saved}
     * runs after a save.
     */
    public void save(boolean force, BooleanSupplier overwrite, Runnable saved) {
        String content = text.get();
        FileMetadata known = opened;
        setStatus(() -> i18n.get("files.edit.saving"));
        tasks.execute(BackgroundTask.of(progress -> files.writeText(path, content, known, force)).onSuccess(after -> {
            if (after.isPresent()) {
                opened = after.get();
                setStatus(() -> i18n.get("files.edit.saved"));
                saved.run();
            } else {
                setStatus(() -> i18n.get("files.edit.changedOnServer"));
                if (overwrite.getAsBoolean()) {
                    save(true, overwrite, saved);
                }
            }
        }).onFailure(e -> setStatus(() -> i18n.format("files.actionFailed", path, FailureText.of(i18n, e)))));
    }

    /** The editor closed: it no longer follows the window's language. */
    public void close() {
        i18n.localeProperty().removeListener(relabel);
    }
}
