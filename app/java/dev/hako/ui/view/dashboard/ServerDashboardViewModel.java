package dev.hako.ui.view.dashboard;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.api.ClusterMember;
import dev.hako.lxd.api.Network;
import dev.hako.lxd.api.Operation;
import dev.hako.lxd.api.StoragePool;
import dev.hako.lxd.api.StoragePoolResources;
import dev.hako.lxd.api.Warning;
import dev.hako.model.ConnectionState;
import dev.hako.model.LiveOperations;
import dev.hako.model.RemoteModel;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.LatestTask;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.tree.TreeLabels;
import dev.hako.ui.view.FactSheet;
import dev.hako.ui.view.dashboard.DashboardFigures.Host;
import dev.hako.ui.view.dashboard.DashboardFigures.InstanceCounts;
import dev.hako.ui.view.dashboard.DashboardFigures.PoolUsage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * What one remote's dashboard shows. Counts, pools, networks, members and operations come
 * from the remote's live model whenever it changes; the host's figures, the pools' space and
 * the warnings are read from the server only while the dashboard is on screen, at most once
 * per {@link #PERIOD_NANOS}. Texts are made on request, in the window's language of the moment.
 * Every change bumps {@link #revisionProperty()}: the view draws again from here.
 */
final class ServerDashboardViewModel {

    /** The server's figures are read again at most this often. */
    static final long PERIOD_NANOS = 10_000_000_000L;
    /** Recent operations shown. */
    static final int RECENT_OPERATIONS = 6;

    /** The warnings as read: the open ones, or the server has none to give, or reading failed. */
    record Warnings(List<Warning> open, boolean available, Exception failure) {

        static final Warnings UNAVAILABLE = new Warnings(List.of(), false, null);

        /**
         * Reads them when the server has the extension; a server without it (or one that
         * answers 404 all the same) has none to give, which is no failure.
         */
        static Warnings read(boolean extension, Supplier<List<Warning>> read) {
            if (!extension) {
                return UNAVAILABLE;
            }
            try {
                return new Warnings(DashboardFigures.open(read.get()), true, null);
            } catch (NotFoundException absent) {
                return UNAVAILABLE;
            } catch (RuntimeException failed) {
                return new Warnings(List.of(), true, failed);
            }
        }
    }

    /** One reading of the server: host (or why not), each pool's space (absent: unknown), warnings. */
    record Reading(Host host, Exception hostFailure, Map<String, StoragePoolResources.Space> space, Warnings warnings) {
    }

    private final RemoteModel remote;
    private final I18n i18n;
    private final LatestTask reads;
    private final TaskExecutor tasks;
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private ConnectionState state;
    private InstanceCounts counts = InstanceCounts.NONE;
    private List<StoragePool> pools = List.of();
    private List<Network> networks = List.of();
    private List<ClusterMember> members = List.of();
    private List<LiveOperations.Entry> operations = List.of();
    private Reading reading;
    private long readAt;

    ServerDashboardViewModel(RemoteModel remote, I18n i18n, TaskExecutor tasks) {
        this.remote = remote;
        this.i18n = i18n;
        this.reads = new LatestTask(tasks);
        this.tasks = tasks;
        this.state = remote.state();
    }

    TaskExecutor tasks() {
        return tasks;
    }

    RemoteModel remote() {
        return remote;
    }

    I18n i18n() {
        return i18n;
    }

    /** Bumped after every change of what is shown. */
    ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Takes what the remote's model holds now. UI thread. */
    void modelChanged() {
        ConnectionState now = remote.state();
        if (now.status() != ConnectionState.Status.ONLINE && state.online()) {
            // Figures of a server that went away are no longer true.
            reading = null;
            readAt = 0;
        }
        List<Object> before = List.of(state, counts, pools, networks, members, operations);
        state = now;
        counts = InstanceCounts.of(remote.instances().snapshot().values());
        pools = List.copyOf(remote.storagePools().snapshot().values());
        networks = remote.networks().snapshot().values().stream().filter(Network::managed).toList();
        members = List.copyOf(remote.clusterMembers().snapshot().values());
        operations = recent(remote.operations().entries(), RECENT_OPERATIONS);
        // A change the dashboard does not show (an instance's config) draws nothing again.
        if (!before.equals(List.of(state, counts, pools, networks, members, operations))) {
            bump();
        }
    }

    /** The newest {@code limit} operations, newest first. */
    static List<LiveOperations.Entry> recent(List<LiveOperations.Entry> entries, int limit) {
        List<LiveOperations.Entry> sorted = new ArrayList<>(entries);
        sorted.sort(java.util.Comparator.comparing((LiveOperations.Entry e) -> e.operation().createdAt(),
                java.util.Comparator.nullsLast(java.util.Comparator.<java.time.OffsetDateTime>reverseOrder())));
        return List.copyOf(sorted.subList(0, Math.min(limit, sorted.size())));
    }

    /** Reads the server's figures unless they were read less than a period ago. UI thread. */
    void refreshIfStale(long nowNanos) {
        if (readAt == 0 || nowNanos - readAt >= PERIOD_NANOS) {
            refresh(nowNanos);
        }
    }

    /** Reads the server's figures now, unless a read is under way or the remote is offline. UI thread. */
    void refresh(long nowNanos) {
        LxdClient client = remote.client();
        if (client == null || reads.isRunning()) {
            return;
        }
        readAt = nowNanos;
        Collection<String> poolNames = remote.storagePools().isLoaded()
                ? List.copyOf(remote.storagePools().snapshot().keySet()) : null;
        reads.run(BackgroundTask.of(progress -> read(client, poolNames)).onSuccess(read -> {
            if (!read.equals(reading)) {
                reading = read;
                bump();
            }
        }).onFailure(failed -> {
            reading = new Reading(null, failed, Map.of(), new Warnings(List.of(), true, failed));
            bump();
        }));
    }

    /** Stops a read under way (the dashboard left the screen). */
    void stop() {
        reads.cancel();
    }

    /** One reading; blocking, on a worker thread. Pools the model has not listed yet are listed here. */
    static Reading read(LxdClient client, Collection<String> poolNames) {
        Host host = null;
        Exception hostFailure = null;
        try {
            host = Host.of(client.server().resources());
        } catch (RuntimeException failed) {
            hostFailure = failed;
        }
        Collection<String> names = poolNames != null ? poolNames
                : client.storage().pools().stream().map(StoragePool::name).toList();
        Map<String, StoragePoolResources.Space> space = new HashMap<>();
        for (String pool : names) {
            try {
                StoragePoolResources resources = client.storage().poolResources(pool);
                if (resources != null && resources.space() != null) {
                    space.put(pool, resources.space());
                }
            } catch (RuntimeException unknown) {
                // Some drivers cannot tell their space: the pool shows "unknown", nothing more.
            }
        }
        Warnings warnings = Warnings.read(client.server().hasWarnings(), () -> client.server().warnings());
        return new Reading(host, hostFailure, Map.copyOf(space), warnings);
    }

    private void bump() {
        revision.set(revision.get() + 1);
    }

    // ---- what is shown ----

    ConnectionState state() {
        return state;
    }

    boolean online() {
        return state.online();
    }

    InstanceCounts counts() {
        return counts;
    }

    /** The pools with their space where it has been read. */
    List<PoolUsage> pools() {
        Map<String, StoragePoolResources.Space> space = reading == null ? Map.of() : reading.space();
        return pools.stream().map(p -> {
            StoragePoolResources.Space s = space.get(p.name());
            return new PoolUsage(p.name(), p.driver(), p.status(), s == null ? -1 : s.used(), s == null ? -1 : s.total());
        }).toList();
    }

    /** Whether the server turned out to have no storage pool, i.e. has not been initialised. */
    boolean uninitialised() {
        return state.online() && remote.storagePools().isLoaded() && pools.isEmpty();
    }

    /** Managed networks only: the host's own interfaces are not the server's to manage. */
    List<Network> networks() {
        return networks;
    }

    /** Empty unless the server is clustered. */
    List<ClusterMember> members() {
        return members;
    }

    List<LiveOperations.Entry> operations() {
        return operations;
    }

    /** Null until the first reading. */
    Reading reading() {
        return reading;
    }

    // ---- texts, in the language of the moment ----

    /** "LXD 5.0.2", "connecting…" or "offline: why". */
    String stateText() {
        return TreeLabels.describe(i18n, state);
    }

    /** Whether the server answered but is too old for Hako (a reconnect, by hand, asks again). */
    boolean tooOld() {
        return state.status() == ConnectionState.Status.TOO_OLD;
    }

    /** Asks the server again, after an upgrade. UI thread; the model connects on its own thread. */
    void reconnect() {
        remote.reconnect();
    }

    /** Why there is nothing to show for an offline or too old remote. */
    String offlineText() {
        if (tooOld()) {
            return i18n.format("remote.named", remote.name(), FailureText.of(i18n, state.failure()));
        }
        String why = state.failure() != null ? FailureText.of(i18n, state.failure())
                : state.reason() == null ? "" : state.reason();
        return i18n.format("dashboard.offline", remote.name(), why);
    }

    String failureText(Exception failed) {
        return i18n.format("dashboard.readFailed", FailureText.of(i18n, failed));
    }

    String cpuText(Host host) {
        return i18n.format("dashboard.cpu", host.cores(), host.threads());
    }

    String spaceText(long used, long total) {
        return i18n.format("dashboard.space", FactSheet.bytes(used), FactSheet.bytes(total),
                DashboardFigures.percent(DashboardFigures.fraction(used, total), i18n.locale()));
    }

    /** "Creating instance (web)", the server's words with the objects it works on. */
    static String operationText(Operation op) {
        List<String> objects = objectsOf(op);
        return op.description() + (objects.isEmpty() ? "" : " (" + String.join(", ", objects) + ")");
    }

    /** The instance an operation works on, if any, to go to. */
    static String instanceOf(Operation op) {
        if (op.resources() == null || op.resources().get("instances") == null) {
            return null;
        }
        return op.resources().get("instances").stream().filter(u -> !u.contains("/snapshots/"))
                .map(DashboardFigures::lastSegment).findFirst().orElse(null);
    }

    static List<String> objectsOf(Operation op) {
        List<String> names = new ArrayList<>();
        if (op.resources() != null) {
            op.resources().values().stream().filter(java.util.Objects::nonNull).forEach(urls -> urls.forEach(url -> {
                String name = DashboardFigures.lastSegment(url);
                if (!names.contains(name) && !url.contains("/operations/")) {
                    names.add(name);
                }
            }));
        }
        return names;
    }

    String operationState(LiveOperations.Entry entry) {
        if (entry.vanished()) {
            return i18n.get("dashboard.operation.ended");
        }
        return entry.operation().status();
    }

    String when(java.time.OffsetDateTime time) {
        return i18n.dateTime(time, "dashboard.never");
    }
}
