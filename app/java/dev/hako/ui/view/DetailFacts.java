package dev.hako.ui.view;

import dev.hako.lxd.api.Image;
import dev.hako.lxd.api.Network;
import dev.hako.lxd.api.NetworkLease;
import dev.hako.lxd.api.NetworkState;
import dev.hako.lxd.api.Server;
import dev.hako.lxd.api.StoragePool;
import dev.hako.lxd.api.StorageVolume;
import dev.hako.model.ObjectDetails;
import dev.hako.model.RemoteModel;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.Icons;
import dev.hako.ui.tree.TreeEntry;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Draws the facts of an object from what its view model holds. Stateless: a language
 * switch simply draws them again.
 */
final class DetailFacts {

    private final DetailViewModel model;
    private final I18n i18n;

    DetailFacts(DetailViewModel model) {
        this.model = model;
        this.i18n = model.i18n();
    }

    /** The facts of the entry, given what has been read so far (the view shows a spinner before that). */
    Node draw() {
        TreeEntry entry = model.entry();
        Object details = model.detailsProperty().get();
        if (entry instanceof TreeEntry.RemoteEntry) {
            return server(model.remote(), (Server) details);
        } else if (entry instanceof TreeEntry.ImageEntry image) {
            return image(image.image());
        } else if (entry instanceof TreeEntry.PoolEntry pool) {
            return pool(pool.pool(), (ObjectDetails.PoolReport) details);
        } else if (entry instanceof TreeEntry.VolumeEntry volume) {
            StorageVolume v = volume.volume().volume();
            return new FactSheet(i18n, v.name(), Icons.kind("volume"))
                    .fact("view.pool", volume.volume().pool()).fact("view.type", v.type())
                    .fact("view.contentType", v.contentType()).fact("view.description", v.description())
                    .fact("view.location", "none".equals(v.location()) ? null : v.location())
                    .keyValues("view.config", v.config()).list("view.usedBy", FactSheet.usedBy(v.usedBy())).content();
        } else if (entry instanceof TreeEntry.NetworkEntry network) {
            ObjectDetails.NetworkReport report = (ObjectDetails.NetworkReport) details;
            return network(network.network(), report == null ? null : report.state(),
                    report == null ? List.of() : report.leases());
        } else if (entry instanceof TreeEntry.ProfileEntry profile) {
            return new FactSheet(i18n, profile.profile().name(), Icons.kind("profile"))
                    .fact("view.description", profile.profile().description())
                    .keyValues("view.config", profile.profile().config())
                    .devices("view.devices", profile.profile().devices())
                    .list("view.usedBy", FactSheet.usedBy(profile.profile().usedBy())).content();
        } else if (entry instanceof TreeEntry.ProjectEntry project) {
            return new FactSheet(i18n, project.project().name(), Icons.kind("project"))
                    .fact("view.description", project.project().description())
                    .keyValues("view.config", project.project().config())
                    .list("view.usedBy", FactSheet.usedBy(project.project().usedBy())).content();
        }
        var m = ((TreeEntry.MemberEntry) entry).member();
        return new FactSheet(i18n, m.serverName(), Icons.kind("member"))
                .fact("view.status", m.status()).fact("view.message", m.message()).fact("view.url", m.url())
                .fact("view.roles", m.roles() == null ? null : String.join(", ", m.roles()))
                .fact("view.architecture", m.architecture()).fact("view.failureDomain", m.failureDomain())
                .fact("view.description", m.description()).keyValues("view.config", m.config()).content();
    }

    /** Whether the view has facts for this kind of entry (instances and groups have views of their own). */
    static boolean shows(TreeEntry entry) {
        return entry instanceof TreeEntry.RemoteEntry || entry instanceof TreeEntry.ImageEntry
                || entry instanceof TreeEntry.PoolEntry || entry instanceof TreeEntry.VolumeEntry
                || entry instanceof TreeEntry.NetworkEntry || entry instanceof TreeEntry.ProfileEntry
                || entry instanceof TreeEntry.ProjectEntry || entry instanceof TreeEntry.MemberEntry;
    }

    private Node server(RemoteModel remote, Server server) {
        var env = server.environment();
        FactSheet sheet = new FactSheet(i18n, remote.name(), Icons.remote(true, false));
        sheet.fact("view.serverKind", remote.state().kind() == null ? null : remote.state().kind().displayName())
                .fact("view.version", env == null ? null : env.serverVersion())
                .fact("view.endpoint", remote.endpoint().display())
                .fact("view.serverName", env == null ? null : env.serverName())
                .fact("view.clustered", env == null ? null : yesNo(env.serverClustered()))
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
        if (model.uninitialisedProperty().get()) {
            // A server with no storage pool has not been initialised: offer the wizard right here.
            Label hint = new Label(i18n.get("init.freshHint"));
            hint.setWrapText(true);
            Button init = new Button(i18n.get("menu.init.server"));
            init.setId("initFromView");
            init.setOnAction(e -> dev.hako.ui.wizard.init.InitialisationWizard.open(
                    init.getScene().getWindow(), i18n, remote));
            sheet.node(new VBox(6, hint, init));
        }
        Map<String, String> config = new java.util.TreeMap<>();
        if (server.config() != null) {
            // Hidden values (the trust password) come back as true: never show more than that.
            server.config().forEach((k, v) -> config.put(k, String.valueOf(v)));
        }
        sheet.keyValues("view.config", config);
        sheet.section("view.resources").node(resources());
        return sheet.content();
    }

    private Node resources() {
        ObjectDetails.HostResources host = model.resourcesProperty().get();
        if (host == null) {
            Exception failed = model.resourcesFailureProperty().get();
            return failed == null ? new ProgressIndicator() : new Label(model.loadFailedText(failed));
        }
        FactSheet inner = new FactSheet(i18n, "", null);
        inner.fact("view.cpus", host.cpus()).fact("view.cpuModel", host.cpuModel())
                .fact("view.memory", usage(host.memoryUsed(), host.memoryTotal()))
                .fact("view.disks", Integer.toString(host.disks()))
                .fact("view.nics", Integer.toString(host.nics()));
        return inner.content();
    }

    private static Node usage(long used, long total) {
        ProgressBar bar = new ProgressBar(total <= 0 ? 0 : (double) used / total);
        bar.setPrefWidth(220);
        bar.setId("usageBar");
        return new HBox(8, bar, new Label(FactSheet.bytes(used) + " / " + FactSheet.bytes(total)));
    }

    private String yesNo(boolean yes) {
        return i18n.get(yes ? "view.yes" : "view.no");
    }

    private Node image(Image image) {
        FactSheet sheet = new FactSheet(i18n, TreeEntry.ImageEntry.labelOf(image), Icons.kind("image"));
        sheet.fact("view.fingerprint", image.fingerprint())
                .fact("view.aliases", image.aliases() == null ? null
                        : String.join(", ", image.aliases().stream().map(Image.ImageAlias::name).toList()))
                .fact("view.description", image.properties() == null ? null : image.properties().get("description"))
                .fact("view.architecture", image.architecture()).fact("view.type", image.type())
                .fact("view.size", FactSheet.bytes(image.size()))
                .fact("view.public", yesNo(image.isPublic()))
                .fact("view.autoUpdate", yesNo(image.autoUpdate()))
                .fact("view.cached", yesNo(image.cached()))
                .fact("view.uploaded", sheet.date(image.uploadedAt()))
                .fact("view.created", sheet.date(image.createdAt()))
                .fact("view.lastUsed", sheet.date(image.lastUsedAt()))
                .fact("view.source", image.updateSource() == null ? null
                        : image.updateSource().server() + " " + image.updateSource().alias());
        return sheet.keyValues("view.properties", image.properties()).content();
    }

    private Node pool(StoragePool pool, ObjectDetails.PoolReport details) {
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
        return sheet.list("view.usedBy", FactSheet.usedBy(pool.usedBy())).content();
    }

    private Node network(Network network, NetworkState state, List<NetworkLease> leases) {
        FactSheet sheet = new FactSheet(i18n, network.name(), Icons.kind("network"));
        sheet.fact("view.type", network.type()).fact("view.managed", yesNo(network.managed()))
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
        return sheet.list("view.usedBy", FactSheet.usedBy(network.usedBy())).content();
    }
}
