package dev.hako.ui.editor;

import dev.hako.model.RemoteModel;
import dev.hako.model.config.ConfigSave;
import dev.hako.model.config.EditDocument;
import dev.hako.model.config.EditTarget;
import dev.hako.model.config.ObjectKind;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.List;
import java.util.function.Consumer;

/**
 * The config editor's state: ONE draft of the object that the property sheet, the
 * device editor and the YAML text all edit through the methods of {@link DraftEdits},
 * the version it started from, and the save: checked without a request, compared
 * with the server's version before the review, then written by {@link ConfigSave}
 * (merge, ETag, rebase). The draft survives every failure. UI thread only.
 */
public final class ConfigEditorViewModel extends ConfigEditorState {

    private final ConfigSave store;
    private final I18n i18n;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final EditorTools tools;
    private final DeviceReferences references;
    private Consumer<EditDocument> onSaved = d -> { };
    private boolean disposed;
    private long readTicket;

    public ConfigEditorViewModel(EditTarget target, ConfigSave store, RemoteModel remote, I18n i18n,
                                 TaskExecutor tasks, DialogService dialogs, ConfigCatalog catalog) {
        super(target, tasks, catalog);
        this.store = store;
        this.i18n = i18n;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.tools = new EditorTools(this, target, remote, catalog);
        this.references = DeviceReferences.of(remote, tasks);
    }

    /** What the devices can point at on the object's remote (networks, pools, volumes), with warnings. */
    public DeviceReferences references() {
        return references;
    }

    /** The toolbar's tools: CLI commands and presets. */
    /** The executor and dialogs the editor's own tools open other screens with ("Forward a port…"). */
    public TaskExecutor taskExecutor() {
        return tasks;
    }

    public DialogService dialogService() {
        return dialogs;
    }

    public EditorTools tools() {
        return tools;
    }

    /** Called after each successful save with what the server now has. */
    public void setOnSaved(Consumer<EditDocument> onSaved) {
        this.onSaved = onSaved == null ? d -> { } : onSaved;
    }

    // ---- loading ----------------------------------------------------------------------------------

    /** Reads the object; a draft with changes is kept and compared with the new version when saved. */
    public void load() {
        read(progress -> store.load(), this::loadedFromServer, "editor.loadFailed");
    }

    /**
     * Reads from the server in the one reading slot: a newer read replaces an older one,
     * whose answer is then dropped, as is every answer after {@link #dispose()}.
     */
    private <T> void read(BackgroundTask.Work<T> work, Consumer<T> onAnswer, String failureKey) {
        if (disposed) {
            return;
        }
        long ticket = ++readTicket;
        reading.run(BackgroundTask.of(work)
                .onSuccess(answer -> {
                    if (ticket == readTicket && !disposed) {
                        onAnswer.accept(answer);
                    }
                })
                .onFailure(failure -> {
                    if (ticket == readTicket && !disposed) {
                        banner.set(Banner.error(failureKey, failure));
                    }
                }));
    }

    /** Drops the answer of whatever read still runs. */
    private void dropReads() {
        readTicket++;
        reading.cancel();
    }

    private void loadedFromServer(EditTarget.Loaded result) {
        boolean keepDraft = isDirty();
        loaded.set(result);
        if (!keepDraft) {
            serverErrors.clear();
            setDraft(result.document());
        }
    }

    public void reload() {
        if (isDirty()) {
            banner.set(Banner.info("editor.reloadKeepsDraft"));
        }
        load();
    }

    /** Reloads when nothing is being edited (an event said the object changed). */
    public void refreshIfClean() {
        if (!isDirty() && !busyProperty().get() && overlay.get() == Overlay.NONE && !disposed) {
            load();
        }
    }

    public void discard() {
        if (loaded.get() != null) {
            closeOverlay();
            serverErrors.clear();
            edits.reset();
            setDraft(loaded.get().document());
            banner.set(null);
        }
    }

    // ---- saving -----------------------------------------------------------------------------------

    /** Checks the draft, then reads the server's version: the review, or the conflict view when it changed. */
    public void save() {
        // A load or check still running is replaced: only the latest read counts.
        if (draft.get() == null || loaded.get() == null || saving.get() || overlay.get() != Overlay.NONE) {
            return;
        }
        if (!edits.yamlProblems().isEmpty()) {
            banner.set(Banner.error("editor.invalidNotSent", edits.yamlProblems().get(0)));
            return;
        }
        EditDocument mine = draft.get();
        if (!problems.isEmpty()) {
            banner.set(Banner.error("editor.invalidNotSent", problems.get(0)));
            return;
        }
        EditDocument base = loaded.get().document();
        if (mine.equals(base)) {
            banner.set(Banner.info("editor.noChanges"));
            return;
        }
        banner.set(null);
        read(progress -> store.check(base, mine), check -> checked(base, mine, check), "editor.checkFailed");
    }

    private void checked(EditDocument base, EditDocument mine, ConfigSave.Check check) {
        if (draft.get() != mine || loaded.get().document() != base) {
            // Edited (or reloaded) while the server was read: that answer is about an older draft.
            save();
        } else if (check.changedOnServer()) {
            showConflict(new ConflictChoices(base, mine, check.current(), check.entries()));
        } else {
            if (!check.current().document().equals(base)) {
                // Only the server's own bookkeeping changed: the draft moves onto the new version.
                loaded.set(check.current());
                setDraft(check.reviewable());
            }
            review.set(ReviewContent.of(check.reviewable(), check.current()));
            overlay.set(Overlay.REVIEW);
        }
    }

    /** Sends what the review showed. */
    public void confirmSave() {
        ReviewContent shown = review.get();
        if (overlay.get() == Overlay.REVIEW && shown != null) {
            send(shown.document(), loaded.get());
        }
    }

    private void send(EditDocument mine, EditTarget.Loaded from) {
        closeOverlay();
        banner.set(null);
        dropReads();
        saving.set(true);
        tasks.execute(BackgroundTask.of(progress -> store.save(from, mine))
                .onSuccess(outcome -> {
                    if (!disposed) {
                        saved(mine, outcome);
                    }
                })
                .onFailure(failure -> {
                    banner.set(Banner.error("editor.saveNotDone", failure));
                    dialogs.showError(saveFailed(), failure);
                })
                .onFinished(() -> saving.set(false)));
    }

    /** The headline of a save that did not go through, naming the object (the server's settings have no name). */
    private String saveFailed() {
        return kind() == ObjectKind.SERVER ? i18n.get("editor.save.failedServer")
                : i18n.format("editor.save.failed", name());
    }

    private void saved(EditDocument mine, ConfigSave.Outcome outcome) {
        if (outcome instanceof ConfigSave.Saved done) {
            serverErrors.clear();
            edits.reset();
            Banner said = Banner.info("editor.saved");
            if (done.now() == null) {
                said = said.and("editor.readBackFailed");
                load();
            } else {
                loaded.set(done.now());
                setDraft(done.now().document());
            }
            banner.set(done.notApplied().isEmpty() ? said : said.and("editor.notKept", done.notApplied()));
            onSaved.accept(draft.get());
        } else if (outcome instanceof ConfigSave.Conflict changed) {
            showConflict(new ConflictChoices(changed.base(), changed.mine(), changed.current(), changed.entries()));
        } else if (outcome instanceof ConfigSave.Failed failed) {
            refused(mine, failed);
        }
    }

    private void refused(EditDocument mine, ConfigSave.Failed failed) {
        if (failed.savedButNotEverywhere()) {
            savedButNotEverywhere(failed);
            return;
        }
        if (failed.rebased() != null) {
            // The draft keeps every change and now starts from what the server has after the failure.
            loaded.set(failed.now());
            setDraft(failed.rebased());
        }
        Banner said = Banner.error(failed.serverMessage() != null ? "editor.saveFailed" : "editor.saveNotDone",
                failed.failure());
        if (failed.now() == null) {
            said = said.and("editor.readBackFailed");
        } else if (!failed.applied().isEmpty()) {
            said = said.and("editor.partlyApplied", failed.applied(), failed.notApplied());
        }
        banner.set(said);
        if (failed.serverMessage() == null) {
            // Not the server judging the draft (unreachable, I/O …): the full story in a dialog.
            dialogs.showError(saveFailed(), failed.failure());
            return;
        }
        String reason = failed.serverMessage();
        for (String key : mine.config().keySet()) {
            if (reason.contains("\"" + key + "\"") || reason.contains("'" + key + "'")
                    || reason.contains(" " + key + " ") || reason.contains(" " + key + ":")
                    || reason.endsWith(" " + key)) {
                serverErrors.put(key, reason);
            }
        }
    }

    /**
     * The server kept the change but some instances using the object could not take it
     * (a port already bound, for instance): the editor shows the server's version, and the
     * banner names each instance with the server's reason.
     */
    private void savedButNotEverywhere(ConfigSave.Failed failed) {
        serverErrors.clear();
        edits.reset();
        loaded.set(failed.now());
        setDraft(failed.now().document());
        List<String> instances = failed.instanceFailures().stream()
                .map(f -> f.instance() + " — " + f.reason()).toList();
        banner.set(Banner.error("editor.savedNotEverywhere", failed.instanceFailures().size(),
                String.join("\n", instances)));
        onSaved.accept(draft.get());
    }

    // ---- overlays ---------------------------------------------------------------------------------

    private void showConflict(ConflictChoices choices) {
        conflict.set(choices);
        overlay.set(Overlay.CONFLICT);
    }

    /** Back from whatever covers the tabs; the draft stays as it is. */
    public void closeOverlay() {
        overlay.set(Overlay.NONE);
        review.set(null);
        conflict.set(null);
    }

    /** Conflict view: the merged version (as chosen per key) becomes the draft, to check and save. */
    public void takeMerged() {
        ConflictChoices choices = conflict.get();
        if (choices != null) {
            loaded.set(choices.current());
            closeOverlay();
            setDraft(choices.merged());
            banner.set(Banner.info("editor.conflict.mergedDraft"));
        }
    }

    /** Conflict view: the draft is written over the server's version. */
    public void overwriteWithMine() {
        ConflictChoices choices = conflict.get();
        if (choices != null) {
            loaded.set(choices.current());
            send(choices.mine(), choices.current());
        }
    }

    /** Conflict view: the draft is dropped for the server's version. */
    public void takeServers() {
        ConflictChoices choices = conflict.get();
        if (choices != null) {
            loaded.set(choices.current());
            closeOverlay();
            edits.reset();
            setDraft(choices.current().document());
            banner.set(Banner.info("editor.conflict.reloaded"));
        }
    }

    /** Covers the tabs with a tool (the CLI commands, a preset form) while nothing runs. */
    void showTool(Overlay tool) {
        if (draft.get() != null && !busyProperty().get()) {
            overlay.set(tool);
        }
    }

    /** A preset's new draft, applied unless it has problems (which are returned). */
    List<Problem> applyPreset(Presets.Outcome outcome) {
        if (outcome.ok()) {
            closeOverlay();
            edits.replace(outcome.document());
            banner.set(Banner.info("editor.preset.appliedNotSaved"));
        }
        return outcome.problems();
    }

    /** Stops listening for results: whatever still runs is dropped. */
    public void dispose() {
        disposed = true;
        dropReads();
        references.dispose();
    }
}
