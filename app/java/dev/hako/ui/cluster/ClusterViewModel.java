package dev.hako.ui.cluster;

import dev.hako.lxd.api.ClusterMember;
import dev.hako.model.CollectionListener;
import dev.hako.model.RemoteModel;
import dev.hako.remote.cluster.ClusterLocations;
import dev.hako.remote.cluster.JoinToken;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.TaskHandle;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The cluster view's state: the members as the model has them, the one selected (kept
 * by name across updates), what can be done to it, and the status line of a running
 * change, which reads its texts again when the language changes.
 */
public final class ClusterViewModel implements ClusterActions.Progress {

    /** Progress while a change has not said how far it is. */
    static final double INDETERMINATE = -1;

    private final RemoteModel remote;
    private final I18n i18n;
    private final ClusterActions actions;
    /** Fewer members than this keep no copy of the database if one fails. */
    static final int REDUNDANT_MEMBERS = 3;

    private final TaskExecutor tasks;
    private final ObservableList<ClusterMember> members = FXCollections.observableArrayList();
    private final ObservableList<ClusterLocations.Location> locations = FXCollections.observableArrayList();
    private final ObservableList<JoinToken> tokens = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper redundancyHint = new ReadOnlyStringWrapper(this, "redundancyHint", "");
    private final ReadOnlyStringWrapper locationsProblem = new ReadOnlyStringWrapper(this, "locationsProblem", "");
    private TaskHandle loading;
    private final StringProperty selected = new SimpleStringProperty(this, "selected");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", INDETERMINATE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final BooleanSupplier isConnected;
    private final CollectionListener<ClusterMember> listener;
    private final BooleanBinding canEvacuate;
    private final BooleanBinding canRestore;
    private final BooleanBinding canRemove;
    private Supplier<String> statusText = () -> "";
    private String wanted;
    private boolean following;

    /** {@code wanted} is the member to select once it shows up (may be null). */
    public ClusterViewModel(RemoteModel remote, I18n i18n, TaskExecutor tasks, ClusterActions actions,
                            String wanted) {
        this(remote, () -> remote.client() != null, i18n, tasks, actions, wanted);
    }

    /** {@code connectedNow} tells whether the remote can be acted on now. */
    ClusterViewModel(RemoteModel remote, BooleanSupplier connectedNow, I18n i18n, TaskExecutor tasks,
                     ClusterActions actions, String wanted) {
        this.remote = remote;
        this.isConnected = connectedNow;
        this.i18n = i18n;
        this.actions = actions;
        this.tasks = tasks;
        this.wanted = wanted;
        this.listener = change -> tasks.runOnUi(() -> show(List.copyOf(change.snapshot().values())));
        canEvacuate = Bindings.createBooleanBinding(() -> connected.get() && selectedMember().isPresent()
                && !evacuated(selectedMember().get()), connected, selected, members);
        canRestore = Bindings.createBooleanBinding(() -> connected.get() && selectedMember().isPresent()
                && evacuated(selectedMember().get()), connected, selected, members);
        canRemove = Bindings.createBooleanBinding(() -> connected.get() && selected.get() != null, connected,
                selected);
        connected.set(isConnected.getAsBoolean());
        if (!connected.get()) {
            setStatus(() -> i18n.format("cluster.offline", remote.name()));
        }
    }

    private static boolean evacuated(ClusterMember member) {
        return member.status() != null && "evacuated".equals(member.status().toLowerCase(Locale.ROOT));
    }

    /** Starts following the model's members (again); they arrive on the UI thread. */
    public void follow() {
        if (!following) {
            following = true;
            remote.clusterMembers().addListener(listener);
        }
    }

    /** Stops following, when the view leaves the window. */
    public void unfollow() {
        if (following) {
            following = false;
            remote.clusterMembers().removeListener(listener);
        }
    }

    /** The members as now known; the selection is kept by name, or the wanted one chosen. */
    void show(List<ClusterMember> now) {
        String keep = selected.get() != null ? selected.get() : wanted;
        members.setAll(now);
        connected.set(isConnected.getAsBoolean());
        boolean present = now.stream().anyMatch(m -> m.serverName().equals(keep));
        selected.set(present ? keep : null);
        if (present) {
            wanted = null;
        }
        hint();
        loadLocations();
    }

    /** Reads each member's pools and networks and the pending join tokens again (latest read wins). */
    public void loadLocations() {
        var client = remote.client();
        if (client == null || members.isEmpty()) {
            return;
        }
        if (loading != null) {
            loading.cancel();
        }
        loading = tasks.execute(BackgroundTask.of(p -> ClusterLocations.read(client))
                .onSuccess(read -> {
                    locations.setAll(read.locations());
                    tokens.setAll(read.pendingTokens());
                    locationsProblem.set("");
                })
                .onFailure(failure -> locationsProblem.set(i18n.format("cluster.locations.failed",
                        failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage()))));
    }

    private void hint() {
        int n = members.size();
        redundancyHint.set(n > 0 && n < REDUNDANT_MEMBERS ? i18n.format("cluster.hint.fewMembers", n) : "");
    }

    /** Each member's storage pools and managed networks, with its status and its own config there. */
    public ObservableList<ClusterLocations.Location> locations() {
        return locations;
    }

    /** Join tokens handed out and not used yet. */
    public ObservableList<JoinToken> tokens() {
        return tokens;
    }

    /** Non-empty while the cluster has fewer than three members: no database redundancy. */
    public ReadOnlyStringProperty redundancyHintProperty() {
        return redundancyHint.getReadOnlyProperty();
    }

    /** Why the pools, networks and tokens could not be read; empty when they could. */
    public ReadOnlyStringProperty locationsProblemProperty() {
        return locationsProblem.getReadOnlyProperty();
    }

    /** Revokes a pending join token, then reads the tokens again. */
    public void revoke(JoinToken token) {
        if (token != null) {
            actions.revokeToken(token, this::loadLocations);
        }
    }

    public String remoteName() {
        return remote.name();
    }

    public ObservableList<ClusterMember> members() {
        return members;
    }

    /** The selected member's name, or null. */
    public StringProperty selectedProperty() {
        return selected;
    }

    public Optional<ClusterMember> selectedMember() {
        return members.stream().filter(m -> m.serverName().equals(selected.get())).findFirst();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public BooleanBinding canEvacuate() {
        return canEvacuate;
    }

    public BooleanBinding canRestore() {
        return canRestore;
    }

    public BooleanBinding canRemove() {
        return canRemove;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** From 0 to 1, or {@link #INDETERMINATE}. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether a member is the database leader. */
    public static boolean leader(ClusterMember m) {
        return m.roles() != null && m.roles().contains("database-leader");
    }

    // ---- actions on the selected member ----

    public void evacuate() {
        selectedMember().ifPresent(m -> actions.changeState(m.serverName(), true, this));
    }

    public void restore() {
        selectedMember().ifPresent(m -> actions.changeState(m.serverName(), false, this));
    }

    public void remove() {
        selectedMember().ifPresent(m -> actions.remove(m.serverName(), this));
    }

    public void addMember() {
        actions.addMember(this::loadLocations);
    }

    public void refresh() {
        remote.refresh();
        loadLocations();
    }

    /** Reads the status line's text again, in the language now chosen. */
    public void relabel() {
        status.set(statusText.get());
        hint();
    }

    private void setStatus(Supplier<String> text) {
        statusText = text;
        status.set(text.get());
    }

    // ---- the status line, as a running change reports ----

    @Override
    public void started(Supplier<String> text) {
        busy.set(true);
        progress.set(INDETERMINATE);
        setStatus(text);
    }

    @Override
    public void update(Supplier<String> text, double fraction) {
        setStatus(text);
        progress.set(fraction < 0 ? INDETERMINATE : fraction);
    }

    @Override
    public void finished(Supplier<String> text) {
        busy.set(false);
        setStatus(text);
        connected.set(isConnected.getAsBoolean());
    }
}
