package dev.hako.ui.wizard.migrate;

import dev.hako.lxd.InstanceMigration;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Instance;
import dev.hako.model.NameRules;
import dev.hako.model.RemoteModel;
import dev.hako.model.migration.Destination;
import dev.hako.model.migration.InstanceMove;
import dev.hako.model.migration.MigrationJob;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The migration wizard's state: where to (remote, name, copy or move, live or cold,
 * with or without snapshots), onto which pool and with which profiles; the pre-flight
 * checks against what the destination has now; and the transfer, with its progress and
 * Cancel. Page by page, each check says what is still wrong.
 */
public final class MigrationViewModel {

    /** Progress while the transfer has not said how far it is. */
    static final double INDETERMINATE = -1;

    private final I18n i18n;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final String source;
    private final Instance instance;
    private final List<String> targets;
    private final Function<String, Destination> destinations;
    private final BiFunction<String, InstanceMove.Plan, MigrationJob> jobs;

    private final StringProperty remote = new SimpleStringProperty(this, "remote");
    private final StringProperty newName = new SimpleStringProperty(this, "newName");
    private final BooleanProperty move = new SimpleBooleanProperty(this, "move");
    private final BooleanProperty live = new SimpleBooleanProperty(this, "live");
    private final BooleanProperty instanceOnly = new SimpleBooleanProperty(this, "instanceOnly");
    private final StringProperty pool = new SimpleStringProperty(this, "pool");
    private final BooleanProperty copyProfiles = new SimpleBooleanProperty(this, "copyProfiles");
    private final ReadOnlyObjectWrapper<Destination> destination = new ReadOnlyObjectWrapper<>(this, "destination");
    private final ObservableList<String> pools = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", INDETERMINATE);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private volatile MigrationJob running;

    /**
     * {@code targets} are the remotes it may go to (connected, of the same kind);
     * {@code destinations} tells what one has now (null while unknown); {@code jobs} makes
     * the transfer of a plan to one.
     */
    public MigrationViewModel(I18n i18n, TaskExecutor tasks, DialogService dialogs, String source, Instance instance,
                              List<String> targets, String preferred, Function<String, Destination> destinations,
                              BiFunction<String, InstanceMove.Plan, MigrationJob> jobs) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.source = source;
        this.instance = instance;
        this.targets = List.copyOf(targets);
        this.destinations = destinations;
        this.jobs = jobs;
        remote.set(preferred != null && targets.contains(preferred) ? preferred : targets.get(0));
        newName.set(instance.name());
        remote.addListener((o, was, now) -> destinationChanged());
        destinationChanged();
    }

    /**
     * For an instance of a connected remote, to {@code targets} (connected remotes of the same kind):
     * destinations from their live collections, the transfer an {@link InstanceMove}.
     */
    public static MigrationViewModel of(TaskExecutor tasks, DialogService dialogs, RemoteModel source,
                                        Instance instance, List<RemoteModel> targets, String preferred) {
        Function<String, RemoteModel> named = name -> targets.stream().filter(r -> r.name().equals(name))
                .findFirst().orElseThrow();
        LxdClient from = source.client();
        return new MigrationViewModel(dialogs.i18n(), tasks, dialogs, source.name(), instance,
                targets.stream().map(RemoteModel::name).toList(), preferred,
                name -> Destination.of(named.apply(name)),
                (name, plan) -> new InstanceMove(from, named.apply(name).client(), plan));
    }

    // ---- the first page: where to ----

    public String source() {
        return source;
    }

    public Instance instance() {
        return instance;
    }

    public List<String> targets() {
        return targets;
    }

    public StringProperty remoteProperty() {
        return remote;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    /** True: move (deleted here once the destination has it); false: copy. */
    public BooleanProperty moveProperty() {
        return move;
    }

    public BooleanProperty liveProperty() {
        return live;
    }

    public BooleanProperty instanceOnlyProperty() {
        return instanceOnly;
    }

    /** Only a running instance can go live; a stopped one goes as it is. */
    public boolean liveAllowed() {
        return instance.running();
    }

    /** Whether the transfer keeps the instance running (live was ticked, and it runs). */
    public boolean liveChosen() {
        return live.get() && liveAllowed();
    }

    /** What happens to the instance during the transfer, live or not. */
    public String modeHint() {
        return i18n.get(liveAllowed() ? "migrate.liveHint" : "migrate.stoppedHint");
    }

    public String whereProblem() {
        if (remote.get() == null) {
            return i18n.get("migrate.problem.remote");
        }
        return NameRules.check(name()).map(p -> i18n.get(p.messageKey)).orElse(null);
    }

    private String name() {
        return newName.get() == null ? "" : newName.get().trim();
    }

    // ---- the second page: storage and profiles, checked against the destination ----

    /** What the chosen remote has now; null while it is being read. */
    public ReadOnlyObjectProperty<Destination> destinationProperty() {
        return destination.getReadOnlyProperty();
    }

    /** The destination's pools to choose from. */
    public ObservableList<String> pools() {
        return pools;
    }

    public StringProperty poolProperty() {
        return pool;
    }

    public BooleanProperty copyProfilesProperty() {
        return copyProfiles;
    }

    /** Reads the destination again: call when the chosen remote's collections changed. */
    public void destinationChanged() {
        Destination now = remote.get() == null ? null : destinations.apply(remote.get());
        if (now != null) {
            String chosen = pool.get();
            pools.setAll(now.sortedPools());
            pool.set(chosen != null && now.pools().contains(chosen) ? chosen : now.defaultPool(instance));
        } else {
            pools.clear();
        }
        destination.set(now);
    }

    public List<String> wantedProfiles() {
        return instance.profiles() == null ? List.of() : instance.profiles();
    }

    /** The profiles the destination lacks (none while it is being read). */
    public List<String> missingProfiles() {
        Destination d = destination.get();
        return d == null ? List.of() : d.missingProfiles(wantedProfiles());
    }

    /** One line per profile: present on the destination or missing there. */
    public String profilesText() {
        List<String> missing = missingProfiles();
        List<String> lines = new ArrayList<>();
        for (String p : wantedProfiles()) {
            lines.add(i18n.format(missing.contains(p) ? "migrate.profileMissing" : "migrate.profilePresent", p));
        }
        return lines.isEmpty() ? i18n.get("migrate.noProfiles") : String.join("\n", lines);
    }

    public String storageProblem() {
        String where = whereProblem();
        if (where != null) {
            return where;
        }
        Destination d = destination.get();
        if (d == null) {
            return i18n.get("migrate.checking");
        }
        if (d.hasInstance(name())) {
            return i18n.format("migrate.problem.nameTaken", name(), d.remote());
        }
        if (pool.get() == null) {
            return i18n.format("migrate.problem.noPool", d.remote());
        }
        if (!missingProfiles().isEmpty() && !copyProfiles.get()) {
            return i18n.format("migrate.problem.profiles", String.join(", ", missingProfiles()));
        }
        return null;
    }

    // ---- the last page: review and transfer ----

    public String summary() {
        List<String> missing = missingProfiles();
        return i18n.format(move.get() ? "migrate.summary.move" : "migrate.summary.copy",
                instance.name(), source, name(), remote.get(), pool.get(), String.join(", ", wantedProfiles()),
                i18n.get(liveChosen() ? "migrate.mode.live" : "migrate.mode.cold"),
                missing.isEmpty() ? "" : i18n.format("migrate.summary.copiesProfiles", String.join(", ", missing)));
    }

    /** What Finish sends: the migration, and the profiles copied before it. */
    public InstanceMove.Plan plan() {
        return new InstanceMove.Plan(new InstanceMigration.Request(instance.name(), name(), pool.get(),
                wantedProfiles(), move.get(), liveChosen(), instanceOnly.get()), missingProfiles());
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

    /**
     * Runs the transfer in the background. {@code onDone} runs once the destination has
     * the instance; {@code onFailed} when not, before the failure is shown.
     */
    public void finish(Runnable onDone, Runnable onFailed) {
        String target = remote.get();
        InstanceMove.Plan plan = plan();
        MigrationJob job = jobs.apply(target, plan);
        running = job;
        working.set(true);
        progress.set(INDETERMINATE);
        progressText.set(i18n.get("migrate.starting"));
        String headline = plan.request().move() ? i18n.format("migrate.moveFailed", instance.name(), target)
                : i18n.format("migrate.copyFailed", instance.name(), target);
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
            destinationChanged();
            onFailed.run();
            dialogs.showError(headline, failure);
        }));
    }

    private void finished() {
        running = null;
        working.set(false);
    }

    /** Asks both servers to stop the transfer; it then fails and the source stays as it was. */
    public void cancel() {
        MigrationJob job = running;
        if (job != null) {
            progressText.set(i18n.get("migrate.cancelling"));
            tasks.runInBackground(job::cancel);
        }
    }
}
