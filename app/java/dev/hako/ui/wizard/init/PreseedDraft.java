package dev.hako.ui.wizard.init;

import dev.hako.remote.init.Preseed;
import dev.hako.remote.init.PreseedFiles;
import dev.hako.remote.init.PreseedYaml;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The preseed as YAML text, kept in step with the pages both ways: a change on a page
 * rewrites the text, and text typed (or imported) sets the pages as far as they can say it.
 * Text that says more than the pages can (another profile, a key of its own) is
 * {@linkplain #handEditedProperty() edited by hand}: then it is what is applied, and pages no
 * longer rewrite it until it is rebuilt from them. Secrets never appear in it: an imported
 * file's trust password and join token move to their fields, and export leaves them out.
 */
public final class PreseedDraft {

    /** The pages, as the draft sees them. */
    interface Pages {
        InitAnswers answers();

        void show(InitAnswers answers);

        /** Moves an imported preseed's secrets (trust password, join token) to their fields. */
        void takeSecrets(Preseed imported);

        /** Whether applying adds a secret from the fields (so an empty text is not "nothing"). */
        boolean addsSecrets();

        boolean incus();
    }

    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final I18n i18n;
    private final Pages pages;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "");
    private final ReadOnlyBooleanWrapper handEdited = new ReadOnlyBooleanWrapper(this, "handEdited");
    /** The draft sets the text itself: not an edit. */
    private boolean writing;
    /** The draft sets the pages from the text: not a page change. */
    private boolean showing;

    PreseedDraft(TaskExecutor executor, DialogService dialogs, I18n i18n, Pages pages) {
        this.executor = executor;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.pages = pages;
        text.addListener((o, before, now) -> {
            if (!writing) {
                edited(now);
            }
        });
    }

    /** The text (typed into, or set by the pages). */
    public StringProperty textProperty() {
        return text;
    }

    public String text() {
        return text.get();
    }

    /** Where the text comes from now (the pages, an edit, a file), in the user's language. */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** True while the text says more than the pages can, so page changes leave it alone. */
    public ReadOnlyBooleanProperty handEditedProperty() {
        return handEdited.getReadOnlyProperty();
    }

    /** A page changed: the text follows, unless it was edited beyond what the pages say. */
    void pagesChanged() {
        if (!showing && !handEdited.get()) {
            writeFromPages();
        }
    }

    /** Makes the text from the pages again, dropping what was edited by hand. */
    public void rebuild() {
        handEdited.set(false);
        writeFromPages();
    }

    private void writeFromPages() {
        writing = true;
        try {
            text.set(PreseedYaml.write(pages.answers().toPreseed(), false));
        } finally {
            writing = false;
        }
        state.set(i18n.get("init.preseed.fromPages"));
    }

    /** Text was typed: the pages follow as far as they can say it. */
    private void edited(String now) {
        Preseed typed;
        try {
            typed = PreseedYaml.read(now);
        } catch (PreseedYaml.FormatException notYet) {
            handEdited.set(true);
            state.set(i18n.get("init.preseed.edited"));
            return;
        }
        InitAnswers answers = pages.answers().readFrom(typed);
        showing = true;
        try {
            pages.show(answers);
        } finally {
            showing = false;
        }
        boolean pagesSayIt = answers.expresses(typed);
        handEdited.set(!pagesSayIt);
        state.set(i18n.get(pagesSayIt ? "init.preseed.inStep" : "init.preseed.edited"));
    }

    /** The join token or trust password: the field's, else one typed into the text, else "". */
    String joinSecret(String field) {
        if (field != null && !field.isBlank()) {
            return field;
        }
        try {
            Preseed.Cluster c = PreseedYaml.read(text.get()).cluster();
            String secret = c == null ? null : c.clusterToken() != null ? c.clusterToken() : c.clusterPassword();
            return secret == null ? "" : secret;
        } catch (PreseedYaml.FormatException e) {
            return "";
        }
    }

    /**
     * What keeps the text from being applied, with the join token or trust password of its field
     * ({@code joinSecret}, may be blank), in the user's language; null when nothing.
     */
    String problem(String joinSecret) {
        try {
            Preseed p = PreseedYaml.read(text.get());
            String secret = joinSecret == null ? "" : joinSecret.strip();
            if (p.cluster() != null && p.cluster().clusterToken() == null && !secret.isEmpty()) {
                p = p.withCluster(PreseedYaml.isJoinToken(secret) ? p.cluster().withToken(secret)
                        : p.cluster().withPassword(secret));
            }
            List<String> problems = p.problems(pages.incus());
            if (!problems.isEmpty()) {
                return i18n.get(problems.get(0));
            }
            return p.isEmpty() && !pages.addsSecrets() ? i18n.get("init.problem.nothing") : null;
        } catch (PreseedYaml.FormatException e) {
            String what = FailureText.of(i18n, e);
            return e.line() > 0 ? i18n.format("init.problem.yamlAt", e.line(), what)
                    : i18n.format("init.problem.yaml", what);
        }
    }

    /** Reads a preseed file into the text; its secrets go to their fields, never into the text. */
    public void importFrom(Path file) {
        executor.execute(BackgroundTask.of(progress -> PreseedFiles.read(file))
                .onSuccess(imported -> {
                    // The text first, so the pages follow it; then the secrets, which may switch on access.
                    // Incus has no trust password: one in the file stays in sight, as a problem to remove.
                    text.set(PreseedYaml.write(pages.incus() ? imported
                            : imported.withConfigValue(Preseed.TRUST_PASSWORD, null), false));
                    pages.takeSecrets(imported);
                    state.set(i18n.format("init.preseed.imported", file.getFileName()));
                })
                .onFailure(failure -> dialogs.showError(i18n.format("init.preseed.importFailed",
                        file.getFileName()), failure)));
    }

    /** Whether the text can be exported; says why not when it cannot. */
    public boolean exportable() {
        try {
            PreseedYaml.read(text.get());
            return true;
        } catch (PreseedYaml.FormatException e) {
            dialogs.showError(i18n.get("init.preseed.exportFailed"), e);
            return false;
        }
    }

    /** Writes the text to {@code file}, without secrets. */
    public void exportTo(Path file) {
        exportTo(PreseedYaml.read(text.get()), file);
    }

    /** Writes {@code preseed} to {@code file}; the trust password and a join token are left out. */
    void exportTo(Preseed preseed, Path file) {
        executor.execute(BackgroundTask.of(progress -> PreseedFiles.write(preseed, file))
                .onSuccess(written -> state.set(i18n.format("init.preseed.exported", file.getFileName())))
                .onFailure(failure -> dialogs.showError(i18n.get("init.preseed.exportFailed"), failure)));
    }
}
