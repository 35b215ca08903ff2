package dev.hako.ui.wizard.init;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.UnreachableException;
import dev.hako.model.RemoteModel;
import dev.hako.remote.init.Initialisation;
import dev.hako.remote.init.Initialisation.Report;
import dev.hako.remote.init.Initialisation.State;
import dev.hako.remote.init.Initialisation.Step;
import dev.hako.remote.init.Preseed;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.LatestTask;
import dev.hako.ui.common.TaskExecutor;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The apply page: the steps the preseed takes on this server (planned from the names the
 * remote's collections hold), each one's state as it runs, and what happened when the server
 * refused one (the steps before it undone, latest first). After a refusal the rows keep their
 * results on screen while a new attempt starts from the plan again.
 */
public final class ApplySteps {

    /** How a row reads: waiting, under way, done (or undone), or refused (or not undone). */
    public enum Tone { PLAIN, WORKING, SUCCESS, DANGER }

    /** One step on screen. */
    public static final class Row {
        private final Step step;
        private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text");
        private final ReadOnlyObjectWrapper<Tone> tone = new ReadOnlyObjectWrapper<>(this, "tone", Tone.PLAIN);

        Row(Step step, String text) {
            this.step = step;
            this.text.set(text);
        }

        public Step step() {
            return step;
        }

        public ReadOnlyStringProperty textProperty() {
            return text.getReadOnlyProperty();
        }

        public ReadOnlyObjectProperty<Tone> toneProperty() {
            return tone.getReadOnlyProperty();
        }
    }

    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final I18n i18n;
    private final RemoteModel remote;
    private final LatestTask planning;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    // One wrapper, held here: it hears the list through a weak listener, so a fresh one could be collected.
    private final ObservableList<Row> shownRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private Preseed planned;
    private List<Step> plan;
    /** The rows show the results of a refused attempt: the next one starts them afresh. */
    private boolean rowsShowResults;

    ApplySteps(TaskExecutor executor, DialogService dialogs, I18n i18n, RemoteModel remote) {
        this.executor = executor;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.remote = remote;
        this.planning = new LatestTask(executor);
    }

    public ObservableList<Row> rows() {
        return shownRows;
    }

    /** What the plan is (or why there is none, or how the last attempt ended). */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why Finish cannot run now; null when it can. */
    ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    String problem() {
        return problem.get();
    }

    /** The steps planned now; empty while there is no plan. */
    List<Step> plan() {
        return plan == null ? List.of() : plan;
    }

    /**
     * Plans {@code toApply}: at once from {@code known} names (the remote's collections), else by
     * reading the server.
     */
    void plan(Preseed toApply, Optional<Initialisation.Existing> known) {
        planned = toApply;
        plan = null;
        showRows(List.of());
        if (known.isPresent()) {
            planning.cancel();
            planned(Initialisation.plan(toApply, known.get()));
            return;
        }
        say(i18n.get("init.apply.reading"));
        LxdClient client = remote.client();
        if (client == null) {
            readFailed(new UnreachableException(remote.name(), null));
            return;
        }
        planning.run(BackgroundTask.of(progress -> new Initialisation(client, toApply).plan())
                .onSuccess(this::planned).onFailure(this::readFailed));
    }

    /** There is nothing to plan: the preseed is not valid (said why). */
    void cannotPlan(String why) {
        planning.cancel();
        planned = null;
        plan = null;
        showRows(List.of());
        say(why);
    }

    private void planned(List<Step> steps) {
        plan = steps;
        showRows(steps);
        summary.set(steps.isEmpty() ? i18n.get("init.problem.nothing") : i18n.format("init.apply.count",
                steps.size()));
        problem.set(steps.isEmpty() ? i18n.get("init.problem.nothing") : null);
    }

    private void readFailed(Exception failure) {
        say(i18n.format("init.apply.readFailed", FailureText.of(i18n, failure)));
    }

    /** Shows {@code why} as the summary and as what keeps Finish off. */
    private void say(String why) {
        summary.set(why);
        problem.set(why);
    }

    private void showRows(List<Step> steps) {
        rowsShowResults = false;
        rows.setAll(steps.stream().map(s -> new Row(s, stepText(s) + " — " + i18n.get("init.state.planned")))
                .toList());
    }

    /** Runs the plan; {@code done} when every step was applied, {@code refused} when the server said no. */
    void apply(Runnable done, Runnable refused) {
        if (rowsShowResults) {
            showRows(plan);
        }
        LxdClient client = remote.client();
        if (plan == null) {
            refused.run();
            return;
        }
        if (client == null) {
            refused.run();
            dialogs.showError(i18n.format("init.applyFailed", remote.name()), new UnreachableException(remote.name(),
                    null));
            return;
        }
        List<Step> steps = plan;
        Preseed preseed = planned;
        executor.execute(BackgroundTask.of(progress -> new Initialisation(client, preseed).apply(steps,
                        report -> executor.runOnUi(() -> report(report))))
                .onSuccess(applied -> {
                    done.run();
                    if (applied.stream().anyMatch(s -> !s.undoable())) {
                        // Clustering changes what the server lists without an event for each.
                        remote.refresh();
                    }
                    dialogs.inform(i18n.format("init.done.header", remote.name()),
                            i18n.format("init.done.text", applied.size()));
                })
                .onFailure(failure -> {
                    refused.run();
                    refused(failure);
                }));
    }

    /** A step's new state, as the use case reports it. */
    void report(Report report) {
        rows.stream().filter(r -> r.step.index() == report.step().index()).findFirst().ifPresent(row -> {
            String text = stepText(report.step()) + " — " + stateText(report.state());
            row.text.set(report.failure() == null ? text : text + ": " + FailureText.of(i18n, report.failure()));
            row.tone.set(switch (report.state()) {
                case DONE, REVERTED -> Tone.SUCCESS;
                case FAILED, REVERT_FAILED -> Tone.DANGER;
                case RUNNING, REVERTING -> Tone.WORKING;
            });
        });
    }

    /** The attempt ended without applying everything: say so, and let the next one start over. */
    void refused(Exception failure) {
        if (!(failure instanceof Initialisation.InitialisationException e)) {
            dialogs.showError(i18n.format("init.applyFailed", remote.name()), failure);
            return;
        }
        rowsShowResults = true;
        String step = stepText(e.step());
        summary.set(e.fullyReverted() ? i18n.format("init.failed.reverted", step)
                : i18n.format("init.failed.left", step, e.revertFailures().size()));
        dialogs.showError(i18n.format("init.stepFailed", step), e.failure());
        if (!e.fullyReverted()) {
            // Some of it stayed on the server: what is created and what updated must be read again.
            replanFromServer();
        }
    }

    private void replanFromServer() {
        Preseed preseed = planned;
        LxdClient client = remote.client();
        plan = null;
        problem.set(i18n.get("init.apply.reading"));
        if (client == null) {
            readFailed(new UnreachableException(remote.name(), null));
            return;
        }
        planning.run(BackgroundTask.of(progress -> new Initialisation(client, preseed).plan())
                .onSuccess(steps -> {
                    plan = steps;
                    problem.set(steps.isEmpty() ? i18n.get("init.problem.nothing") : null);
                })
                .onFailure(this::readFailed));
    }

    String stepText(Step step) {
        boolean create = step.action() == Initialisation.Action.CREATE;
        return switch (step.kind()) {
            case SERVER_CONFIG -> i18n.get("init.step.config");
            case STORAGE_POOL -> i18n.format(create ? "init.step.pool.create" : "init.step.pool.update", step.name());
            case NETWORK -> i18n.format(create ? "init.step.network.create" : "init.step.network.update",
                    step.name());
            case PROJECT -> i18n.format(create ? "init.step.project.create" : "init.step.project.update",
                    step.name());
            case PROFILE -> i18n.format(create ? "init.step.profile.create" : "init.step.profile.update",
                    step.name());
            case CLUSTER_BOOTSTRAP -> i18n.format("init.step.bootstrap", step.name());
            case CLUSTER_JOIN -> i18n.format("init.step.join", step.name());
        };
    }

    private String stateText(State state) {
        return i18n.get(switch (state) {
            case RUNNING -> "init.state.running";
            case DONE -> "init.state.done";
            case FAILED -> "init.state.failed";
            case REVERTING -> "init.state.reverting";
            case REVERTED -> "init.state.reverted";
            case REVERT_FAILED -> "init.state.revert_failed";
        });
    }
}
