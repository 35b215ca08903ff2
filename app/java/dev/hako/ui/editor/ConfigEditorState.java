package dev.hako.ui.editor;

import dev.hako.model.config.EditDocument;
import dev.hako.model.config.EditTarget;
import dev.hako.model.config.ObjectKind;
import dev.hako.ui.common.LatestTask;
import dev.hako.ui.common.TaskExecutor;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The config editor's state as properties, which its views bind to: the one draft,
 * the version it started from, what covers the tabs, the banner, the problems and the
 * server's refusals, and whether it reads or saves. {@link ConfigEditorViewModel}
 * changes it. UI thread only.
 */
public abstract class ConfigEditorState {

    /** What covers the tabs. */
    public enum Overlay { NONE, REVIEW, CONFLICT, CLI, DOCKER, LIMITS }

    final EditTarget target;
    /** The one slot for reads (a load, the check before the review): a newer read replaces an older one. */
    final LatestTask reading;
    final DraftEdits edits;
    final ReadOnlyObjectWrapper<EditDocument> draft = new ReadOnlyObjectWrapper<>(this, "draft");
    final ReadOnlyObjectWrapper<EditTarget.Loaded> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");
    final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    final ReadOnlyObjectWrapper<Banner> banner = new ReadOnlyObjectWrapper<>(this, "banner");
    final ReadOnlyObjectWrapper<Overlay> overlay = new ReadOnlyObjectWrapper<>(this, "overlay", Overlay.NONE);
    final ReadOnlyObjectWrapper<ReviewContent> review = new ReadOnlyObjectWrapper<>(this, "review");
    final ReadOnlyObjectWrapper<ConflictChoices> conflict = new ReadOnlyObjectWrapper<>(this, "conflict");
    final ObservableList<Problem> problems = FXCollections.observableArrayList();
    final ObservableMap<String, String> serverErrors = FXCollections.observableHashMap();
    // One read-only view each: a listener added to a view lives only as long as the view.
    private final ObservableList<Problem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObservableMap<String, String> serverErrorsView =
            FXCollections.unmodifiableObservableMap(serverErrors);
    private final BooleanBinding busy;
    private final BooleanBinding dirty;
    private final BooleanBinding canSave;
    private final BooleanBinding canDiscard;
    private final BooleanBinding noEtag;

    ConfigEditorState(EditTarget target, TaskExecutor tasks, ConfigCatalog catalog) {
        this.target = target;
        this.reading = new LatestTask(tasks);
        this.edits = new DraftEdits(this, catalog);
        busy = reading.runningProperty().or(saving);
        dirty = Bindings.createBooleanBinding(() -> edits.yamlInvalidProperty().get()
                || draft.get() != null && loaded.get() != null && !draft.get().equals(loaded.get().document()),
                draft, loaded, edits.yamlInvalidProperty());
        canSave = Bindings.createBooleanBinding(() -> !busy.get() && draft.get() != null
                && overlay.get() == Overlay.NONE, busy, draft, overlay);
        canDiscard = busy.not().and(dirty);
        noEtag = Bindings.createBooleanBinding(() -> loaded.get() != null && loaded.get().etag() == null, loaded);
        draft.addListener((o, was, now) -> problems.setAll(now == null ? List.of() : edits.problemsOf(now)));
    }

    // ---- state ------------------------------------------------------------------------------------

    public ObjectKind kind() {
        return target.kind();
    }

    /** The object's name as the user knows it (empty for the server). */
    public String name() {
        return target.name();
    }

    /** The one draft every tab edits; null until the first load. */
    public ReadOnlyObjectProperty<EditDocument> draftProperty() {
        return draft.getReadOnlyProperty();
    }

    public EditDocument draft() {
        return draft.get();
    }

    /** The version the draft started from, with its ETag and what it inherits; null until loaded. */
    public ReadOnlyObjectProperty<EditTarget.Loaded> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public EditTarget.Loaded loaded() {
        return loaded.get();
    }

    /** Edits of the draft, as the tabs make them. */
    public DraftEdits edits() {
        return edits;
    }

    /** True while reading from the server (a load or the check before the review). */
    public ReadOnlyBooleanProperty loadingProperty() {
        return reading.runningProperty();
    }

    /** True while a save writes to the server. */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public BooleanBinding busyProperty() {
        return busy;
    }

    /** Whether there are changes that are not saved (or YAML text that is not valid). */
    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public BooleanBinding canDiscardProperty() {
        return canDiscard;
    }

    /** Whether the server sends no ETag for this object (then it cannot refuse a stale save). */
    public BooleanBinding noEtagProperty() {
        return noEtag;
    }

    /** What is wrong with the draft, found without the server. */
    public ObservableList<Problem> problems() {
        return problemsView;
    }

    /** The server's refusal, by the config key it names. */
    public ObservableMap<String, String> serverErrors() {
        return serverErrorsView;
    }

    public ReadOnlyObjectProperty<Banner> bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Overlay> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReviewContent> reviewProperty() {
        return review.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConflictChoices> conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    // ---- changed by the view model and DraftEdits -------------------------------------------------------------------------

    void setDraft(EditDocument document) {
        if (!Objects.equals(draft.get(), document)) {
            draft.set(document);
        }
    }

    void clearServerError(String key) {
        serverErrors.remove(key);
    }

    void say(Banner message) {
        banner.set(message);
    }

    /** The user changed the draft: what the banner said was about the draft before, so it goes. */
    void userEdited() {
        banner.set(null);
    }
}
