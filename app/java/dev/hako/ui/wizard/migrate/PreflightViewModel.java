package dev.hako.ui.wizard.migrate;

import dev.hako.lxd.api.Instance;
import dev.hako.model.migration.Destination;
import dev.hako.model.migration.MigrationPlan;
import dev.hako.model.migration.Preflight;
import dev.hako.model.migration.PreflightCheck;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The pre-flight page: reads both servers in the background, then lists each check's
 * verdict in words. Only the newest run counts, so changing the plan and coming back
 * never shows an older answer.
 */
public final class PreflightViewModel {

    private final I18n i18n;
    private final TaskExecutor tasks;
    private final MigrationRemotes remotes;
    private final ObservableList<PreflightCheck> checks = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");
    private long generation;

    PreflightViewModel(I18n i18n, TaskExecutor tasks, MigrationRemotes remotes) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.remotes = remotes;
    }

    /** The verdicts of the last run, in the order checked. */
    public ObservableList<PreflightCheck> checks() {
        return checks;
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** Why the servers could not be read, or null. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Checks {@code plan} against what the servers say now. */
    void run(Instance instance, Destination destination, MigrationPlan plan) {
        long run = ++generation;
        checks.clear();
        failure.set(null);
        checking.set(true);
        tasks.execute(BackgroundTask.of(p -> Preflight.check(remotes.ends(instance, destination, plan)))
                .onSuccess(found -> {
                    if (run == generation) {
                        checking.set(false);
                        checks.setAll(found);
                    }
                }).onFailure(e -> {
                    if (run == generation) {
                        checking.set(false);
                        failure.set(i18n.format("migrate.check.unreadable", dev.hako.ui.common.FailureText.of(i18n, e)));
                    }
                }));
    }

    /** Forgets the last verdicts: the plan changed, so they no longer hold. */
    void invalidate() {
        generation++;
        checks.clear();
        checking.set(false);
        failure.set(null);
    }

    /** What keeps the page from going on, or null when every check passed or only warns. */
    public String problem() {
        if (checking.get()) {
            return i18n.get("migrate.checking");
        }
        if (failure.get() != null) {
            return failure.get();
        }
        if (checks.isEmpty()) {
            return i18n.get("migrate.checking");
        }
        long blocking = checks.stream().filter(PreflightCheck::blocks).count();
        return blocking == 0 ? null : i18n.format("migrate.problem.checks", blocking);
    }

    /** One check in words. */
    public String text(PreflightCheck check) {
        return i18n.format(check.messageKey(), check.arguments().toArray());
    }
}
