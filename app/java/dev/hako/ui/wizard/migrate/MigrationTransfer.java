package dev.hako.ui.wizard.migrate;

import dev.hako.model.migration.MigrationJob;
import dev.hako.model.migration.MigrationPlan;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The migration wizard's last step: runs a plan's job in the background with its
 * progress (the servers' own line: bytes sent and speed) and Cancel; when a live transfer fails, explains
 * why in plain words and offers the same move cold, which runs at once if agreed to.
 */
public final class MigrationTransfer {

    /** Progress while the transfer has not said how far it is. */
    static final double INDETERMINATE = -1;

    private final I18n i18n;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final MigrationRemotes remotes;
    private final String source;
    private final String instance;
    private final BooleanProperty live;
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", INDETERMINATE);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private volatile MigrationJob running;

    /** {@code live}: the wizard's choice, unticked when the user takes the cold move instead. */
    MigrationTransfer(I18n i18n, TaskExecutor tasks, DialogService dialogs, MigrationRemotes remotes, String source,
                      String instance, BooleanProperty live) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.remotes = remotes;
        this.source = source;
        this.instance = instance;
        this.live = live;
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** From 0 to 1, or {@link #INDETERMINATE}. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** Runs {@code plan}; {@code onDone} once the destination has the instance, {@code onFailed} when not. */
    void start(MigrationPlan plan, Runnable onDone, Runnable onFailed) {
        String target = plan.targetRemote();
        MigrationJob job = remotes.job(plan);
        running = job;
        working.set(true);
        progress.set(INDETERMINATE);
        progressText.set(i18n.get("migrate.starting"));
        tasks.execute(BackgroundTask.<Void>of(p -> {
            job.run(op -> p.update(op.progressPercent().isPresent() ? op.progressPercent().getAsInt() / 100.0
                    : INDETERMINATE, op.progressText().orElse(null)));
            return null;
        }).onProgress(update -> {
            if (update.text() != null) {
                progressText.set(update.text());
            }
            if (update.fraction() >= 0) {
                progress.set(update.fraction());
            }
        }).onSuccess(done -> {
            finished();
            onDone.run();
        }).onFailure(failure -> {
            finished();
            progressText.set("");
            boolean offerCold = LiveMoveFailure.offersColdMove(plan.request().live(), failure);
            if (offerCold && dialogs.confirm(i18n.format("migrate.liveFailed.header", instance, target),
                    LiveMoveFailure.question(i18n, failure, instance, source, target))) {
                live.set(false);
                start(plan.cold(), onDone, onFailed);
                return;
            }
            onFailed.run();
            if (!offerCold) {
                dialogs.showError(i18n.format(plan.request().move() ? "migrate.moveFailed" : "migrate.copyFailed",
                        instance, target), failure);
            }
        }));
    }

    private void finished() {
        running = null;
        working.set(false);
    }

    /** Asks the servers to stop the transfer; it then fails and the source stays as it was. */
    void cancel() {
        MigrationJob job = running;
        if (job != null) {
            progressText.set(i18n.get("migrate.cancelling"));
            tasks.runInBackground(job::cancel);
        }
    }
}
