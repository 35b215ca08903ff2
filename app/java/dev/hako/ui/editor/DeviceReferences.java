package dev.hako.ui.editor;

import dev.hako.lxd.api.Network;
import dev.hako.lxd.api.StoragePool;
import dev.hako.model.CollectionListener;
import dev.hako.model.RemoteModel;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The objects a device can point at on the edited object's remote: its managed networks (a
 * nic's {@code network}), every network and host interface it lists (a nic's {@code parent}),
 * its storage pools (a disk's {@code pool}, the root disk's too) and each pool's custom volumes
 * (a disk's {@code source} that is not a path), as pick lists; and a warning for a device that
 * names one the remote does not have. A warning never blocks a save: the server decides.
 * Lists come from the remote's live collections; volumes are read through the client on the
 * task executor when a pool is first asked for. UI thread only.
 */
public final class DeviceReferences {

    /** Reads the custom volumes of a pool (blocking); {@code client.storage().volumes(pool)} in the application. */
    @FunctionalInterface
    public interface VolumeReader {
        List<String> customVolumes(String pool) throws Exception;
    }

    private final String remote;
    private final TaskExecutor tasks;
    private final VolumeReader volumeReader;
    private final ObservableList<String> networks = FXCollections.observableArrayList();
    private final ObservableList<String> interfaces = FXCollections.observableArrayList();
    private final ObservableList<String> pools = FXCollections.observableArrayList();
    private final Map<String, ObservableList<String>> volumes = new HashMap<>();
    /** Pools whose volumes were read (an unreadable pool stays unknown, so nothing is said about it). */
    private final Map<String, Boolean> volumesKnown = new HashMap<>();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private boolean networksKnown;
    private boolean poolsKnown;
    private Runnable detach = () -> { };
    private boolean disposed;

    /** Lists filled by {@link #showNetworks} and {@link #showPools} (tests, or an editor without a remote). */
    public DeviceReferences(String remote, TaskExecutor tasks, VolumeReader volumeReader) {
        this.remote = remote;
        this.tasks = tasks;
        this.volumeReader = volumeReader;
    }

    /** Lists that follow the remote's live collections; null {@code remote}: nothing is known, nothing is said. */
    static DeviceReferences of(RemoteModel remote, TaskExecutor tasks) {
        if (remote == null) {
            return new DeviceReferences("", tasks, pool -> List.of());
        }
        DeviceReferences references = new DeviceReferences(remote.name(), tasks, pool -> {
            var client = remote.client();
            return client == null ? List.of() : client.storage().volumes(pool).stream()
                    .filter(v -> "custom".equals(v.type())).map(v -> v.name()).toList();
        });
        CollectionListener<Network> onNetworks = change -> {
            List<Network> all = List.copyOf(change.snapshot().values());
            tasks.runOnUi(() -> references.showNetworks(all));
        };
        CollectionListener<StoragePool> onPools = change -> {
            List<String> names = change.snapshot().values().stream().map(StoragePool::name).toList();
            tasks.runOnUi(() -> references.showPools(names));
        };
        remote.networks().addListener(onNetworks);
        remote.storagePools().addListener(onPools);
        references.detach = () -> {
            remote.networks().removeListener(onNetworks);
            remote.storagePools().removeListener(onPools);
        };
        return references;
    }

    /** The remote's networks as they are now: managed ones can be a nic's network, all of them its parent. */
    public void showNetworks(Collection<Network> all) {
        if (disposed) {
            return;
        }
        networks.setAll(all.stream().filter(Network::managed).map(Network::name).sorted().toList());
        interfaces.setAll(all.stream().map(Network::name).sorted().toList());
        networksKnown = true;
        changed();
    }

    /** The remote's storage pools as they are now. */
    public void showPools(Collection<String> names) {
        if (disposed) {
            return;
        }
        pools.setAll(names.stream().sorted().toList());
        poolsKnown = true;
        // A pool may have been made or replaced: its volumes are read again when next asked for.
        volumesKnown.keySet().retainAll(names);
        changed();
    }

    /** Counts up whenever a list changes, so a form shown before the lists came can check again. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }

    /**
     * What a device's field can be picked from: the remote's networks, interfaces, pools, or the
     * custom volumes of the device's pool (read now if they were not yet); null for a field
     * that points at nothing.
     */
    public ObservableList<String> choices(String type, String field, Map<String, String> device) {
        if ("nic".equals(type) && "network".equals(field)) {
            return networks;
        }
        if ("nic".equals(type) && "parent".equals(field)) {
            return interfaces;
        }
        if ("disk".equals(type) && "pool".equals(field)) {
            return pools;
        }
        if ("disk".equals(type) && "source".equals(field)) {
            String pool = device == null ? null : device.get("pool");
            return pool == null || pool.isBlank() ? FXCollections.observableArrayList() : volumes(pool.trim());
        }
        return null;
    }

    /** The custom volumes of {@code pool}, read once on the task executor. */
    public ObservableList<String> volumes(String pool) {
        ObservableList<String> list = volumes.computeIfAbsent(pool, p -> FXCollections.observableArrayList());
        if (!volumesKnown.containsKey(pool) && !disposed && (!poolsKnown || pools.contains(pool))) {
            volumesKnown.put(pool, false);
            tasks.execute(BackgroundTask.of(progress -> volumeReader.customVolumes(pool)).onSuccess(names -> {
                if (!disposed && volumesKnown.containsKey(pool)) {
                    list.setAll(names.stream().sorted().toList());
                    volumesKnown.put(pool, true);
                    changed();
                }
            }).onFailure(failure -> volumesKnown.remove(pool)));
        }
        return list;
    }

    /**
     * What the device names that the remote does not have: a network, a parent interface, a pool,
     * or a custom volume of its pool. Nothing is said about a list that has not been read yet.
     */
    public List<Problem> warnings(String name, Map<String, String> device) {
        List<Problem> found = new ArrayList<>();
        String type = device.getOrDefault("type", "");
        String path = "devices." + name;
        if (type.equals("nic")) {
            value(device, "network").filter(n -> networksKnown && !networks.contains(n))
                    .ifPresent(n -> found.add(Problem.of(path, "editor.devices.missingNetwork", n, remote)));
            value(device, "parent").filter(n -> networksKnown && !interfaces.contains(n))
                    .ifPresent(n -> found.add(Problem.of(path, "editor.devices.missingParent", n, remote)));
        } else if (type.equals("disk")) {
            Optional<String> pool = value(device, "pool");
            pool.filter(p -> poolsKnown && !pools.contains(p))
                    .ifPresent(p -> found.add(Problem.of(path, "editor.devices.missingPool", p, remote)));
            Optional<String> source = value(device, "source").filter(s -> !s.startsWith("/") && !s.contains(":"));
            if (pool.isPresent() && source.isPresent()) {
                ObservableList<String> known = volumes(pool.get());
                if (Boolean.TRUE.equals(volumesKnown.get(pool.get())) && !known.contains(source.get())) {
                    found.add(Problem.of(path, "editor.devices.missingVolume", source.get(), pool.get(), remote));
                }
            }
        }
        return found;
    }

    private static Optional<String> value(Map<String, String> device, String key) {
        String v = device.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** Stops following the remote. */
    public void dispose() {
        disposed = true;
        detach.run();
    }
}
