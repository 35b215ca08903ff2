package dev.hako.ui.tree;

import dev.hako.model.CollectionChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * The rows of one group (instances, profiles …) in step with its collection. Rows
 * are reused by key so that selection and expansion survive updates; only rows
 * that changed are touched, except on a full reload or a large change.
 */
final class GroupRows<T> {

    /** Beyond this many insertions one replacement is cheaper than single inserts. */
    private static final int BULK = 32;

    private final TreeItem<TreeEntry> group;
    private final TreeEntry.Group kind;
    private final String remote;
    private final BiFunction<String, T, TreeEntry> toEntry;
    private final Function<TreeEntry, String> sortKey;
    private final Map<String, TreeItem<TreeEntry>> rows = new HashMap<>();
    private Predicate<TreeEntry> filter = entry -> true;

    GroupRows(TreeItem<TreeEntry> group, TreeEntry.Group kind, String remote, BiFunction<String, T, TreeEntry> toEntry,
              Function<TreeEntry, String> sortKey) {
        this.group = group;
        this.kind = kind;
        this.remote = remote;
        this.toEntry = toEntry;
        this.sortKey = sortKey;
        group.setValue(new TreeEntry.GroupEntry(remote, kind, 0));
    }

    TreeEntry.Group kind() {
        return kind;
    }

    TreeItem<TreeEntry> group() {
        return group;
    }

    Map<String, TreeItem<TreeEntry>> rows() {
        return rows;
    }

    void apply(CollectionChange<T> change) {
        Set<String> gone = change.reloaded() ? new HashSet<>(rows.keySet()) : new HashSet<>(change.removed());
        if (change.reloaded()) {
            gone.removeAll(change.snapshot().keySet());
        }
        gone.forEach(rows::remove);
        for (String key : change.updated()) {
            T value = change.snapshot().get(key);
            if (value == null) {
                continue;
            }
            TreeEntry entry = toEntry.apply(remote, value);
            TreeItem<TreeEntry> row = rows.get(key);
            if (row == null) {
                rows.put(key, new TreeItem<>(entry));
            } else {
                row.setValue(entry);
            }
        }
        refresh();
    }

    void setFilter(Predicate<TreeEntry> newFilter) {
        this.filter = newFilter;
        refresh();
    }

    /** Brings the visible children in line with the rows and the filter. */
    void refresh() {
        List<TreeItem<TreeEntry>> target = new ArrayList<>();
        for (TreeItem<TreeEntry> row : rows.values()) {
            if (filter.test(row.getValue())) {
                target.add(row);
            }
        }
        target.sort(Comparator.comparing(row -> sortKey.apply(row.getValue())));
        ObservableList<TreeItem<TreeEntry>> children = group.getChildren();
        if (!children.equals(target)) {
            Set<TreeItem<TreeEntry>> wanted = new HashSet<>(target);
            children.removeIf(row -> !wanted.contains(row));
            int missing = target.size() - children.size();
            if (missing > BULK || children.isEmpty()) {
                children.setAll(target);
            } else {
                for (int i = 0; i < target.size(); i++) {
                    if (i >= children.size() || children.get(i) != target.get(i)) {
                        children.add(i, target.get(i));
                    }
                }
            }
        }
        relabel();
    }

    /** Gives the group row a fresh entry, so its cell is drawn again (its name in the window's language). */
    void relabel() {
        group.setValue(new TreeEntry.GroupEntry(remote, kind, group.getChildren().size()));
    }
}
