package dev.hako.ui.view.lists;

import dev.hako.model.CollectionListener;
import dev.hako.model.ResourceCollection;
import dev.hako.ui.common.TaskExecutor;
import java.util.List;

/**
 * A table whose rows are one of a remote's live collections (images, networks, profiles):
 * it follows the collection's events, so it costs no request of its own. FX thread.
 *
 * @param <T> the kind of object, and row
 */
public final class FollowedTable<T> {

    private final ResourceCollection<T> collection;
    private final ListTableViewModel<T> table;
    private final CollectionListener<T> listener;

    public FollowedTable(ResourceCollection<T> collection, ListTableViewModel<T> table, TaskExecutor tasks) {
        this.collection = collection;
        this.table = table;
        this.listener = change -> {
            List<T> rows = List.copyOf(change.snapshot().values());
            tasks.runOnUi(() -> table.setRows(rows));
        };
        collection.addListener(listener);
    }

    public ListTableViewModel<T> table() {
        return table;
    }

    /** Stops following the collection. */
    public void dispose() {
        collection.removeListener(listener);
    }
}
