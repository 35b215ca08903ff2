package dev.hako.ui.view.dashboard;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Network;
import dev.hako.model.ConnectionState;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.tree.TreeLabels;
import dev.hako.ui.view.dashboard.DashboardFigures.InstanceCounts;
import dev.hako.ui.view.dashboard.ServerDashboardViewModel.Warnings;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * The overview across every remote of the window: one row each with its state and the
 * counts its model holds, and its open warnings, read (one request per remote) only while
 * the overview is on screen. Every change bumps {@link #revisionProperty()}.
 */
final class AllRemotesOverviewViewModel {

    /** One remote as the overview shows it; {@code warnings} null until read, or when it cannot tell. */
    record Row(String name, ConnectionState state, InstanceCounts counts, int pools, int networks, int members,
               Warnings warnings) {

        /** What the row shows: a remote's failed retry is a new exception, but the same words. */
        List<Object> shown() {
            RuntimeException failure = state.failure();
            return java.util.Arrays.asList(name, state.status(), state.kind(), state.version(), state.reason(),
                    failure == null ? null : failure.getClass().getName() + ": " + failure.getMessage(), counts, pools,
                    networks, members, warnings);
        }
    }

    private final Workspace workspace;
    private final I18n i18n;
    private final TaskExecutor tasks;
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final Map<String, Warnings> warnings = new HashMap<>();
    private final Set<String> reading = new HashSet<>();
    private List<Row> rows = List.of();
    private long generation;

    AllRemotesOverviewViewModel(Workspace workspace, I18n i18n, TaskExecutor tasks) {
        this.workspace = workspace;
        this.i18n = i18n;
        this.tasks = tasks;
    }

    I18n i18n() {
        return i18n;
    }

    Workspace workspace() {
        return workspace;
    }

    ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    List<Row> rows() {
        return rows;
    }

    /** Takes what every remote's model holds now. UI thread. */
    void modelChanged() {
        List<Row> now = workspace.remotes().stream().map(this::rowOf).toList();
        // The same rows again (a read that found what was known, another failed retry) draw nothing again.
        if (!now.stream().map(Row::shown).toList().equals(rows.stream().map(Row::shown).toList())) {
            rows = now;
            revision.set(revision.get() + 1);
        }
    }

    /** The row of one remote as its model holds it now, with the warnings last read. */
    Row rowOf(RemoteModel remote) {
        boolean online = remote.state().online();
        if (!online) {
            // An offline remote's old warnings are no longer news.
            warnings.remove(remote.name());
        }
        return new Row(remote.name(), remote.state(), InstanceCounts.of(remote.instances().snapshot().values()),
                remote.storagePools().snapshot().size(),
                (int) remote.networks().snapshot().values().stream().filter(Network::managed).count(),
                remote.clusterMembers().snapshot().size(), warnings.get(remote.name()));
    }

    /** Reads the warnings of every online remote (one request each) not being read already. UI thread. */
    void refresh() {
        long mine = generation;
        for (RemoteModel remote : workspace.remotes()) {
            LxdClient client = remote.client();
            String name = remote.name();
            if (client == null || !reading.add(name)) {
                continue;
            }
            tasks.execute(BackgroundTask.of(progress -> Warnings.read(client.server().hasWarnings(),
                    () -> client.server().warnings())).onSuccess(read -> {
                        if (mine == generation) {
                            warnings.put(name, read);
                        }
                    }).onFinished(() -> {
                        reading.remove(name);
                        if (mine == generation) {
                            modelChanged();
                        }
                    }));
        }
    }

    /** Answers still coming are dropped (the overview left the screen). */
    void stop() {
        generation++;
        reading.clear();
    }

    // ---- texts, in the language of the moment ----

    String stateText(Row row) {
        return TreeLabels.describe(i18n, row.state());
    }

    /** The number of open warnings, "—" while unknown, or "n/a" for a server that keeps none. */
    String warningsText(Row row) {
        Warnings read = row.warnings();
        if (read == null || read.failure() != null) {
            return "—";
        }
        return read.available() ? Integer.toString(read.open().size()) : i18n.get("dashboard.overview.na");
    }
}
