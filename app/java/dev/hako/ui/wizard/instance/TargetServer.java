package dev.hako.ui.wizard.instance;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.ClusterMember;
import dev.hako.lxd.api.Network;
import dev.hako.lxd.api.Profile;
import dev.hako.lxd.api.Server;
import dev.hako.lxd.api.StoragePool;
import dev.hako.model.CollectionListener;
import dev.hako.model.RemoteModel;
import dev.hako.model.ResourceCollection;
import dev.hako.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the wizard knows of the server the instance goes to: what {@code GET /1.0} said, and
 * the names of its profiles, managed networks, pools, cluster members and instances as
 * sorted lists, kept current from the remote's live collections (UI thread) until closed.
 */
final class TargetServer implements AutoCloseable {

    private final String name;
    private final Server server;
    private final ServerKind kind;
    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final ObservableList<String> pools = FXCollections.observableArrayList();
    private final ObservableList<String> networks = FXCollections.observableArrayList();
    private final ObservableList<String> members = FXCollections.observableArrayList();
    private final ObservableList<String> instances = FXCollections.observableArrayList();
    private final List<Runnable> unsubscribes = new ArrayList<>();

    TargetServer(String name, Server server, ServerKind kind) {
        this.name = name;
        this.server = server;
        this.kind = kind;
    }

    /** Follows {@code remote}'s collections; {@code client} is its connected client. */
    static TargetServer following(RemoteModel remote, LxdClient client, TaskExecutor tasks) {
        TargetServer target = new TargetServer(remote.name(), client.serverInfo(), client.kind());
        target.follow(remote.profiles(), Profile::name, p -> true, target.profiles, tasks);
        target.follow(remote.storagePools(), StoragePool::name, p -> true, target.pools, tasks);
        target.follow(remote.networks(), Network::name, Network::managed, target.networks, tasks);
        target.follow(remote.clusterMembers(), ClusterMember::serverName, m -> true, target.members, tasks);
        target.follow(remote.instances(), dev.hako.lxd.api.Instance::name, i -> true, target.instances, tasks);
        return target;
    }

    private <T> void follow(ResourceCollection<T> collection, Function<T, String> nameOf, Predicate<T> wanted,
                            ObservableList<String> names, TaskExecutor tasks) {
        names.setAll(namesOf(collection.snapshot(), nameOf, wanted));
        CollectionListener<T> listener = change -> {
            List<String> fresh = namesOf(change.snapshot(), nameOf, wanted);
            tasks.runOnUi(() -> {
                if (!names.equals(fresh)) {
                    names.setAll(fresh);
                }
            });
        };
        collection.addListener(listener);
        unsubscribes.add(() -> collection.removeListener(listener));
    }

    private static <T> List<String> namesOf(Map<String, T> snapshot, Function<T, String> nameOf,
                                            Predicate<T> wanted) {
        return snapshot.values().stream().filter(wanted).map(nameOf).sorted().toList();
    }

    /** Sets the names at once (tests, and a target without a remote). */
    TargetServer with(Collection<String> profileNames, Collection<String> poolNames,
                      Collection<String> networkNames, Collection<String> memberNames,
                      Collection<String> instanceNames) {
        profiles.setAll(profileNames.stream().sorted().toList());
        pools.setAll(poolNames.stream().sorted().toList());
        networks.setAll(networkNames.stream().sorted().toList());
        members.setAll(memberNames.stream().sorted().toList());
        instances.setAll(instanceNames.stream().sorted().toList());
        return this;
    }

    String name() {
        return name;
    }

    ServerKind kind() {
        return kind;
    }

    ObservableList<String> profiles() {
        return profiles;
    }

    ObservableList<String> pools() {
        return pools;
    }

    /** Managed networks only: a NIC names one of these. */
    ObservableList<String> networks() {
        return networks;
    }

    /** Empty unless the server is clustered. */
    ObservableList<String> members() {
        return members;
    }

    ObservableList<String> instances() {
        return instances;
    }

    /** Whether the server runs virtual machines (a QEMU driver). */
    boolean supportsVms() {
        String driver = server.environment() == null ? null : server.environment().driver();
        return driver != null && driver.contains("qemu");
    }

    /** The config key cloud-init reads user-data from on this server. */
    String cloudInitKey() {
        return InstanceRequest.cloudInitKey(server.hasExtension("cloud_init"));
    }

    /** The server's own architecture first, as it reports them. */
    List<String> architectures() {
        return server.environment() == null || server.environment().architectures() == null ? List.of()
                : server.environment().architectures();
    }

    /** Stops following the remote's collections. */
    @Override
    public void close() {
        unsubscribes.forEach(Runnable::run);
        unsubscribes.clear();
    }
}
