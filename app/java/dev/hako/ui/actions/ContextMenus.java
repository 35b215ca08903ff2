package dev.hako.ui.actions;

import dev.hako.lxd.api.Image;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstanceStatus;
import dev.hako.lxd.LxdClient;
import dev.hako.model.ActionCommands;
import dev.hako.model.ConnectionState;
import dev.hako.model.RemoteModel;
import dev.hako.ui.cluster.ClusterMenus;
import dev.hako.ui.common.CommandBox;
import dev.hako.ui.common.I18n;
import dev.hako.ui.images.ImageActions;
import dev.hako.ui.projects.ProjectActions;
import dev.hako.ui.projects.ProjectSwitch;
import dev.hako.ui.tree.TreeEntry;
import dev.hako.ui.volumes.VolumeActions;
import dev.hako.ui.wizard.migrate.MigrationWizard;
import dev.hako.ui.wizard.pool.DeletePoolDialog;
import dev.hako.ui.wizard.pool.StoragePoolWizard;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * The context menu for what is selected in the tree. Instance actions apply to
 * every selected instance of the same remote (bulk start, stop, delete).
 */
public final class ContextMenus {

    private final ActionContext context;
    private final I18n i18n;
    private final InstanceActions instances;
    private final ObjectActions objects;
    private final ImageActions transfers;
    private final ProjectActions projects;
    private final VolumeActions volumes;
    private final dev.hako.ui.imageservers.ImageServerBrowsers imageServers;

    public ContextMenus(ActionContext context) {
        this.context = context;
        this.i18n = context.i18n();
        this.instances = new InstanceActions(context);
        this.objects = new ObjectActions(context);
        this.transfers = new ImageActions(context);
        this.projects = new ProjectActions(context);
        this.volumes = new VolumeActions(context.tasks(), context.dialogs());
        this.imageServers = new dev.hako.ui.imageservers.ImageServerBrowsers(context::owner, i18n,
                context.workspace(), context.tasks(), context.dialogs(), context::showInstance);
    }

    /** The image servers' browsers (the details of an image server's tree row). */
    public dev.hako.ui.imageservers.ImageServerBrowsers imageServers() {
        return imageServers;
    }

    public InstanceActions instances() {
        return instances;
    }

    public ObjectActions objects() {
        return objects;
    }

    public ContextMenu forSelection(List<TreeEntry> selection) {
        ContextMenu menu = new ContextMenu();
        if (selection.isEmpty()) {
            return menu;
        }
        TreeEntry first = selection.get(0);
        if (first instanceof TreeEntry.ImageServerEntry server) {
            add(menu, "imageservers.reload", "menuImageServerReload", e -> imageServers.reload(server.server()));
            return menu;
        }
        RemoteModel remote = context.workspace().remote(first.remote());
        if (remote == null) {
            return menu;
        }
        List<Instance> selectedInstances = selection.stream()
                .filter(e -> e instanceof TreeEntry.InstanceEntry && e.remote().equals(remote.name()))
                .map(e -> ((TreeEntry.InstanceEntry) e).instance()).toList();
        if (!selectedInstances.isEmpty()) {
            instanceItems(menu, remote, selectedInstances);
        } else if (first instanceof TreeEntry.RemoteEntry) {
            ConnectionState.Status status = remote.state().status();
            if (status == ConnectionState.Status.OFFLINE || status == ConnectionState.Status.TOO_OLD) {
                add(menu, "action.remote.reconnect", "menuReconnect", e -> remote.reconnect());
            }
            if (status == ConnectionState.Status.TOO_OLD) {
                // Nothing else can be asked of a server without the instances API.
                return menu;
            }
            add(menu, "action.create", "menuCreateInstance", e -> instances.create(remote));
            add(menu, "action.stopAll", "menuStopAll", e -> instances.stopAll(remote));
            add(menu, "images.import", "menuImportImage", e -> transfers.importImage(remote));
            add(menu, "backups.import", "menuImportBackup", e -> transfers.importBackup(remote));
            add(menu, "menu.init.server", "menuInitServer",
                    e -> dev.hako.ui.wizard.init.InitialisationWizard.open(context.owner(), i18n, remote));
            menu.getItems().add(ProjectSwitch.menu(i18n, context.tasks(), context.dialogs(), remote));
        } else if (first instanceof TreeEntry.GroupEntry group) {
            switch (group.group()) {
                case INSTANCES -> {
                    add(menu, "action.create", "menuCreateInstance", e -> instances.create(remote));
                    add(menu, "backups.import", "menuImportBackup", e -> transfers.importBackup(remote));
                }
                case IMAGES -> add(menu, "images.import", "menuImportImage", e -> transfers.importImage(remote));
                case NETWORKS -> add(menu, "action.network.create", "menuCreateNetwork",
                        e -> objects.createNetwork(remote));
                case PROFILES -> add(menu, "action.profile.create", "menuCreateProfile",
                        e -> objects.createProfile(remote));
                case STORAGE_POOLS -> add(menu, "menu.pool.create", "menuCreatePool",
                        e -> StoragePoolWizard.open(context.tasks(), context.dialogs(), remote));
                case PROJECTS -> add(menu, "project.create", "menuCreateProject", e -> projects.create(remote));
                default -> { }
            }
        } else if (first instanceof TreeEntry.ImageEntry) {
            List<Image> images = selection.stream().filter(e -> e instanceof TreeEntry.ImageEntry)
                    .map(e -> ((TreeEntry.ImageEntry) e).image()).toList();
            Image image = images.get(0);
            add(menu, "action.alias.create", "menuCreateAlias", e -> objects.createAlias(remote, image));
            if (image.aliases() != null) {
                for (Image.ImageAlias alias : image.aliases()) {
                    MenuItem rename = new MenuItem(i18n.format("action.alias.renameNamed", alias.name()));
                    rename.setId("menuRenameAlias-" + alias.name());
                    rename.setOnAction(e -> objects.renameAlias(remote, alias.name()));
                    MenuItem delete = new MenuItem(i18n.format("action.alias.deleteNamed", alias.name()));
                    delete.setId("menuDeleteAlias-" + alias.name());
                    delete.setOnAction(e -> objects.deleteAlias(remote, alias.name()));
                    menu.getItems().addAll(rename, delete);
                }
            }
            if (images.size() == 1) {
                add(menu, "images.edit", "menuEditImage", e -> transfers.editImage(remote, image));
                if (image.updateSource() != null) {
                    add(menu, "images.refresh", "menuRefreshImage", e -> transfers.refreshImage(remote, image));
                }
            }
            add(menu, "images.export", "menuExportImage", e -> transfers.exportImage(remote, image));
            add(menu, "images.copy", "menuCopyImage", e -> transfers.copyImage(remote, image));
            menu.getItems().add(new SeparatorMenuItem());
            add(menu, "action.image.delete", "menuDeleteImage", e -> objects.deleteImages(remote, images));
        } else if (first instanceof TreeEntry.PoolEntry pool) {
            add(menu, "action.volume.create", "menuCreateVolume", e -> objects.createVolume(remote, pool.pool().name()));
            if (ImageActions.volumeBackupsSupported(remote)) {
                add(menu, "backups.volume.import", "menuImportVolumeBackup",
                        e -> transfers.importVolumeBackup(remote, pool.pool().name()));
            }
            add(menu, "menu.pool.create", "menuCreatePool",
                    e -> StoragePoolWizard.open(context.tasks(), context.dialogs(), remote));
            add(menu, "menu.pool.delete", "menuDeletePool", e -> DeletePoolDialog.open(context.tasks(),
                    context.dialogs(), remote, pool.pool().name()));
        } else if (first instanceof TreeEntry.VolumeEntry volume) {
            add(menu, "volumes.menu.attach", "menuAttachVolume", e -> volumes.attachVolume(remote, volume.volume()));
            add(menu, "volumes.menu.rename", "menuRenameVolume", e -> volumes.rename(remote, volume.volume()));
            add(menu, "volumes.menu.resize", "menuResizeVolume", e -> volumes.resize(remote, volume.volume()));
            add(menu, "volumes.menu.copy", "menuCopyVolume", e -> volumes.copyOrMove(remote, volume.volume(), false));
            add(menu, "volumes.menu.move", "menuMoveVolume", e -> volumes.copyOrMove(remote, volume.volume(), true));
            menu.getItems().add(new SeparatorMenuItem());
            add(menu, "action.volume.delete", "menuDeleteVolume", e -> objects.deleteVolume(remote, volume.volume()));
        } else if (first instanceof TreeEntry.NetworkEntry network) {
            add(menu, "action.network.create", "menuCreateNetwork", e -> objects.createNetwork(remote));
            if (network.network().managed()) {
                add(menu, "network.rename", "menuRenameNetwork",
                        e -> objects.renameNetwork(remote, network.network().name()));
                add(menu, "action.network.delete", "menuDeleteNetwork", e -> objects.deleteNetwork(remote,
                        network.network().name(), network.network().usedBy()));
            }
        } else if (first instanceof TreeEntry.ProjectEntry entry) {
            add(menu, "project.use", "menuUseProject", e -> ProjectSwitch.switchTo(context.tasks(),
                    context.dialogs(), remote, entry.project().name()))
                    .setDisable(entry.project().name().equals(ProjectSwitch.current(remote)));
            add(menu, "project.create", "menuCreateProject", e -> projects.create(remote));
            if (!ProjectActions.DEFAULT.equals(entry.project().name())) {
                add(menu, "project.rename", "menuRenameProject", e -> projects.rename(remote, entry.project()));
                menu.getItems().add(new SeparatorMenuItem());
                add(menu, "project.delete", "menuDeleteProject", e -> projects.delete(remote, entry.project()));
            }
        } else if (first instanceof TreeEntry.ProfileEntry profile) {
            add(menu, "action.profile.create", "menuCreateProfile", e -> objects.createProfile(remote));
            add(menu, "action.profile.copy", "menuCopyProfile", e -> objects.copyProfile(remote, profile.profile()));
            if (!"default".equals(profile.profile().name())) {
                add(menu, "profile.rename", "menuRenameProfile", e -> objects.renameProfile(remote, profile.profile()));
                add(menu, "action.profile.delete", "menuDeleteProfile",
                        e -> objects.deleteProfile(remote, profile.profile()));
            }
        }
        ClusterMenus.addItems(menu, context.tasks(), context.dialogs(), context.workspace(), remote, first);
        return menu;
    }

    private void instanceItems(ContextMenu menu, RemoteModel remote, List<Instance> selected) {
        boolean anyStopped = selected.stream().anyMatch(i -> i.statusCode() == InstanceStatus.STOPPED);
        boolean anyRunning = selected.stream().anyMatch(Instance::running);
        boolean anyFrozen = selected.stream().anyMatch(i -> i.statusCode() == InstanceStatus.FROZEN);
        boolean anyActive = selected.stream().anyMatch(i -> i.statusCode() != InstanceStatus.STOPPED);
        add(menu, "action.start", "menuStart", e -> instances.start(remote, selected)).setDisable(!anyStopped);
        add(menu, "action.stop", "menuStop", e -> instances.stop(remote, selected)).setDisable(!anyActive);
        add(menu, "action.restart", "menuRestart", e -> instances.restart(remote, selected)).setDisable(!anyRunning);
        add(menu, "action.freeze", "menuFreeze", e -> instances.freeze(remote, selected)).setDisable(!anyRunning);
        add(menu, "action.unfreeze", "menuUnfreeze", e -> instances.unfreeze(remote, selected))
                .setDisable(!anyFrozen);
        menu.getItems().add(new SeparatorMenuItem());
        if (selected.size() == 1) {
            Instance one = selected.get(0);
            // The keys the tree answers to (see MainWindow) are shown beside their items.
            add(menu, "action.rename", "menuRename", e -> instances.rename(remote, one))
                    .setAccelerator(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.F2));
            add(menu, "action.copy", "menuCopy", e -> instances.copy(remote, one));
            add(menu, "menu.instance.migrate", "menuMigrate", e -> MigrationWizard.open(context.tasks(),
                    context.dialogs(), context.workspace(), remote, one, null, null));
            add(menu, "action.snapshot", "menuSnapshot", e -> instances.createSnapshot(remote, one));
            add(menu, "forward.menu", "menuForwardPort", e -> instances.forwardPort(remote, one));
            add(menu, "volumes.menu.attachTo", "menuAttachToInstance", e -> volumes.attachToInstance(remote, one));
            add(menu, "volumes.menu.detach", "menuDetachVolume", e -> volumes.detachFromInstance(remote, one));
            add(menu, "images.publish", "menuPublish", e -> transfers.publish(remote, one.name(), null));
            menu.getItems().add(new SeparatorMenuItem());
        }
        add(menu, "action.delete", "menuDelete", e -> instances.delete(remote, selected))
                .setAccelerator(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.DELETE));
        LxdClient client = remote.client();
        boolean anyDialogless = anyStopped || anyRunning || anyFrozen;
        if (client != null && anyDialogless) {
            menu.getItems().add(new SeparatorMenuItem());
            menu.getItems().add(lifecycleCommands(ActionContext.commands(remote, client), selected));
        }
    }

    /**
     * "Command line ▸": the CLI line of each state change the menu offers for the selection,
     * each copied to the clipboard when chosen (the actions with a dialog show theirs there).
     */
    private Menu lifecycleCommands(ActionCommands commands, List<Instance> selected) {
        Menu menu = new Menu(i18n.get("action.commands"));
        menu.setId("menuCommands");
        List<String> startable = names(InstanceActions.startable(selected));
        List<String> freezable = names(InstanceActions.freezable(selected));
        List<String> frozen = names(InstanceActions.frozen(selected));
        addCommand(menu, "menuCommandStart", startable.isEmpty() ? null : commands.start(startable));
        addCommand(menu, "menuCommandFreeze", freezable.isEmpty() ? null : commands.freeze(freezable));
        addCommand(menu, "menuCommandUnfreeze", frozen.isEmpty() ? null : commands.unfreeze(frozen));
        return menu;
    }

    private static List<String> names(List<Instance> instances) {
        return instances.stream().map(Instance::name).toList();
    }

    private static void addCommand(Menu menu, String id, String command) {
        if (command != null) {
            MenuItem item = new MenuItem(command);
            item.setId(id);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> CommandBox.copyToClipboard(command));
            menu.getItems().add(item);
        }
    }

    private MenuItem add(ContextMenu menu, String key, String id, Consumer<javafx.event.ActionEvent> handler) {
        MenuItem item = new MenuItem(i18n.get(key));
        item.setId(id);
        item.setOnAction(Objects.requireNonNull(handler)::accept);
        menu.getItems().add(item);
        return item;
    }
}
