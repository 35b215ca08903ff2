package dev.hako.ui.wizard.migrate;

import dev.hako.lxd.InstanceMigration;
import dev.hako.lxd.api.Instance;
import dev.hako.model.NameRules;
import dev.hako.model.RemoteModel;
import dev.hako.model.migration.Destination;
import dev.hako.model.migration.MigrationCommand;
import dev.hako.model.migration.MigrationPlan;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The migration wizard's state: where to (another remote, or another pool, project or
 * cluster member of its own server), under what name, copy or move, live or cold, with or
 * without snapshots; the pool and profiles on the destination; the pre-flight checks; and
 * the transfer, with its progress, Cancel, the equivalent CLI commands, and a cold move
 * offered when a live one fails. Page by page, each check says what is still wrong.
 */
public final class MigrationViewModel {

    private final I18n i18n;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final String source;
    private final Instance instance;
    private final List<String> targets;
    private final MigrationRemotes remotes;
    private final PreflightViewModel preflight;
    private final MigrationTransfer transfer;

    private final StringProperty remote = new SimpleStringProperty(this, "remote");
    private final StringProperty member = new SimpleStringProperty(this, "member");
    private final StringProperty project = new SimpleStringProperty(this, "project");
    private final StringProperty newName = new SimpleStringProperty(this, "newName");
    private final BooleanProperty move = new SimpleBooleanProperty(this, "move");
    private final BooleanProperty live = new SimpleBooleanProperty(this, "live");
    private final BooleanProperty instanceOnly = new SimpleBooleanProperty(this, "instanceOnly");
    private final StringProperty pool = new SimpleStringProperty(this, "pool");
    private final BooleanProperty copyProfiles = new SimpleBooleanProperty(this, "copyProfiles");
    private final ReadOnlyObjectWrapper<Destination> destination = new ReadOnlyObjectWrapper<>(this, "destination");
    private final ObservableList<String> pools = FXCollections.observableArrayList();
    private final ObservableList<String> members = FXCollections.observableArrayList();
    private final ObservableList<String> projects = FXCollections.observableArrayList();

    /**
     * {@code targets} are the remotes it may go to: {@code source} itself (for another pool,
     * project or member) and the connected remotes of the same kind; {@code preferred} the
     * one chosen first (a drop on its row), {@code preferredMember} a cluster member of it.
     */
    public MigrationViewModel(I18n i18n, TaskExecutor tasks, DialogService dialogs, String source, Instance instance,
                              List<String> targets, String preferred, String preferredMember,
                              MigrationRemotes remotes) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.source = source;
        this.instance = instance;
        this.targets = List.copyOf(targets);
        this.remotes = remotes;
        this.preflight = new PreflightViewModel(i18n, tasks, remotes);
        this.transfer = new MigrationTransfer(i18n, tasks, dialogs, remotes, source, instance.name(), live);
        remote.set(preferred != null && targets.contains(preferred) ? preferred
                : targets.stream().filter(t -> !t.equals(source)).findFirst().orElse(targets.get(0)));
        newName.set(instance.name());
        remote.addListener((o, was, now) -> {
            // Another server: its own default pool (the instance's own one within its server).
            member.set(null);
            project.set(null);
            pool.set(null);
            destinationChanged();
        });
        destinationChanged();
        if (preferredMember != null && members.contains(preferredMember)) {
            member.set(preferredMember);
        }
    }

    /** For an instance of a connected remote, to itself and {@code others} (connected, of the same kind). */
    public static MigrationViewModel of(TaskExecutor tasks, DialogService dialogs, RemoteModel source,
                                        Instance instance, List<RemoteModel> others, String preferred,
                                        String preferredMember) {
        List<String> names = new ArrayList<>();
        names.add(source.name());
        others.forEach(r -> names.add(r.name()));
        return new MigrationViewModel(dialogs.i18n(), tasks, dialogs, source.name(), instance, names, preferred,
                preferredMember, MigrationRemotes.of(source, others));
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

    /** How a remote reads in the list: the instance's own one says so. */
    public String targetLabel(String name) {
        return name == null ? "" : name.equals(source) ? i18n.format("migrate.sameServer", name) : name;
    }

    public StringProperty remoteProperty() {
        return remote;
    }

    /** The cluster member to go to; null lets the server or cluster choose. */
    public StringProperty memberProperty() {
        return member;
    }

    /** The project on its own server to go to; null keeps the one it is in. */
    public StringProperty projectProperty() {
        return project;
    }

    /** The chosen remote's cluster members (empty when it is not clustered). */
    public ObservableList<String> members() {
        return members;
    }

    /** The projects of the instance's own server, to move into (empty for another remote). */
    public ObservableList<String> projects() {
        return projects;
    }

    public boolean withinServer() {
        return source.equals(remote.get());
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

    /**
     * Only a running instance can go live; within its server only to another cluster member
     * (the servers move a running container to another pool or project only stopped).
     */
    public boolean liveAllowed() {
        return instance.running() && (!withinServer() || member.get() != null
                || "virtual-machine".equals(instance.type()));
    }

    /** Whether the transfer keeps the instance running (live was ticked, and it can be). */
    public boolean liveChosen() {
        return live.get() && liveAllowed();
    }

    /** What happens to the instance during the transfer, live or not. */
    public String modeHint() {
        return i18n.get(liveAllowed() ? "migrate.liveHint" : instance.running() ? "migrate.coldHint"
                : "migrate.stoppedHint");
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

    /**
     * Reads the destination again: call when the chosen remote's collections changed. The
     * checks already made are dropped only when what the destination holds changed (an
     * instance starting elsewhere leaves them standing).
     */
    public void destinationChanged() {
        Destination now = remote.get() == null ? null : remotes.destination(remote.get());
        if (now != null) {
            String chosen = pool.get();
            if (!pools.equals(now.sortedPools())) {
                pools.setAll(now.sortedPools());
            }
            pool.set(chosen != null && now.pools().contains(chosen) ? chosen : now.defaultPool(instance));
            replace(members, now.members(), member);
            replace(projects, withinServer() ? now.projects() : List.of(), project);
        } else {
            pools.clear();
        }
        if (!Objects.equals(now, destination.get())) {
            destination.set(now);
            preflight.invalidate();
        }
    }

    /** Sets a choice list, and forgets the chosen item when it is no longer there. */
    private static void replace(ObservableList<String> list, List<String> items, StringProperty chosen) {
        if (!list.equals(items)) {
            list.setAll(items);
        }
        if (chosen.get() != null && !items.contains(chosen.get())) {
            chosen.set(null);
        }
    }

    public List<String> wantedProfiles() {
        return instance.profiles() == null ? List.of() : instance.profiles();
    }

    /** The profiles the destination lacks (none while it is being read, none within its server). */
    public List<String> missingProfiles() {
        Destination d = destination.get();
        return d == null || withinServer() ? List.of() : d.missingProfiles(wantedProfiles());
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
        // Names are known in its own project only; another project's server says so itself.
        if (d.hasInstance(name()) && project.get() == null
                && !(withinServer() && move.get() && name().equals(instance.name()))) {
            return i18n.format("migrate.problem.nameTaken", name(), d.remote());
        }
        if (pool.get() == null) {
            return i18n.format("migrate.problem.noPool", d.remote());
        }
        if (withinServer() && move.get() && nothingChanges()) {
            return i18n.get("migrate.problem.nothingChanges");
        }
        if (!missingProfiles().isEmpty() && !copyProfiles.get()) {
            return i18n.format("migrate.problem.profiles", String.join(", ", missingProfiles()));
        }
        return null;
    }

    private boolean nothingChanges() {
        return name().equals(instance.name()) && Objects.equals(pool.get(), Destination.poolOf(instance))
                && project.get() == null && (member.get() == null || member.get().equals(instance.location()));
    }

    // ---- the third page: pre-flight ----

    public PreflightViewModel preflight() {
        return preflight;
    }

    /** Runs the pre-flight checks of the plan as it stands. */
    public void runChecks() {
        if (storageProblem() == null) {
            preflight.run(instance, destination.get(), plan());
        }
    }

    public String checksProblem() {
        String storage = storageProblem();
        return storage != null ? storage : preflight.problem();
    }

    // ---- the last page: review and transfer ----

    public String summary() {
        List<String> missing = missingProfiles();
        String where = remote.get() + (member.get() == null ? "" : " / " + member.get())
                + (project.get() == null ? "" : " (" + project.get() + ")");
        return i18n.format(move.get() ? "migrate.summary.move" : "migrate.summary.copy",
                instance.name(), source, name(), where, pool.get(), String.join(", ", wantedProfiles()),
                i18n.get(liveChosen() ? "migrate.mode.live" : "migrate.mode.cold"),
                missing.isEmpty() ? "" : i18n.format("migrate.summary.copiesProfiles", String.join(", ", missing)));
    }

    /** The name of the CLI that goes with these servers. */
    public String cliName() {
        return remotes.kind().cli();
    }

    /** The {@code lxc}/{@code incus} commands that do the same. */
    public List<String> commandLines() {
        return MigrationCommand.lines(remotes.kind(), plan(), instance.running());
    }

    /** What Finish sends: the migration, and the profiles copied before it. */
    public MigrationPlan plan() {
        // Within its server, the pool it is on already is no pool move.
        String toPool = withinServer() && Objects.equals(pool.get(), Destination.poolOf(instance)) ? null : pool.get();
        return new MigrationPlan(source, remote.get(), member.get(), project.get(),
                new InstanceMigration.Request(instance.name(), name(), toPool, wantedProfiles(), move.get(),
                        liveChosen(), instanceOnly.get()), missingProfiles());
    }

    /** The transfer: its progress, and Cancel. */
    public MigrationTransfer transfer() {
        return transfer;
    }

    /**
     * Runs the transfer in the background. {@code onDone} runs once the destination has
     * the instance; {@code onFailed} when not, before the failure is shown. When a live
     * transfer fails, the user is offered the same move cold instead.
     */
    public void finish(Runnable onDone, Runnable onFailed) {
        transfer.start(plan(), onDone, () -> {
            destinationChanged();
            onFailed.run();
        });
    }

    /** Asks the servers to stop the transfer; it then fails and the source stays as it was. */
    public void cancel() {
        transfer.cancel();
    }
}
