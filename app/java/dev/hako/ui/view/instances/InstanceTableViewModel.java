package dev.hako.ui.view.instances;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstanceState;
import dev.hako.model.CollectionListener;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.model.list.InstanceColumn;
import dev.hako.model.list.InstanceFilter;
import dev.hako.model.list.InstanceRow;
import dev.hako.model.list.ListColumn;
import dev.hako.model.list.TableExport;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.BulkCalls;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.common.UiSettings;
import dev.hako.ui.tree.TreeEntry;
import dev.hako.ui.view.lists.ExportFormat;
import dev.hako.ui.view.lists.ListTableViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;

/**
 * The instances of one remote, or of every remote, as a table, like {@code lxc list}: names
 * and states from the listings the remotes keep live; addresses, CPU and memory from instance
 * state and the snapshot counts, read only for the rows on screen ({@link #refresh}) and only
 * while the table is shown. Filtered by the window's filter box, in its own free-text sense or
 * as an {@code lxc list} filter; the columns chosen are remembered. Lives on the FX thread.
 */
public final class InstanceTableViewModel {

    /** Reads at most this many instances' state at once. */
    private static final int PARALLEL_READS = 4;

    /** What a refresh learnt about one instance. */
    private record Live(InstanceState state, Integer snapshots, Instance countedFor) {
    }

    /** A remote whose instances the table shows, and the listing it last gave. */
    private final class Source {
        private final RemoteModel remote;
        private final CollectionListener<Instance> listener;
        private Map<String, Instance> instances = Map.of();

        Source(RemoteModel remote) {
            this.remote = remote;
            this.listener = change -> {
                Map<String, Instance> snapshot = change.snapshot();
                tasks.runOnUi(() -> listingChanged(this, snapshot));
            };
        }
    }

    private final RemoteModel remote;
    private final Workspace workspace;
    private final I18n i18n;
    private final TaskExecutor tasks;
    private final ListTableViewModel<InstanceRow> table;
    private final Map<String, Source> sources = new LinkedHashMap<>();
    /** By {@link #keyOf}: what was read of each instance. */
    private final Map<String, Live> live = new HashMap<>();
    private final Set<String> reading = new HashSet<>();
    private Workspace.Listener remotesListener;

    /** The table of one remote. */
    public InstanceTableViewModel(RemoteModel remote, I18n i18n, TaskExecutor tasks, DialogService dialogs,
                                  UiSettings settings) {
        this(remote, null, i18n, tasks, dialogs, settings);
        follow(remote);
    }

    private InstanceTableViewModel(RemoteModel remote, Workspace workspace, I18n i18n, TaskExecutor tasks,
                                   DialogService dialogs, UiSettings settings) {
        this.remote = remote;
        this.workspace = workspace;
        this.i18n = i18n;
        this.tasks = tasks;
        this.table = new ListTableViewModel<>(kind(workspace == null ? "instances" : "allInstances"), i18n, tasks,
                dialogs, settings);
    }

    /** The table of every remote of the workspace, following remotes as they are added and removed. */
    public static InstanceTableViewModel allRemotes(Workspace workspace, I18n i18n, TaskExecutor tasks,
                                                    DialogService dialogs, UiSettings settings) {
        InstanceTableViewModel model = new InstanceTableViewModel(null, workspace, i18n, tasks, dialogs, settings);
        workspace.remotes().forEach(model::follow);
        model.remotesListener = new Workspace.Listener() {
            @Override
            public void added(RemoteModel added) {
                tasks.runOnUi(() -> model.follow(added));
            }

            @Override
            public void removed(RemoteModel removed) {
                tasks.runOnUi(() -> model.unfollow(removed.name()));
            }
        };
        workspace.addListener(model.remotesListener);
        return model;
    }

    private static ListTableViewModel.Kind<InstanceRow> kind(String table) {
        List<InstanceColumn> defaults = "instances".equals(table) ? InstanceColumn.DEFAULT
                : InstanceColumn.DEFAULT_ALL_REMOTES;
        return new ListTableViewModel.Kind<>(table, List.of(InstanceColumn.values()), defaults,
                InstanceTableViewModel::filtered, new ListTableViewModel.Documents<>() {
                    @Override
                    public String json(List<InstanceRow> rows) {
                        return TableExport.json(rows);
                    }

                    @Override
                    public String yaml(List<InstanceRow> rows) {
                        return TableExport.yaml(rows);
                    }
                });
    }

    /**
     * The window's free-text sense (names, states, configuration), or what {@code lxc list}
     * makes of the text; a text with "=" that is no lxc filter says why.
     */
    private static ListTableViewModel.Filtered<InstanceRow> filtered(String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        Predicate<InstanceRow> freeText = row -> new TreeEntry.InstanceEntry(row.remote(), row.instance())
                .searchText().toLowerCase(Locale.ROOT).contains(needle);
        try {
            return ListTableViewModel.Filtered.of(freeText.or(InstanceFilter.parse(text)::test));
        } catch (IllegalArgumentException notLxc) {
            // Free text still filters; the reason is shown only for what reads as an lxc filter.
            return new ListTableViewModel.Filtered<>(freeText, text.contains("=") ? notLxc : null);
        }
    }

    private void follow(RemoteModel followed) {
        if (sources.containsKey(followed.name())) {
            return;
        }
        Source source = new Source(followed);
        sources.put(followed.name(), source);
        followed.instances().addListener(source.listener);
    }

    private void unfollow(String name) {
        Source source = sources.remove(name);
        if (source != null) {
            source.remote.instances().removeListener(source.listener);
            live.keySet().removeIf(key -> key.startsWith(name + "/"));
            rebuildRows();
        }
    }

    /** The remote of a one-remote table; null for the all-remotes table. */
    public RemoteModel remote() {
        return remote;
    }

    /** Whether the table shows every remote. */
    public boolean allRemotes() {
        return workspace != null;
    }

    /** The remote that holds a row, or null when it has gone. */
    public RemoteModel remoteOf(InstanceRow row) {
        Source source = sources.get(row.remote());
        return source == null ? null : source.remote;
    }

    /** The table itself: rows, columns, filter, export. */
    public ListTableViewModel<InstanceRow> table() {
        return table;
    }

    /** Every instance, in the server's order (remote by remote). */
    public ObservableList<InstanceRow> rows() {
        return table.rows();
    }

    /** The rows the filter lets through, in the order the table's sort asks for. */
    public SortedList<InstanceRow> shown() {
        return table.shown();
    }

    public ObservableList<ListColumn<InstanceRow>> columns() {
        return table.columns();
    }

    /** The window's filter box. */
    public StringProperty filterTextProperty() {
        return table.filterTextProperty();
    }

    /** Why the filter, read as an {@code lxc list} filter, does not parse; empty when it does. */
    public ReadOnlyStringProperty filterProblemProperty() {
        return table.filterProblemProperty();
    }

    /** Shows these columns in this order from now on, here and after a restart. */
    public void chooseColumns(List<? extends ListColumn<InstanceRow>> chosen) {
        table.chooseColumns(chosen);
    }

    /** The one remote's listing changed (a test gives it by hand). */
    void instancesChanged(Map<String, Instance> snapshot) {
        listingChanged(sources.values().iterator().next(), snapshot);
    }

    /** A remote's listing changed: rows follow, keeping what was read of each instance's state. */
    private void listingChanged(Source source, Map<String, Instance> snapshot) {
        if (sources.get(source.remote.name()) != source) {
            return;
        }
        source.instances = snapshot;
        String prefix = source.remote.name() + "/";
        live.keySet().removeIf(key -> key.startsWith(prefix) && !snapshot.containsKey(key.substring(prefix.length())));
        rebuildRows();
    }

    private void rebuildRows() {
        List<InstanceRow> fresh = new ArrayList<>();
        for (Source source : sources.values()) {
            source.instances.values().forEach(instance -> fresh.add(rowOf(source.remote.name(), instance)));
        }
        table.setRows(fresh);
    }

    private static String keyOf(String remoteName, String instance) {
        return remoteName + "/" + instance;
    }

    private InstanceRow rowOf(String remoteName, Instance instance) {
        Live known = live.get(keyOf(remoteName, instance.name()));
        // A stopped instance has no addresses or usage: what was read while it ran no longer holds.
        InstanceState state = known == null || !instance.running() ? null : known.state();
        return new InstanceRow(remoteName, instance, state, known == null ? null : known.snapshots());
    }

    /**
     * Reads state (running ones) and snapshot counts (when unknown, or the instance changed
     * since they were counted) of the given rows, the ones on screen. Rows being read are
     * not asked for again until their answer is in.
     */
    public void refresh(Collection<InstanceRow> onScreen) {
        read(onScreen, true);
    }

    /**
     * Like {@link #refresh}, for the rows on screen not read since their instance last
     * changed: what a change of the listing, the filter or the scroll position needs, so
     * that an event does not read every row on screen again.
     */
    public void readUnknown(Collection<InstanceRow> onScreen) {
        read(onScreen, false);
    }

    private void read(Collection<InstanceRow> onScreen, boolean again) {
        Map<String, Map<String, Instance>> wantedByRemote = new LinkedHashMap<>();
        for (InstanceRow row : onScreen) {
            Source source = sources.get(row.remote());
            Instance instance = source == null ? null : source.instances.get(row.instance().name());
            String key = keyOf(row.remote(), row.instance().name());
            Live known = live.get(key);
            boolean current = known != null && instance != null && instance.equals(known.countedFor());
            if (instance != null && !reading.contains(key) && (again || !current)) {
                wantedByRemote.computeIfAbsent(row.remote(), r -> new LinkedHashMap<>()).put(instance.name(), instance);
            }
        }
        wantedByRemote.forEach((remoteName, wanted) -> readFrom(sources.get(remoteName).remote, wanted));
    }

    private void readFrom(RemoteModel source, Map<String, Instance> wanted) {
        LxdClient client = source.client();
        if (client == null) {
            return;
        }
        String prefix = source.name() + "/";
        List<String> keys = wanted.keySet().stream().map(name -> prefix + name).toList();
        reading.addAll(keys);
        Map<String, Live> previous = new HashMap<>();
        wanted.keySet().forEach(name -> previous.put(name, live.get(prefix + name)));
        tasks.execute(BackgroundTask.of(progress -> readFromServer(client, wanted, previous))
                .onSuccess(found -> learnt(source.name(), found))
                .onFinished(() -> keys.forEach(reading::remove)));
    }

    private static Map<String, Live> readFromServer(LxdClient client, Map<String, Instance> wanted,
                                                    Map<String, Live> previous) throws InterruptedException {
        Map<String, Live> found = new ConcurrentHashMap<>();
        BulkCalls.run(new ArrayList<>(wanted.keySet()), name -> {
            Instance instance = wanted.get(name);
            Live before = previous.get(name);
            InstanceState state = instance.running() ? client.instances().state(name) : null;
            boolean recount = before == null || before.snapshots() == null || !instance.equals(before.countedFor());
            Integer snapshots = recount ? client.instances().snapshotNames(name).size() : before.snapshots();
            found.put(name, new Live(state, snapshots, instance));
        }, PARALLEL_READS, failure -> failure.getClass().getSimpleName());
        return found;
    }

    private void learnt(String remoteName, Map<String, Live> found) {
        if (!sources.containsKey(remoteName)) {
            return;
        }
        found.forEach((name, known) -> live.put(keyOf(remoteName, name), known));
        ObservableList<InstanceRow> rows = table.rows();
        for (int i = 0; i < rows.size(); i++) {
            InstanceRow row = rows.get(i);
            if (row.remote().equals(remoteName) && found.containsKey(row.instance().name())) {
                InstanceRow updated = rowOf(remoteName, row.instance());
                if (!updated.equals(row)) {
                    rows.set(i, updated);
                }
            }
        }
    }

    /** Writes {@link #export} to a file, in the background; a failure says which file and why. */
    public void exportTo(ExportFormat format, Path file) {
        table.exportTo(format, file);
    }

    /** The rows shown, in the order shown, in a format {@code lxc list -f} knows. */
    public String export(ExportFormat format) {
        return table.export(format);
    }

    /** Stops following the remotes. */
    public void dispose() {
        if (remotesListener != null) {
            workspace.removeListener(remotesListener);
        }
        for (Source source : List.copyOf(sources.values())) {
            source.remote.instances().removeListener(source.listener);
        }
        sources.clear();
    }
}
