package dev.hako.ui.shell;

import dev.hako.lxd.api.Operation;
import dev.hako.model.LiveOperations;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the operations drawer lists: every remote's operations, newest first, narrowed by
 * remote, kind and who started them, with ended repeats (a script's hundred {@code exec}s)
 * folded into one row. Lives on the FX thread; {@link #show} is given the remotes' entries.
 */
final class OperationsDrawerViewModel {

    /** Whose operations are listed: this application's, other clients', or both. */
    enum Origin { EVERYONE, HERE, ELSEWHERE }

    /** The operations of one remote, as its model keeps them. */
    record Source(String remote, List<LiveOperations.Entry> entries) {
    }

    /** One row: the newest of {@code count} operations that look alike (one unless folded). */
    record Row(String remote, LiveOperations.Entry entry, int count) {

        Operation operation() {
            return entry.operation();
        }
    }

    private static final Comparator<Row> NEWEST_FIRST = Comparator.comparing(
            (Row row) -> row.operation().createdAt(), Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder()));

    private final ObjectProperty<String> remote = new SimpleObjectProperty<>();
    private final ObjectProperty<String> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<Origin> origin = new SimpleObjectProperty<>(Origin.EVERYONE);
    private final BooleanProperty foldRepeats = new SimpleBooleanProperty(true);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> kinds = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private List<Source> sources = List.of();

    OperationsDrawerViewModel() {
        remote.addListener((o, was, now) -> refilter());
        kind.addListener((o, was, now) -> refilter());
        origin.addListener((o, was, now) -> refilter());
        foldRepeats.addListener((o, was, now) -> refilter());
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

    /** Operations known on every remote, whatever the filter. */
    ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
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
        TreeSet<String> described = new TreeSet<>();
        sources.forEach(s -> s.entries().forEach(e -> described.add(e.operation().description())));
        if (kind.get() != null) {
            // The chosen kind stays offered even when its last operation has been forgotten.
            described.add(kind.get());
        }
        if (!kinds.equals(new ArrayList<>(described))) {
            kinds.setAll(described);
        }
        refilter();
    }

    private void refilter() {
        rows.setAll(rowsOf(sources, remote.get(), kind.get(), origin.get(), foldRepeats.get()));
    }

    static List<Row> rowsOf(List<Source> sources, String remote, String kind, Origin origin, boolean fold) {
        Map<Object, Row> rows = new LinkedHashMap<>();
        for (Source source : sources) {
            if (remote != null && !remote.equals(source.remote())) {
                continue;
            }
            for (LiveOperations.Entry entry : source.entries()) {
                if (!matches(entry, kind, origin)) {
                    continue;
                }
                // Running ones stay apart: each has its own progress and Cancel.
                Object key = fold && !entry.running() ? new FoldKey(source.remote(), entry) : entry.operation().id();
                rows.merge(key, new Row(source.remote(), entry, 1), OperationsDrawerViewModel::newerOf);
            }
        }
        List<Row> ordered = new ArrayList<>(rows.values());
        ordered.sort(NEWEST_FIRST);
        return ordered;
    }

    private static boolean matches(LiveOperations.Entry entry, String kind, Origin origin) {
        if (kind != null && !kind.equals(entry.operation().description())) {
            return false;
        }
        return switch (origin) {
            case EVERYONE -> true;
            case HERE -> entry.startedHere();
            case ELSEWHERE -> !entry.startedHere();
        };
    }

    /** The names of the objects an operation works on, without the operation itself. */
    static List<String> objectsOf(Operation op) {
        List<String> names = new ArrayList<>();
        if (op.resources() == null) {
            return names;
        }
        // A cluster bootstrap lists {"cluster": null}: a kind without objects.
        op.resources().values().stream().filter(Objects::nonNull).forEach(urls -> urls.forEach(url -> {
            String name = url.substring(url.lastIndexOf('/') + 1);
            if (!names.contains(name) && !url.contains("/operations/")) {
                names.add(name);
            }
        }));
        return names;
    }

    private static Row newerOf(Row one, Row other) {
        boolean otherNewer = NEWEST_FIRST.compare(other, one) < 0;
        Row newest = otherNewer ? other : one;
        return new Row(newest.remote(), newest.entry(), one.count() + other.count());
    }

    /** Ended operations that read alike: same remote, kind, objects, outcome and origin. */
    private record FoldKey(String remote, String description, String objects, String outcome, boolean here) {

        FoldKey(String remote, LiveOperations.Entry entry) {
            this(remote, entry.operation().description(), String.join(",", objectsOf(entry.operation())),
                    entry.vanished() ? "vanished" : entry.operation().status() + entry.operation().err(),
                    entry.startedHere());
        }
    }
}
