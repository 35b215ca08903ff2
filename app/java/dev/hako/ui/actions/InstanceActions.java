package dev.hako.ui.actions;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstanceSnapshotsPost;
import dev.hako.lxd.api.InstanceStatePut;
import dev.hako.lxd.api.InstanceStatus;
import dev.hako.lxd.api.InstancesPost;
import dev.hako.model.ActionCommands;
import dev.hako.model.RemoteModel;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.CommandBox;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.NameDialog;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * Everything that can be done to instances from the tree, the toolbar or a detail
 * view. Each action asks what it needs, checks input before sending, and runs its
 * calls in the background; the tree updates itself from the server's events.
 */
public final class InstanceActions {

    /** Generous: an image may need to be unpacked, a stop waits for the guest. */
    static final Duration OPERATION_TIMEOUT = Duration.ofMinutes(30);
    /** How long a clean stop before a rename may take; the server says so when it is not enough. */
    private static final int STOP_SECONDS = 60;

    private final ActionContext context;
    private final I18n i18n;

    public InstanceActions(ActionContext context) {
        this.context = context;
        this.i18n = context.i18n();
    }

    private static List<String> names(List<Instance> instances) {
        return instances.stream().map(Instance::name).toList();
    }

    private void changeState(RemoteModel remote, List<Instance> instances, ActionContext.BulkHeadlines headlines,
                             InstanceStatePut action) {
        LxdClient client = context.clientOf(remote);
        if (client == null || instances.isEmpty()) {
            return;
        }
        context.performEach(headlines, names(instances),
                name -> client.instances().changeState(name, action).awaitSuccess(OPERATION_TIMEOUT), () -> { });
    }

    /** Of a selection, those a bulk start applies to: all that do not run. */
    static List<Instance> startable(List<Instance> instances) {
        return instances.stream().filter(i -> !i.running()).toList();
    }

    /** Those a stop (or delete's stop-first) applies to: all that are not stopped, frozen ones included. */
    static List<Instance> active(List<Instance> instances) {
        return instances.stream().filter(i -> i.statusCode() != InstanceStatus.STOPPED).toList();
    }

    static List<Instance> freezable(List<Instance> instances) {
        return instances.stream().filter(Instance::running).toList();
    }

    static List<Instance> frozen(List<Instance> instances) {
        return instances.stream().filter(i -> i.statusCode() == InstanceStatus.FROZEN).toList();
    }

    public void start(RemoteModel remote, List<Instance> instances) {
        changeState(remote, startable(instances), new ActionContext.BulkHeadlines(
                name -> i18n.format("action.start.failedOne", name),
                (failed, total) -> i18n.format("action.start.failedMany", failed, total)), InstanceStatePut.start());
    }

    public void restart(RemoteModel remote, List<Instance> instances) {
        LxdClient client = context.clientOf(remote);
        if (client == null) {
            return;
        }
        ActionCommands commands = ActionContext.commands(remote, client);
        StopChoice choice = askStop(i18n.get("action.restart"), instances,
                (timeout, force) -> commands.restart(names(instances), timeout, force)).orElse(null);
        if (choice != null) {
            changeState(remote, instances, new ActionContext.BulkHeadlines(
                    name -> i18n.format("action.restart.failedOne", name),
                    (failed, total) -> i18n.format("action.restart.failedMany", failed, total)),
                    InstanceStatePut.restart(choice.timeout, choice.force));
        }
    }

    public void stop(RemoteModel remote, List<Instance> instances) {
        List<Instance> active = active(instances);
        LxdClient client = context.clientOf(remote);
        if (active.isEmpty() || client == null) {
            return;
        }
        ActionCommands commands = ActionContext.commands(remote, client);
        askStop(i18n.get("action.stop"), active, (timeout, force) -> commands.stop(names(active), timeout, force))
                .ifPresent(choice -> changeState(remote, active,
                new ActionContext.BulkHeadlines(name -> i18n.format("action.stop.failedOne", name),
                        (failed, total) -> i18n.format("action.stop.failedMany", failed, total)),
                InstanceStatePut.stop(choice.timeout, choice.force)));
    }

    public void freeze(RemoteModel remote, List<Instance> instances) {
        changeState(remote, freezable(instances), new ActionContext.BulkHeadlines(
                name -> i18n.format("action.freeze.failedOne", name),
                (failed, total) -> i18n.format("action.freeze.failedMany", failed, total)), InstanceStatePut.freeze());
    }

    public void unfreeze(RemoteModel remote, List<Instance> instances) {
        changeState(remote, frozen(instances), new ActionContext.BulkHeadlines(
                name -> i18n.format("action.unfreeze.failedOne", name),
                (failed, total) -> i18n.format("action.unfreeze.failedMany", failed, total)),
                InstanceStatePut.unfreeze());
    }

    /** Stops every running instance of a remote (what {@code lxd shutdown} does to them). */
    public void stopAll(RemoteModel remote) {
        List<Instance> active = active(List.copyOf(remote.instances().snapshot().values()));
        if (active.isEmpty()) {
            context.dialogs().inform(i18n.get("action.stopAll"), i18n.get("action.stopAll.none"));
            return;
        }
        if (context.dialogs().confirm(i18n.get("action.stopAll"),
                i18n.format("action.stopAll.confirm", active.size(), remote.name()))) {
            stop(remote, active);
        }
    }

    /** Graceful stop with a timeout, or a forced one. */
    record StopChoice(Integer timeout, boolean force) {
    }

    private Optional<StopChoice> askStop(String title, List<Instance> instances,
                                         java.util.function.BiFunction<Integer, Boolean, String> commandOf) {
        Spinner<Integer> timeout = new Spinner<>(1, 3600, 30);
        timeout.setEditable(true);
        timeout.setId("stopTimeout");
        CheckBox force = new CheckBox(i18n.get("action.stop.force"));
        force.setId("stopForce");
        timeout.disableProperty().bind(force.selectedProperty());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(i18n.get("action.stop.timeout")), timeout);
        grid.add(force, 0, 1, 2, 1);
        javafx.beans.binding.StringBinding command = javafx.beans.binding.Bindings.createStringBinding(
                () -> commandOf.apply(timeout.getValue(), force.isSelected()), timeout.valueProperty(),
                force.selectedProperty());
        grid.add(CommandBox.of(i18n, CommandBox.program(command.get()), command, "stopCommand"), 0, 2, 2, 1);
        String header = instances.size() == 1 ? i18n.format("action.stop.one", instances.get(0).name())
                : i18n.format("action.stop.many", instances.size());
        return context.dialogs().showForm(title, header, grid, null).filter(ButtonType.OK::equals)
                .map(b -> new StopChoice(force.isSelected() ? null : timeout.getValue(), force.isSelected()));
    }

    /** Renames a stopped instance; the state is read fresh, since the tree may lag a moment behind. */
    public void rename(RemoteModel remote, Instance instance) {
        LxdClient client = context.clientOf(remote);
        if (client == null) {
            return;
        }
        context.tasks().execute(BackgroundTask.of(progress -> client.instances().get(instance.name()).value())
                .onSuccess(fresh -> askRename(remote, client, fresh))
                .onFailure(failure -> context.dialogs().showError(i18n.format("action.rename.failed",
                        instance.name()), failure)));
    }

    /**
     * The servers rename only stopped instances: a running one is offered a stop, the
     * rename, and a start again under the new name.
     */
    private void askRename(RemoteModel remote, LxdClient client, Instance fresh) {
        boolean running = fresh.statusCode() != InstanceStatus.STOPPED;
        if (running && !context.dialogs().confirm(i18n.get("action.rename"),
                i18n.format("action.rename.offerRestart", fresh.name()))) {
            return;
        }
        ActionCommands commands = ActionContext.commands(remote, client);
        context.dialogs().askName(i18n.get("action.rename"), i18n.format("action.rename.prompt", fresh.name()),
                fresh.name(), NameDialog.objectNames(i18n, false), name -> commands.rename(fresh.name(), name))
                .filter(n -> !n.equals(fresh.name()))
                .ifPresent(newName -> context.perform(i18n.format("action.rename.failed", fresh.name()), () -> {
                    if (running) {
                        client.instances().changeState(fresh.name(), InstanceStatePut.stop(STOP_SECONDS, false))
                                .awaitSuccess(OPERATION_TIMEOUT);
                    }
                    client.instances().rename(fresh.name(), newName).awaitSuccess(OPERATION_TIMEOUT);
                    if (running) {
                        client.instances().changeState(newName, InstanceStatePut.start()).awaitSuccess(OPERATION_TIMEOUT);
                    }
                }, () -> context.showInstance(remote.name(), newName)));
    }

    public void copy(RemoteModel remote, Instance instance) {
        LxdClient client = context.clientOf(remote);
        if (client == null) {
            return;
        }
        CheckBox withSnapshots = new CheckBox(i18n.get("action.copy.withSnapshots"));
        withSnapshots.setId("copyWithSnapshots");
        context.dialogs().askName(i18n.get("action.copy"),
                i18n.format("action.copy.prompt", instance.name()), instance.name() + "-copy",
                NameDialog.objectNames(i18n, false), name -> ActionContext.commands(remote, client)
                        .copy(instance.name(), name, !withSnapshots.isSelected()), withSnapshots)
                .ifPresent(newName -> context.perform(i18n.format("action.copy.failed", instance.name(), newName), () -> {
                    Instance fresh = client.instances().get(instance.name()).value();
                    client.instances().create(InstancesPost.copyOf(fresh, newName, !withSnapshots.isSelected()))
                            .awaitSuccess(OPERATION_TIMEOUT);
                }, () -> context.showInstance(remote.name(), newName)));
    }

    /** Deletes; running instances are offered a stop first, and the user types the name (or count) to confirm. */
    public void delete(RemoteModel remote, List<Instance> instances) {
        LxdClient client = context.clientOf(remote);
        if (client == null || instances.isEmpty()) {
            return;
        }
        // The snapshots go with their instance: count them first, so the confirmation can say so.
        ActionContext.BulkHeadlines headlines = new ActionContext.BulkHeadlines(
                name -> i18n.format("action.delete.failedOne", name),
                (failed, total) -> i18n.format("action.delete.failedMany", failed, total));
        context.tasks().execute(BackgroundTask.of(progress -> snapshotCounts(client, instances))
                .onSuccess(counts -> confirmDelete(ActionContext.commands(remote, client), client, instances, counts,
                        headlines))
                .onFailure(failure -> context.dialogs().showError(headlines.all(names(instances)), failure)));
    }

    private static java.util.Map<String, Integer> snapshotCounts(LxdClient client, List<Instance> instances)
            throws InterruptedException {
        java.util.Map<String, Integer> counts = new java.util.concurrent.ConcurrentHashMap<>();
        // An instance whose snapshots cannot be listed (gone meanwhile) counts none: the delete says what is wrong.
        dev.hako.ui.common.BulkCalls.run(names(instances),
                name -> counts.put(name, client.instances().snapshotNames(name).size()), 4, Throwable::toString);
        return counts;
    }

    private void confirmDelete(ActionCommands commands, LxdClient client, List<Instance> instances,
                               java.util.Map<String, Integer> snapshots, ActionContext.BulkHeadlines headlines) {
        List<Instance> running = active(instances);
        CheckBox stopFirst = new CheckBox(i18n.format("action.delete.stopFirst", running.size()));
        stopFirst.setId("deleteStopFirst");
        stopFirst.setSelected(!running.isEmpty());
        stopFirst.setVisible(!running.isEmpty());
        stopFirst.setManaged(!running.isEmpty());
        String expected = instances.size() == 1 ? instances.get(0).name() : Integer.toString(instances.size());
        String header = instances.size() == 1 ? i18n.format("action.delete.one", expected)
                : i18n.format("action.delete.many", instances.size());
        int snapshotTotal = snapshots.values().stream().mapToInt(Integer::intValue).sum();
        List<String> listed = new java.util.ArrayList<>();
        for (String name : names(instances)) {
            int count = snapshots.getOrDefault(name, 0);
            listed.add(count == 0 ? name : i18n.format("action.delete.withSnapshots", name, count));
        }
        String details = String.join(", ", listed) + "\n" + i18n.format(instances.size() == 1
                ? "action.delete.snapshotsOne" : "action.delete.snapshotsMany", snapshotTotal);
        javafx.beans.binding.StringBinding command = javafx.beans.binding.Bindings.createStringBinding(
                () -> commands.delete(names(instances), stopFirst.isSelected()), stopFirst.selectedProperty());
        VBox commandBox = CommandBox.of(i18n, commands.program(), command, "deleteCommand");
        if (!context.dialogs().confirmByName(header, details, expected, stopFirst, commandBox)) {
            return;
        }
        boolean stop = stopFirst.isSelected();
        context.performEach(headlines, names(instances), name -> {
            if (stop && client.instances().get(name).value().statusCode() != InstanceStatus.STOPPED) {
                client.instances().changeState(name, InstanceStatePut.stop(null, true))
                        .awaitSuccess(OPERATION_TIMEOUT);
            }
            client.instances().delete(name).awaitSuccess(OPERATION_TIMEOUT);
        }, () -> { });
    }

    public void createSnapshot(RemoteModel remote, Instance instance) {
        createSnapshot(remote, instance, () -> { });
    }

    public void createSnapshot(RemoteModel remote, Instance instance, Runnable onDone) {
        LxdClient client = context.clientOf(remote);
        if (client == null) {
            return;
        }
        CheckBox stateful = new CheckBox(i18n.get("action.snapshot.stateful"));
        stateful.setId("snapshotStateful");
        stateful.setDisable(!instance.running());
        context.dialogs().askName(i18n.get("action.snapshot"),
                i18n.format("action.snapshot.prompt", instance.name()), "", NameDialog.objectNames(i18n, true),
                name -> ActionContext.commands(remote, client).snapshot(instance.name(), name, stateful.isSelected()),
                stateful).ifPresent(name -> context.perform(i18n.format("action.snapshot.failed", instance.name()),
                        () -> client.instances().createSnapshot(instance.name(), new InstanceSnapshotsPost(
                                name.isEmpty() ? null : name, stateful.isSelected(), null))
                                .awaitSuccess(OPERATION_TIMEOUT), onDone));
    }

    public void restoreSnapshot(RemoteModel remote, String instance, String snapshot, Runnable onDone) {
        LxdClient client = context.clientOf(remote);
        if (client != null && context.dialogs().confirm(i18n.get("action.snapshot.restore"),
                i18n.format("action.snapshot.restore.confirm", instance, snapshot),
                ActionContext.commands(remote, client).restoreSnapshot(instance, snapshot))) {
            context.perform(i18n.format("action.snapshot.restore.failed", instance, snapshot), () -> client.instances()
                    .restoreSnapshot(instance, snapshot).awaitSuccess(OPERATION_TIMEOUT), onDone);
        }
    }

    public void deleteSnapshot(RemoteModel remote, String instance, String snapshot, Runnable onDone) {
        LxdClient client = context.clientOf(remote);
        if (client != null && context.dialogs().confirm(i18n.get("action.snapshot.delete"),
                i18n.format("action.snapshot.delete.confirm", instance, snapshot),
                ActionContext.commands(remote, client).deleteSnapshot(instance, snapshot))) {
            context.perform(i18n.format("action.snapshot.delete.failed", instance, snapshot), () -> client.instances()
                    .deleteSnapshot(instance, snapshot).awaitSuccess(OPERATION_TIMEOUT), onDone);
        }
    }

    /** "Forward a port…": the instance's proxy devices and a form for a new one. */
    public void forwardPort(RemoteModel remote, Instance instance) {
        dev.hako.ui.network.PortForwardDialog.open(context.tasks(), context.dialogs(), remote, instance.name());
    }

    public void create(RemoteModel remote) {
        LxdClient client = context.clientOf(remote);
        if (client != null) {
            dev.hako.ui.wizard.instance.NewInstanceWizard.open(context.owner(), i18n, context.workspace(), remote,
                    created -> context.showInstance(remote.name(), created));
        }
    }
}
