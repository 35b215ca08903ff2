package dev.hako.ui.view;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Image;
import dev.hako.lxd.api.Network;
import dev.hako.lxd.api.NetworkLease;
import dev.hako.lxd.api.NetworkState;
import dev.hako.lxd.api.Server;
import dev.hako.lxd.api.StoragePool;
import dev.hako.lxd.api.StoragePoolResources;
import dev.hako.lxd.api.StorageVolume;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.Icons;
import dev.hako.ui.common.TaskRunner;
import dev.hako.ui.tree.TreeEntry;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * The read-only detail view of every kind of tree entry but instances (those have
 * their own tabbed view). What the model holds is shown at once; what it does not
 * (server resources, leases, pool usage) is fetched once when the view opens.
 */
public final class DetailViews {

    private final Workspace workspace;
    private final I18n i18n;

    public DetailViews(Workspace workspace, I18n i18n) {
        this.workspace = workspace;
        this.i18n = i18n;
    }

    /** Editors already opened, by object: a draft survives selecting something else and coming back. */
    private final Map<String, dev.hako.ui.editor.ConfigEditor> editors = new java.util.HashMap<>();

    /**
     * The view for an entry, or null when there is nothing to show beyond the tree row.
     * Objects with configuration get a second tab with the configuration editor.
     */
    public Node viewOf(TreeEntry entry) {
        if (dev.hako.ui.cluster.ClusterView.shows(entry) && workspace.remote(entry.remote()) != null) {
            return dev.hako.ui.cluster.ClusterView.of(workspace.remote(entry.remote()), i18n, entry);
        }
        Node facts = factsOf(entry);
        if (facts == null) {
            return null;
        }
        RemoteModel remote = workspace.remote(entry.remote());
        String key = editorKey(entry);
        if (key == null) {
            return facts;
        }
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane();
        tabs.setId("objectTabs");
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        javafx.scene.control.Tab overview = new javafx.scene.control.Tab(i18n.get("instance.tab.overview"), facts);
        javafx.scene.control.Tab configuration = new javafx.scene.control.Tab(i18n.get("view.tab.configuration"));
        configuration.setId("configurationTab");
        Runnable open = () -> {
            if (configuration.getContent() == null) {
                dev.hako.ui.editor.ConfigEditor editor = editors.computeIfAbsent(key, k -> editorOf(remote, entry));
                editor.refreshIfClean();
                configuration.setContent(editor.node());
            }
        };
        configuration.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
                open.run();
            }
        });
        tabs.getTabs().setAll(overview, configuration);
        if (entry instanceof TreeEntry.VolumeEntry v) {
            javafx.scene.control.Tab backups = dev.hako.ui.images.VolumeBackupsTab.tabFor(workspace, remote,
                    v.volume(), i18n);
            if (backups != null) {
                tabs.getTabs().add(backups);
            }
        }
        if (editors.containsKey(key) && editors.get(key).hasUnsavedChanges()) {
            // Come back to the unsaved draft.
            tabs.getSelectionModel().select(configuration);
            open.run();
        }
        return tabs;
    }

    private static String editorKey(TreeEntry entry) {
        String remote = entry.remote() + "/";
        if (entry instanceof TreeEntry.RemoteEntry) {
            return remote + "server";
        } else if (entry instanceof TreeEntry.PoolEntry p) {
            return remote + "pool/" + p.pool().name();
        } else if (entry instanceof TreeEntry.VolumeEntry v) {
            return remote + "volume/" + v.volume().key();
        } else if (entry instanceof TreeEntry.NetworkEntry n && n.network().managed()) {
            return remote + "network/" + n.network().name();
        } else if (entry instanceof TreeEntry.ProfileEntry p) {
            return remote + "profile/" + p.profile().name();
        } else if (entry instanceof TreeEntry.ProjectEntry p) {
            return remote + "project/" + p.project().name();
        }
        return null;
    }

    private dev.hako.ui.editor.ConfigEditor editorOf(RemoteModel remote, TreeEntry entry) {
        if (entry instanceof TreeEntry.PoolEntry p) {
            return dev.hako.ui.editor.ConfigEditor.forStoragePool(remote, p.pool().name(), i18n);
        } else if (entry instanceof TreeEntry.VolumeEntry v) {
            return dev.hako.ui.editor.ConfigEditor.forStorageVolume(remote, v.volume().pool(),
                    v.volume().volume().type(), v.volume().volume().name(), i18n);
        } else if (entry instanceof TreeEntry.NetworkEntry n) {
            return dev.hako.ui.editor.ConfigEditor.forNetwork(remote, n.network().name(), i18n);
        } else if (entry instanceof TreeEntry.ProfileEntry p) {
            return dev.hako.ui.editor.ConfigEditor.forProfile(remote, p.profile().name(), i18n);
        } else if (entry instanceof TreeEntry.ProjectEntry p) {
            return dev.hako.ui.editor.ConfigEditor.forProject(remote, p.project().name(), i18n);
        }
        return dev.hako.ui.editor.ConfigEditor.forServer(remote, i18n);
    }

    /** Ends every open editor (language change, window close). */
    public void dispose() {
        editors.values().forEach(dev.hako.ui.editor.ConfigEditor::dispose);
        editors.clear();
    }

    private Node factsOf(TreeEntry entry) {
        RemoteModel remote = entry == null ? null : workspace.remote(entry.remote());
        if (remote == null) {
            return null;
        }
        if (entry instanceof TreeEntry.RemoteEntry) {
            return loading(remote, client -> client.server().get().value(), server -> server(remote, server));
        } else if (entry instanceof TreeEntry.ImageEntry image) {
            return image(image.image());
        } else if (entry instanceof TreeEntry.PoolEntry pool) {
            return loading(remote, client -> new PoolDetails(client.storage().poolResources(pool.pool().name()),
                    client.storage().volumes(pool.pool().name())), details -> pool(pool.pool(), details));
        } else if (entry instanceof TreeEntry.VolumeEntry volume) {
            StorageVolume v = volume.volume().volume();
            FactSheet sheet = new FactSheet(i18n, v.name(), Icons.kind("volume"))
                    .fact("view.pool", volume.volume().pool()).fact("view.type", v.type())
                    .fact("view.contentType", v.contentType()).fact("view.description", v.description())
                    .fact("view.location", "none".equals(v.location()) ? null : v.location());
            return sheet.keyValues("view.config", v.config()).list("view.usedBy", FactSheet.usedBy(v.usedBy()))
                    .build();
        } else if (entry instanceof TreeEntry.NetworkEntry network) {
            Network n = network.network();
            if (!n.managed()) {
                return network(n, null, List.of());
            }
            return loading(remote, client -> new NetworkDetails(client.networks().state(n.name()),
                    client.networks().leases(n.name())), details -> network(n, details.state(), details.leases()));
        } else if (entry instanceof TreeEntry.ProfileEntry profile) {
            return new FactSheet(i18n, profile.profile().name(), Icons.kind("profile"))
                    .fact("view.description", profile.profile().description())
                    .keyValues("view.config", profile.profile().config())
                    .devices("view.devices", profile.profile().devices())
                    .list("view.usedBy", FactSheet.usedBy(profile.profile().usedBy())).build();
        } else if (entry instanceof TreeEntry.ProjectEntry project) {
            return new FactSheet(i18n, project.project().name(), Icons.kind("project"))
                    .fact("view.description", project.project().description())
                    .keyValues("view.config", project.project().config())
                    .list("view.usedBy", FactSheet.usedBy(project.project().usedBy())).build();
        } else if (entry instanceof TreeEntry.MemberEntry member) {
            var m = member.member();
            return new FactSheet(i18n, m.serverName(), Icons.kind("member"))
                    .fact("view.status", m.status()).fact("view.message", m.message()).fact("view.url", m.url())
                    .fact("view.roles", m.roles() == null ? null : String.join(", ", m.roles()))
                    .fact("view.architecture", m.architecture()).fact("view.failureDomain", m.failureDomain())
                    .fact("view.description", m.description()).keyValues("view.config", m.config()).build();
        }
        return null;
    }

    private record PoolDetails(StoragePoolResources resources, List<StorageVolume> volumes) {
    }

    private record NetworkDetails(NetworkState state, List<NetworkLease> leases) {
    }

    /** Shows a spinner, runs {@code load} in the background, then the view it makes (or the error). */
    private <T> Node loading(RemoteModel remote, Function<LxdClient, T> load, Function<T, Node> view) {
        StackPane holder = new StackPane(new ProgressIndicator());
        LxdClient client = remote.client();
        if (client == null) {
            holder.getChildren().setAll(new Label(i18n.format("view.offline", remote.name(),
                    remote.state().reason() == null ? "" : remote.state().reason())));
            return holder;
        }
        Supplier<T> work = () -> load.apply(client);
        TaskRunner.run(work, result -> holder.getChildren().setAll(view.apply(result)),
                failure -> holder.getChildren().setAll(new Label(i18n.format("view.loadFailed",
                        failure instanceof dev.hako.lxd.LxdException lxd ? lxd.serverMessage() : failure.getMessage()))));
        return holder;
    }

    private Node server(RemoteModel remote, Server server) {
        var env = server.environment();
        FactSheet sheet = new FactSheet(i18n, remote.name(), Icons.remote(true, false));
        sheet.fact("view.serverKind", remote.client() == null ? null : remote.client().kind().displayName())
                .fact("view.version", env == null ? null : env.serverVersion())
                .fact("view.endpoint", remote.endpoint().display())
                .fact("view.serverName", env == null ? null : env.serverName())
                .fact("view.clustered", env == null ? null : i18n.get(env.serverClustered() ? "view.yes" : "view.no"))
                .fact("view.kernel", env == null ? null : env.kernel() + " " + env.kernelVersion()
                        + " (" + env.kernelArchitecture() + ")")
                .fact("view.os", env == null ? null : env.osName() + " " + env.osVersion())
                .fact("view.driver", env == null ? null : env.driver() + " " + env.driverVersion())
                .fact("view.addresses", env == null || env.addresses() == null ? null
                        : String.join(", ", env.addresses()))
                .fact("view.storageDrivers", env == null || env.storageSupportedDrivers() == null ? null
                        : String.join(", ", env.storageSupportedDrivers().stream().map(d -> d.name()).toList()))
                .fact("view.fingerprint", env == null ? null : env.certificateFingerprint())
                .fact("view.apiExtensions", server.apiExtensions() == null ? null
                        : Integer.toString(server.apiExtensions().size()));
        // A server with no storage pool has not been initialised: offer the wizard right here.
        StackPane fresh = new StackPane();
        sheet.node(fresh);
        java.util.function.Consumer<Boolean> offerInit = empty -> {
            if (empty) {
                Label hint = new Label(i18n.get("init.freshHint"));
                hint.setWrapText(true);
                javafx.scene.control.Button init = new javafx.scene.control.Button(i18n.get("menu.init.server"));
                init.setId("initFromView");
                init.setOnAction(e -> dev.hako.ui.wizard.init.InitialisationWizard.open(
                        init.getScene().getWindow(), i18n, remote));
                fresh.getChildren().setAll(new javafx.scene.layout.VBox(6, hint, init));
            }
        };
        if (remote.storagePools().isLoaded()) {
            // The remote's pool collection knows without asking the server again.
            offerInit.accept(remote.storagePools().snapshot().isEmpty());
        } else if (remote.client() != null) {
            LxdClient poolsOf = remote.client();
            TaskRunner.run(() -> poolsOf.storage().pools().isEmpty(), offerInit, failure -> { });
        }
        Map<String, String> config = new java.util.TreeMap<>();
        if (server.config() != null) {
            // Hidden values (the trust password) come back as true: never show more than that.
            server.config().forEach((k, v) -> config.put(k, String.valueOf(v)));
        }
        sheet.keyValues("view.config", config);
        StackPane resources = new StackPane(new ProgressIndicator());
        sheet.section("view.resources").node(resources);
        LxdClient client = remote.client();
        if (client != null) {
            TaskRunner.run(() -> client.server().resources(), json -> resources.getChildren().setAll(
                    resourcesSummary(json)), failure -> resources.getChildren().setAll(new Label(
                            i18n.format("view.loadFailed", failure.getMessage()))));
        }
        return sheet.build();
    }

    private Node resourcesSummary(JsonNode json) {
        FactSheet inner = new FactSheet(i18n, "", null);
        long memoryUsed = json.path("memory").path("used").asLong();
        long memoryTotal = json.path("memory").path("total").asLong();
        inner.fact("view.cpus", json.path("cpu").path("total").asText())
                .fact("view.cpuModel", json.path("cpu").path("sockets").path(0).path("name").asText(null))
                .fact("view.memory", usage(memoryUsed, memoryTotal))
                .fact("view.disks", Integer.toString(json.path("storage").path("disks").size()))
                .fact("view.nics", Integer.toString(json.path("network").path("cards").size()));
        return inner.build();
    }

    private Node usage(long used, long total) {
        ProgressBar bar = new ProgressBar(total <= 0 ? 0 : (double) used / total);
        bar.setPrefWidth(220);
        bar.setId("usageBar");
        return new HBox(8, bar, new Label(FactSheet.bytes(used) + " / " + FactSheet.bytes(total)));
    }

    private Node image(Image image) {
        FactSheet sheet = new FactSheet(i18n, new TreeEntry.ImageEntry("", image).label(), Icons.kind("image"));
        sheet.fact("view.fingerprint", image.fingerprint())
                .fact("view.aliases", image.aliases() == null ? null
                        : String.join(", ", image.aliases().stream().map(Image.ImageAlias::name).toList()))
                .fact("view.description", image.properties() == null ? null : image.properties().get("description"))
                .fact("view.architecture", image.architecture()).fact("view.type", image.type())
                .fact("view.size", FactSheet.bytes(image.size()))
                .fact("view.public", i18n.get(image.isPublic() ? "view.yes" : "view.no"))
                .fact("view.autoUpdate", i18n.get(image.autoUpdate() ? "view.yes" : "view.no"))
                .fact("view.cached", i18n.get(image.cached() ? "view.yes" : "view.no"))
                .fact("view.uploaded", sheet.date(image.uploadedAt()))
                .fact("view.created", sheet.date(image.createdAt()))
                .fact("view.lastUsed", sheet.date(image.lastUsedAt()))
                .fact("view.source", image.updateSource() == null ? null
                        : image.updateSource().server() + " " + image.updateSource().alias());
        return sheet.keyValues("view.properties", image.properties()).build();
    }

    private Node pool(StoragePool pool, PoolDetails details) {
        FactSheet sheet = new FactSheet(i18n, pool.name(), Icons.kind("pool"));
        sheet.fact("view.storageDriver", pool.driver()).fact("view.status", pool.status())
                .fact("view.poolSource", pool.config() == null ? null : pool.config().get("source"))
                .fact("view.description", pool.description());
        if (details.resources() != null && details.resources().space() != null) {
            sheet.fact("view.space", usage(details.resources().space().used(), details.resources().space().total()));
        }
        sheet.keyValues("view.config", pool.config());
        sheet.section("view.volumes");
        TableView<StorageVolume> volumes = new TableView<>();
        volumes.setId("poolVolumes");
        volumes.getItems().setAll(details.volumes());
        volumes.getColumns().setAll(List.of(
                FactSheet.column(i18n.get("view.name"), 200, StorageVolume::name),
                FactSheet.column(i18n.get("view.type"), 120, StorageVolume::type),
                FactSheet.column(i18n.get("view.contentType"), 100, StorageVolume::contentType),
                FactSheet.column(i18n.get("view.usedBy"), 300, v -> String.join(", ", FactSheet.usedBy(v.usedBy())))));
        FactSheet.fitRows(volumes, details.volumes().size(), 12);
        sheet.node(volumes);
        return sheet.list("view.usedBy", FactSheet.usedBy(pool.usedBy())).build();
    }

    private Node network(Network network, NetworkState state, List<NetworkLease> leases) {
        FactSheet sheet = new FactSheet(i18n, network.name(), Icons.kind("network"));
        sheet.fact("view.type", network.type())
                .fact("view.managed", i18n.get(network.managed() ? "view.yes" : "view.no"))
                .fact("view.status", network.status()).fact("view.description", network.description());
        if (network.config() != null) {
            sheet.fact("view.ipv4", network.config().get("ipv4.address"))
                    .fact("view.ipv6", network.config().get("ipv6.address"));
        }
        if (state != null) {
            sheet.fact("view.state", state.state()).fact("view.mtu", Integer.toString(state.mtu()))
                    .fact("view.hwaddr", state.hwaddr())
                    .fact("view.addresses", state.addresses() == null ? null : String.join(", ",
                            state.addresses().stream().map(a -> a.address() + "/" + a.netmask()).toList()));
        }
        sheet.keyValues("view.config", network.config());
        if (network.managed()) {
            sheet.section("view.leases");
            TableView<NetworkLease> table = new TableView<>();
            table.setId("networkLeases");
            table.setPlaceholder(new Label(i18n.get("view.noLeases")));
            table.getItems().setAll(leases);
            table.getColumns().setAll(List.of(
                    FactSheet.column(i18n.get("view.hostname"), 160, NetworkLease::hostname),
                    FactSheet.column(i18n.get("view.address"), 200, NetworkLease::address),
                    FactSheet.column(i18n.get("view.hwaddr"), 160, NetworkLease::hwaddr),
                    FactSheet.column(i18n.get("view.type"), 100, NetworkLease::type)));
            FactSheet.fitRows(table, leases.size(), 10);
            sheet.node(table);
        }
        return sheet.list("view.usedBy", FactSheet.usedBy(network.usedBy())).build();
    }
}
