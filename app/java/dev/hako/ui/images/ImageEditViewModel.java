package dev.hako.ui.images;

import dev.hako.lxd.PreconditionFailedException;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.Image;
import dev.hako.lxd.api.ImagePut;
import dev.hako.lxd.api.Tagged;
import dev.hako.model.images.ImageEdit;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Editing an image: its description, its other properties, public and auto-update. Saved
 * with the ETag it was read with; when someone changed the image meanwhile, the user's
 * change is laid over the new version (what they did not touch takes the server's value)
 * and shown again to be saved, so neither side's change is lost.
 */
public final class ImageEditViewModel {

    /** The description is a property too, but has a field of its own. */
    static final String DESCRIPTION = "description";

    /** Writes the image (blocking): {@code ImagesApi.update} in the app. */
    @FunctionalInterface
    public interface Writer {
        void write(ImagePut put, String etag) throws Exception;
    }

    /** Reads the image as the server holds it now (blocking). */
    @FunctionalInterface
    public interface Reader {
        Tagged<Image> read() throws Exception;
    }

    /** One property row; its key and value are edited in place. */
    public static final class PropertyRow {
        private final StringProperty key = new SimpleStringProperty(this, "key", "");
        private final StringProperty value = new SimpleStringProperty(this, "value", "");

        PropertyRow(String key, String value) {
            this.key.set(key);
            this.value.set(value);
        }

        public StringProperty keyProperty() {
            return key;
        }

        public StringProperty valueProperty() {
            return value;
        }
    }

    private final I18n i18n;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final ServerKind kind;
    private final String remote;
    private final String project;
    private final String fingerprint;
    private final boolean updatable;
    private final Writer writer;
    private final Reader reader;
    private final ObservableList<PropertyRow> properties = FXCollections.observableArrayList(
            row -> new Observable[] {row.keyProperty(), row.valueProperty()});
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final BooleanProperty isPublic = new SimpleBooleanProperty(this, "public");
    private final BooleanProperty autoUpdate = new SimpleBooleanProperty(this, "autoUpdate");
    private final StringBinding problem;
    private final BooleanBinding invalid;
    private final StringBinding commands;
    private ImagePut base;
    private String etag;

    public ImageEditViewModel(I18n i18n, TaskExecutor tasks, DialogService dialogs, ServerKind kind, String remote,
                              String project,
                              Tagged<Image> read, Writer writer, Reader reader) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.kind = kind;
        this.project = project;
        this.remote = remote;
        this.fingerprint = read.value().fingerprint();
        this.updatable = read.value().updateSource() != null;
        this.writer = writer;
        this.reader = reader;
        show(read.value().toPut(), read.etag());
        Observable[] inputs = {properties, description, isPublic, autoUpdate};
        problem = Bindings.createStringBinding(this::firstProblem, inputs);
        invalid = Bindings.createBooleanBinding(() -> problem.get() != null || !edit().changed(), inputs);
        commands = Bindings.createStringBinding(() -> problem.get() != null ? ""
                : String.join("\n", edit().commands(kind, project, remote + ":" + shortFingerprint())), inputs);
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** Auto-update only does something for an image that came from an image server. */
    public boolean updatable() {
        return updatable;
    }

    public ObservableList<PropertyRow> properties() {
        return properties;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public BooleanProperty publicProperty() {
        return isPublic;
    }

    public BooleanProperty autoUpdateProperty() {
        return autoUpdate;
    }

    /** The first rule the draft breaks, in the window's language; null when none. */
    public StringBinding problemProperty() {
        return problem;
    }

    /** True while the draft breaks a rule or changes nothing. */
    public BooleanBinding invalidProperty() {
        return invalid;
    }

    /** The CLI commands that make the same change, one per line. */
    public StringBinding commandsProperty() {
        return commands;
    }

    public void addProperty() {
        properties.add(new PropertyRow("", ""));
    }

    public void removeProperty(PropertyRow row) {
        properties.remove(row);
    }

    /** What would be sent: every row, the description as its property. */
    ImagePut draft() {
        Map<String, String> all = new LinkedHashMap<>();
        properties.forEach(row -> all.put(row.keyProperty().get().strip(), row.valueProperty().get()));
        if (!description.get().isBlank()) {
            all.put(DESCRIPTION, description.get().strip());
        }
        return new ImagePut(autoUpdate.get(), all, isPublic.get(), base.expiresAt(), base.profiles());
    }

    ImageEdit edit() {
        return new ImageEdit(base, draft());
    }

    /**
     * Saves the draft. {@code saved} runs once the server took it; {@code showAgain} when the
     * user must look at it again (refused, or merged over someone else's change).
     */
    public void save(Runnable saved, Runnable showAgain) {
        ImageEdit edit = edit();
        String headline = i18n.format("images.edit.failed", shortFingerprint());
        tasks.execute(BackgroundTask.ofRunnable(() -> writer.write(edit.draft(), etag))
                .onSuccess(done -> saved.run())
                .onFailure(failure -> {
                    if (FailureText.unwrap(failure) instanceof PreconditionFailedException) {
                        mergeOverNewer(edit, showAgain);
                    } else {
                        dialogs.showError(headline, failure);
                        showAgain.run();
                    }
                }));
    }

    private void mergeOverNewer(ImageEdit edit, Runnable showAgain) {
        tasks.execute(BackgroundTask.of(progress -> reader.read())
                .onSuccess(newer -> {
                    ImagePut merged = edit.over(newer.value().toPut());
                    base = newer.value().toPut();
                    etag = newer.etag();
                    showDraft(merged);
                    dialogs.inform(i18n.get("images.edit.changedTitle"),
                            i18n.format("images.edit.changedElsewhere", shortFingerprint()));
                    showAgain.run();
                })
                .onFailure(failure -> {
                    dialogs.showError(i18n.format("images.edit.failed", shortFingerprint()), failure);
                    showAgain.run();
                }));
    }

    private void show(ImagePut put, String tag) {
        base = put;
        etag = tag;
        showDraft(put);
    }

    private void showDraft(ImagePut put) {
        Map<String, String> all = put.properties() == null ? Map.of() : put.properties();
        description.set(all.getOrDefault(DESCRIPTION, ""));
        properties.setAll(all.entrySet().stream().filter(e -> !DESCRIPTION.equals(e.getKey()))
                .map(e -> new PropertyRow(e.getKey(), e.getValue())).toList());
        isPublic.set(put.isPublic());
        autoUpdate.set(put.autoUpdate());
    }

    private String firstProblem() {
        Set<String> seen = new HashSet<>();
        List<PropertyRow> rows = List.copyOf(properties);
        for (int i = 0; i < rows.size(); i++) {
            String key = rows.get(i).keyProperty().get().strip();
            if (key.isEmpty()) {
                return i18n.format("images.edit.keyEmpty", i + 1);
            }
            if (!key.matches("[\\p{L}\\p{N}._:/\\-]+")) {
                return i18n.format("images.edit.keyBad", key);
            }
            if (DESCRIPTION.equals(key)) {
                return i18n.get("images.edit.keyDescription");
            }
            if (!seen.add(key)) {
                return i18n.format("images.edit.keyTwice", key);
            }
            if (hasControl(rows.get(i).valueProperty().get())) {
                return i18n.format("images.edit.valueBad", key);
            }
        }
        if (hasControl(description.get())) {
            return i18n.get("images.edit.descriptionBad");
        }
        return null;
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t');
    }

    /** The first 12 digits, as {@code lxc image list} shows them and the CLI accepts them. */
    private String shortFingerprint() {
        return Image.shortFingerprint(fingerprint);
    }
}
