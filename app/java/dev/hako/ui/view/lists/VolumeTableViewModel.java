package dev.hako.ui.view.lists;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.StorageVolume;
import dev.hako.model.CollectionListener;
import dev.hako.model.PoolVolume;
import dev.hako.model.RemoteModel;
import dev.hako.model.ResourceCollection;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.LatestTask;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.common.UiSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Every volume of every pool of a remote, as {@code lxc storage volume list} shows them:
 * instance and image volumes too, which the remote's model does not keep. So they are read
 * when the table is shown, and again (only while shown) when pools, custom volumes, or the
 * set of instances or images change. FX thread.
 */
public final class VolumeTableViewModel {

    private final RemoteModel remote;
    private final I18n i18n;
    private final TaskExecutor tasks;
    private final ListTableViewModel<PoolVolume> table;
    private final LatestTask reader;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final Map<ResourceCollection<?>, CollectionListener<?>> listeners = new HashMap<>();
    private final Map<ResourceCollection<?>, Set<String>> keysSeen = new HashMap<>();
    private boolean shown;
    private boolean stale = true;

    public VolumeTableViewModel(RemoteModel remote, I18n i18n, TaskExecutor tasks, DialogService dialogs,
                                UiSettings settings) {
        this.remote = remote;
        this.i18n = i18n;
        this.tasks = tasks;
        this.reader = new LatestTask(tasks);
        this.table = new ListTableViewModel<>(TableKinds.volumes(i18n), i18n, tasks, dialogs, settings);
        follow(remote.storagePools(), false);
        follow(remote.volumes(), false);
        follow(remote.instances(), true);
        follow(remote.images(), true);
    }

    /**
     * Marks the volumes stale on a change of the collection; for instances and images, only
     * when one comes or goes (a state change does not touch volumes).
     */
    private <T> void follow(ResourceCollection<T> collection, boolean onlyMembership) {
        CollectionListener<T> listener = change -> {
            Set<String> keys = Set.copyOf(change.snapshot().keySet());
            tasks.runOnUi(() -> {
                Set<String> before = keysSeen.put(collection, keys);
                if (!onlyMembership || before == null || !before.equals(keys)) {
                    changed();
                }
            });
        };
        listeners.put(collection, listener);
        collection.addListener(listener);
    }

    private void changed() {
        stale = true;
        if (shown) {
            reload();
        }
    }

    public ListTableViewModel<PoolVolume> table() {
        return table;
    }

    public RemoteModel remote() {
        return remote;
    }

    /** "Reading…" while the volumes are read, why not when they could not be; else empty. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The table came on screen (reads what changed while it was away) or left it. */
    public void setShown(boolean nowShown) {
        shown = nowShown;
        if (shown && stale) {
            reload();
        }
    }

    /** Reads every pool's volumes again. */
    public void reload() {
        LxdClient client = remote.client();
        if (client == null) {
            return;
        }
        stale = false;
        List<String> pools = List.copyOf(remote.storagePools().snapshot().keySet());
        status.set(i18n.get("lists.volumes.reading"));
        reader.run(BackgroundTask.of(progress -> read(client, pools))
                .onSuccess(volumes -> {
                    status.set("");
                    table.setRows(volumes);
                })
                .onFailure(failure -> status.set(i18n.format("lists.volumes.failed", FailureText.of(i18n, failure)))));
    }

    private static List<PoolVolume> read(LxdClient client, List<String> pools) {
        List<PoolVolume> volumes = new ArrayList<>();
        for (String pool : pools) {
            for (StorageVolume volume : client.storage().volumes(pool)) {
                volumes.add(new PoolVolume(pool, volume));
            }
        }
        return volumes;
    }

    /** Stops following the remote. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void dispose() {
        reader.cancel();
        listeners.forEach((collection, listener) -> ((ResourceCollection) collection).removeListener(listener));
        listeners.clear();
    }
}
