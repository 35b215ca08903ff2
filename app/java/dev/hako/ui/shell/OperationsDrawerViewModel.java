package dev.hako.ui.shell;

import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.Operation;
import dev.hako.model.LiveOperations;
import dev.hako.model.history.TaskFilter;
import dev.hako.model.history.TaskHistory;
import dev.hako.model.history.TaskRecord;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.LatestTask;
import dev.hako.ui.common.TaskExecutor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the operations drawer lists: the running operations of every remote on top, then
 * the task history newest first (the remotes' recent operations merged with the pages read
 * from the history file), narrowed by a search text, remote, kind, result and who started
 * them, with ended repeats (a script's hundred {@code exec}s) folded into one row. Lives on
 * the FX thread; {@link #show} is given the remotes' entries, and the history is read in
 * pages through the task executor.
 */
final class OperationsDrawerViewModel {

    /** Whose operations are listed: this application's, other clients', or both. */
    enum Origin { EVERYONE, HERE, ELSEWHERE }

    /** Rows read from the history file at a time. */
    static final int PAGE = 200;
    static final int LONGEST_RETENTION_DAYS = 3650;

    /** The operations of one remote, as its model keeps them; {@code kind} null while unknown. */
    record Source(String remote, ServerKind kind, List<LiveOperations.Entry> entries) {

        Source(String remote, List<LiveOperations.Entry> entries) {
            this(remote, null, entries);
        }
    }

    /**
     * One row: the newest of {@code count} tasks that look alike (one unless folded);
     * {@code live} is the remote's entry when the model still has it (progress, Cancel).
     */
    record Row(TaskRecord task, LiveOperations.Entry live, int count) {

        String remote() {
            return task.remote();
        }

        /** The server's operation while it is live; null for a row from the history file. */
        Operation operation() {
            return live == null ? null : live.operation();
        }

        boolean running() {
            return live != null ? live.running() : task.running();
        }
    }

    private static final Comparator<Row> RUNNING_THEN_NEWEST = Comparator.comparing((Row row) -> !row.running())
            .thenComparing((Row row) -> row.task().started(), Comparator.reverseOrder());

    private final TaskHistory history;
    private final LatestTask reading;
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<String> remote = new SimpleObjectProperty<>();
    private final ObjectProperty<String> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<Origin> origin = new SimpleObjectProperty<>(Origin.EVERYONE);
    private final ObjectProperty<TaskRecord.Result> result = new SimpleObjectProperty<>();
    private final BooleanProperty foldRepeats = new SimpleBooleanProperty(true);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> kinds = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper matching = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper();
    private List<Source> sources = List.of();
    private List<TaskRecord> loaded = List.of();
    private List<String> historyKinds = List.of();

    /** Without a history: the remotes' recent operations only. */
    OperationsDrawerViewModel() {
        this(null, null);
    }

    OperationsDrawerViewModel(TaskExecutor tasks, TaskHistory history) {
        this.history = history;
        this.reading = tasks == null ? null : new LatestTask(tasks);
        text.addListener((o, was, now) -> reload());
        remote.addListener((o, was, now) -> reload());
        kind.addListener((o, was, now) -> reload());
        origin.addListener((o, was, now) -> reload());
        result.addListener((o, was, now) -> reload());
        foldRepeats.addListener((o, was, now) -> refilter());
    }

    /** Searched in the description, objects, remote, error and command. */
    StringProperty textProperty() {
        return text;
    }

    /** The remote whose operations are listed; null for all. */
    ObjectProperty<String> remoteProperty() {
        return remote;
    }

    /** The server's description ("Executing command") of the operations listed; null for all. */
    ObjectProperty<String> kindProperty() {
        return kind;
    }

    ObjectProperty<Origin> originProperty() {
        return origin;
    }

    /** How the listed tasks ended (or that they run); null for any. */
    ObjectProperty<TaskRecord.Result> resultProperty() {
        return result;
    }

    BooleanProperty foldRepeatsProperty() {
        return foldRepeats;
    }

    ObservableList<Row> rows() {
        return rows;
    }

    /** The descriptions of the operations known, for the kind filter. */
    ObservableList<String> kinds() {
        return kinds;
    }

    /** Running operations on every remote, whatever the filter. */
    ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Operations the remotes' models know, whatever the filter. */
    ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** Tasks in the history file that match the filter (0 without a history). */
    ReadOnlyIntegerProperty matchingProperty() {
        return matching.getReadOnlyProperty();
    }

    /** True while the history file holds older matching tasks than those listed. */
    ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    boolean hasHistory() {
        return history != null;
    }

    /** The filter as the history file is asked it. */
    TaskFilter filter() {
        String search = text.get() == null || text.get().isBlank() ? null : text.get().strip();
        Boolean here = switch (origin.get() == null ? Origin.EVERYONE : origin.get()) {
            case EVERYONE -> null;
            case HERE -> Boolean.TRUE;
            case ELSEWHERE -> Boolean.FALSE;
        };
        return new TaskFilter(search, remote.get(), kind.get(), result.get(), here);
    }

    /** Counts only: what a collapsed drawer needs. */
    void count(List<Source> current) {
        int runningNow = 0;
        int all = 0;
        for (Source source : current) {
            for (LiveOperations.Entry entry : source.entries()) {
                all++;
                runningNow += entry.running() ? 1 : 0;
            }
        }
        running.set(runningNow);
        total.set(all);
    }

    /** Takes the remotes' operations as they are now and lists them. */
    void show(List<Source> current) {
        sources = List.copyOf(current);
        count(sources);
        updateKinds();
        refilter();
    }

    /** Reads the first pages of the history again (as many as are listed, at least one). */
    void reload() {
        if (history == null) {
            refilter();
            return;
        }
        TaskFilter filter = filter();
        int wanted = Math.max(PAGE, loaded.size());
        reading.run(BackgroundTask.of(progress -> new Page(history.page(filter, 0, wanted), history.count(filter),
                history.kinds())).onSuccess(page -> {
                    historyKinds = page.kinds();
                    take(page.tasks(), page.matching());
                }));
    }

    /** Reads the next page of older tasks. */
    void loadMore() {
        if (history == null || !more.get()) {
            return;
        }
        TaskFilter filter = filter();
        List<TaskRecord> have = loaded;
        reading.run(BackgroundTask.of(progress -> new Page(history.page(filter, have.size(), PAGE), history.count(filter),
                historyKinds)).onSuccess(page -> {
                    List<TaskRecord> all = new ArrayList<>(have);
                    all.addAll(page.tasks());
                    take(all, page.matching());
                }));
    }

    private record Page(List<TaskRecord> tasks, int matching, List<String> kinds) {
    }

    private void take(List<TaskRecord> tasks, int count) {
        loaded = List.copyOf(tasks);
        matching.set(count);
        more.set(loaded.size() < count);
        updateKinds();
        refilter();
    }

    private void updateKinds() {
        TreeSet<String> described = new TreeSet<>(historyKinds);
        sources.forEach(s -> s.entries().forEach(e -> described.add(e.operation().description())));
        if (kind.get() != null) {
            // The chosen kind stays offered even when its last operation has been forgotten.
            described.add(kind.get());
        }
        if (!kinds.equals(new ArrayList<>(described))) {
            kinds.setAll(described);
        }
    }

    private void refilter() {
        rows.setAll(rowsOf(sources, loaded, filter(), foldRepeats.get(),
                history == null ? (remote, id) -> false : history::wasStartedHere));
    }

    /**
     * The live entries that match, then the history's rows they do not already cover; running
     * ones on top, the rest newest first; ended look-alikes folded when {@code fold}.
     */
    static List<Row> rowsOf(List<Source> sources, List<TaskRecord> loaded, TaskFilter filter, boolean fold,
                            java.util.function.BiPredicate<String, String> keptAsHere) {
        Instant now = Instant.now();
        List<Row> candidates = new ArrayList<>();
        Set<String> live = new HashSet<>();
        for (Source source : sources) {
            for (LiveOperations.Entry entry : source.entries()) {
                String key = source.remote() + "\n" + entry.operation().id();
                // After a restart the server may still list what the last run started: the file knows whose it was.
                LiveOperations.Entry known = !entry.startedHere() && keptAsHere.test(source.remote(), entry.operation().id())
                        ? new LiveOperations.Entry(entry.operation(), entry.vanished(), true) : entry;
                TaskRecord task = TaskRecord.of(source.remote(), source.kind(), known, now);
                live.add(key);
                if (filter.matches(task)) {
                    candidates.add(new Row(task, known, 1));
                }
            }
        }
        for (TaskRecord task : loaded) {
            if (!live.contains(task.remote() + "\n" + task.id()) && filter.matches(task)) {
                candidates.add(new Row(task, null, 1));
            }
        }
        candidates.sort(RUNNING_THEN_NEWEST);
        Map<Object, Row> rows = new LinkedHashMap<>();
        for (Row row : candidates) {
            // Running ones stay apart: each has its own progress and Cancel.
            Object key = fold && !row.running() ? new FoldKey(row.task()) : row.remote() + "\n" + row.task().id();
            // Sorted already: the first of a fold is its newest.
            rows.merge(key, row, (first, next) -> new Row(first.task(), first.live(), first.count() + next.count()));
        }
        return new ArrayList<>(rows.values());
    }

    /** The retention typed, or null when it is not a whole number of days from 1 to ten years. */
    static Integer retentionDays(String typed) {
        try {
            int days = Integer.parseInt(typed == null ? "" : typed.strip());
            return days >= 1 && days <= LONGEST_RETENTION_DAYS ? days : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** Ended tasks that read alike: same remote, kind, objects, outcome and origin. */
    private record FoldKey(String remote, String description, String objects, String outcome, boolean here) {

        FoldKey(TaskRecord task) {
            this(task.remote(), task.description(), task.objects(), task.result() + task.error(), task.startedHere());
        }
    }
}
