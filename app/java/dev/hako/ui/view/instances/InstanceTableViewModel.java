package dev.hako.ui.view.instances;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstanceState;
import dev.hako.model.CollectionListener;
import dev.hako.model.RemoteModel;
import dev.hako.model.list.InstanceColumn;
import dev.hako.model.list.InstanceFilter;
import dev.hako.model.list.InstanceRow;
import dev.hako.model.list.TableExport;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.common.UiSettings;
import dev.hako.ui.tree.TreeEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The instances of one remote as a table, like {@code lxc list}: names and states from the
 * listing the remote keeps live; addresses, CPU and memory from instance state and the
 * snapshot counts, read only for the rows on screen ({@link #refresh}) and only while the
 * table is shown. Filtered by the window's filter box, in its own free-text sense or as an
 * {@code lxc list} filter; the columns chosen are remembered. Lives on the FX thread.
 */
public final class InstanceTableViewModel {

    /** Reads at most this many instances' state at once. */
    private static final int PARALLEL_READS = 4;

    /** What a refresh learnt about one instance. */
    private record Live(InstanceState state, Integer snapshots, Instance countedFor) {
    }

    private final RemoteModel remote;
    private final I18n i18n;
    private final TaskExecutor tasks;
    private final UiSettings settings;
    private final DialogService dialogs;
    private final ObservableList<InstanceRow> rows = FXCollections.observableArrayList();
    private final FilteredList<InstanceRow> shown = new FilteredList<>(rows);
    private final SortedList<InstanceRow> sorted = new SortedList<>(shown);
    private final ObservableList<InstanceColumn> columns = FXCollections.observableArrayList();
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper filterProblem = new ReadOnlyStringWrapper("");
    private final Map<String, Live> live = new HashMap<>();
    private final Set<String> reading = new HashSet<>();
    private final CollectionListener<Instance> listener;
    private Map<String, Instance> instances = Map.of();

    public InstanceTableViewModel(RemoteModel remote, I18n i18n, TaskExecutor tasks, DialogService dialogs,
                                  UiSettings settings) {
        this.remote = remote;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.tasks = tasks;
        this.settings = settings;
        columns.setAll(chosenColumns(settings));
        filterText.addListener((o, was, now) -> refilter());
        i18n.localeProperty().addListener((o, was, now) -> refilter());
        this.listener = change -> {
            Map<String, Instance> snapshot = change.snapshot();
            tasks.runOnUi(() -> instancesChanged(snapshot));
        };
        remote.instances().addListener(listener);
    }

    private static List<InstanceColumn> chosenColumns(UiSettings settings) {
        String saved = settings.instanceColumns();
        if (saved != null) {
            try {
                List<InstanceColumn> parsed = java.util.Arrays.stream(saved.split(",")).filter(s -> !s.isBlank())
                        .map(String::trim).map(InstanceColumn::valueOf).distinct().toList();
                if (!parsed.isEmpty()) {
                    return parsed;
                }
            } catch (IllegalArgumentException unreadable) {
                // Written by another version: the default columns instead.
            }
        }
        return InstanceColumn.DEFAULT;
    }

    public String remoteName() {
        return remote.name();
    }

    public RemoteModel remote() {
        return remote;
    }

    /** Every instance of the remote, in the server's order. */
    public ObservableList<InstanceRow> rows() {
        return rows;
    }

    /** The rows the filter lets through, in the order the table's sort asks for. */
    public SortedList<InstanceRow> shown() {
        return sorted;
    }

    public ObservableList<InstanceColumn> columns() {
        return columns;
    }

    /** The window's filter box. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** Why the filter, read as an {@code lxc list} filter, does not parse; empty when it does. */
    public ReadOnlyStringProperty filterProblemProperty() {
        return filterProblem.getReadOnlyProperty();
    }

    /** Shows these columns in this order from now on, here and after a restart. */
    public void chooseColumns(List<InstanceColumn> chosen) {
        if (chosen.isEmpty()) {
            return;
        }
        columns.setAll(chosen);
        settings.setInstanceColumns(String.join(",", chosen.stream().map(InstanceColumn::name).toList()));
    }

    /** The remote's listing changed: rows follow, keeping what was read of each instance's state. */
    void instancesChanged(Map<String, Instance> snapshot) {
        instances = snapshot;
        live.keySet().retainAll(snapshot.keySet());
        List<InstanceRow> fresh = new ArrayList<>(snapshot.size());
        snapshot.values().forEach(instance -> fresh.add(rowOf(instance)));
        rows.setAll(fresh);
    }

    private InstanceRow rowOf(Instance instance) {
        Live known = live.get(instance.name());
        // A stopped instance has no addresses or usage: what was read while it ran no longer holds.
        InstanceState state = known == null || !instance.running() ? null : known.state();
        return new InstanceRow(remote.name(), instance, state, known == null ? null : known.snapshots());
    }

    /**
     * Reads state (running ones) and snapshot counts (when unknown, or the instance changed
     * since they were counted) of the named rows, the ones on screen. Rows being read are
     * not asked for again until their answer is in.
     */
    public void refresh(Collection<String> onScreen) {
        read(onScreen, true);
    }

    /**
     * Like {@link #refresh}, for the rows on screen not read since their instance last
     * changed: what a change of the listing, the filter or the scroll position needs, so
     * that an event does not read every row on screen again.
     */
    public void readUnknown(Collection<String> onScreen) {
        read(onScreen, false);
    }

    private void read(Collection<String> onScreen, boolean again) {
        LxdClient client = remote.client();
        if (client == null) {
            return;
        }
        Map<String, Instance> wanted = new LinkedHashMap<>();
        for (String name : onScreen) {
            Instance instance = instances.get(name);
            Live known = live.get(name);
            boolean current = known != null && instance != null && instance.equals(known.countedFor());
            if (instance != null && !reading.contains(name) && (again || !current)) {
                wanted.put(name, instance);
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        reading.addAll(wanted.keySet());
        Map<String, Live> previous = new HashMap<>(live);
        tasks.execute(BackgroundTask.of(progress -> readFromServer(client, wanted, previous))
                .onSuccess(this::learnt)
                .onFinished(() -> reading.removeAll(wanted.keySet())));
    }

    private static Map<String, Live> readFromServer(LxdClient client, Map<String, Instance> wanted, Map<String, Live> previous)
            throws InterruptedException {
        Map<String, Live> found = new java.util.concurrent.ConcurrentHashMap<>();
        dev.hako.ui.common.BulkCalls.run(new ArrayList<>(wanted.keySet()), name -> {
            Instance instance = wanted.get(name);
            Live before = previous.get(name);
            InstanceState state = instance.running() ? client.instances().state(name) : null;
            boolean recount = before == null || before.snapshots() == null || !instance.equals(before.countedFor());
            Integer snapshots = recount ? client.instances().snapshotNames(name).size() : before.snapshots();
            found.put(name, new Live(state, snapshots, instance));
        }, PARALLEL_READS, failure -> failure.getClass().getSimpleName());
        return found;
    }

    private void learnt(Map<String, Live> found) {
        live.putAll(found);
        for (int i = 0; i < rows.size(); i++) {
            InstanceRow row = rows.get(i);
            if (found.containsKey(row.instance().name())) {
                InstanceRow updated = rowOf(row.instance());
                if (!updated.equals(row)) {
                    rows.set(i, updated);
                }
            }
        }
    }

    private void refilter() {
        String text = filterText.get() == null ? "" : filterText.get().trim();
        if (text.isEmpty()) {
            filterProblem.set("");
            shown.setPredicate(null);
            return;
        }
        String needle = text.toLowerCase(Locale.ROOT);
        Predicate<InstanceRow> freeText = row -> new TreeEntry.InstanceEntry(row.remote(), row.instance()).searchText()
                .toLowerCase(Locale.ROOT).contains(needle);
        try {
            InstanceFilter lxc = InstanceFilter.parse(text);
            filterProblem.set("");
            shown.setPredicate(freeText.or(lxc::test));
        } catch (IllegalArgumentException notLxc) {
            // Free text still filters; the reason is shown only for what reads as an lxc filter.
            filterProblem.set(text.contains("=") ? FailureText.of(i18n, notLxc) : "");
            shown.setPredicate(freeText);
        }
    }

    /** Writes {@link #export} to a file, in the background; a failure says which file and why. */
    public void exportTo(ExportFormat format, java.nio.file.Path file) {
        String text = export(format);
        tasks.execute(BackgroundTask.ofRunnable(() -> java.nio.file.Files.writeString(file, text))
                .onFailure(failure -> dialogs.showError(i18n.format("instances.export.failed", file), failure)));
    }

    /** The rows shown, in the order shown, in a format {@code lxc list -f} knows. */
    public String export(ExportFormat format) {
        List<InstanceRow> listed = List.copyOf(sorted);
        return switch (format) {
            case CSV -> TableExport.csv(List.copyOf(columns), listed, i18n.locale());
            case JSON -> TableExport.json(listed);
            case YAML -> TableExport.yaml(listed);
        };
    }

    /** Stops following the remote. */
    public void dispose() {
        remote.instances().removeListener(listener);
    }
}
