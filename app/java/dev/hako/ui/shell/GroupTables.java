package dev.hako.ui.shell;

import dev.hako.model.PoolVolume;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.ui.actions.ContextMenus;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.common.UiSettings;
import dev.hako.ui.tree.TreeEntry;
import dev.hako.ui.tree.TreeLocation;
import dev.hako.ui.view.instances.InstanceTableView;
import dev.hako.ui.view.instances.InstanceTableViewModel;
import dev.hako.ui.view.lists.FollowedTable;
import dev.hako.ui.view.lists.ListTableView;
import dev.hako.ui.view.lists.ListTableViewModel;
import dev.hako.ui.view.lists.TableKinds;
import dev.hako.ui.view.lists.VolumeTableViewModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;

/**
 * The tables shown for a remote's groups (instances; images; storage pools, as every volume
 * of every pool; networks; profiles) and the all-remotes instance table. Each is made on
 * first use and kept, so its columns, sort and scroll survive navigation; all follow the
 * window's filter box.
 */
final class GroupTables {

    private final Workspace workspace;
    private final I18n i18n;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final UiSettings settings;
    private final ContextMenus actions;
    private final StringProperty filter;
    private final BiConsumer<String, String> openInstance;
    private final Consumer<TreeLocation> goTo;
    /** By remote name and group; the all-remotes table under "". */
    private final Map<String, Node> views = new HashMap<>();
    private final Map<String, InstanceTableView> instanceTables = new HashMap<>();
    private final Map<String, Runnable> disposers = new HashMap<>();
    private final Map<String, ListTableViewModel<?>> models = new HashMap<>();

    GroupTables(Workspace workspace, I18n i18n, TaskExecutor tasks, DialogService dialogs, UiSettings settings,
                ContextMenus actions, StringProperty filter, BiConsumer<String, String> openInstance,
                Consumer<TreeLocation> goTo) {
        this.workspace = workspace;
        this.i18n = i18n;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.settings = settings;
        this.actions = actions;
        this.filter = filter;
        this.openInstance = openInstance;
        this.goTo = goTo;
    }

    /** The table of a group, or null for a group that has none (projects, cluster members). */
    Node viewOf(TreeEntry.GroupEntry group) {
        RemoteModel remote = workspace.remote(group.remote());
        if (remote == null) {
            return null;
        }
        return switch (group.group()) {
            case INSTANCES -> instanceTable(remote.name()).node();
            case IMAGES, STORAGE_POOLS, NETWORKS, PROFILES ->
                    views.computeIfAbsent(key(remote.name(), group.group()), k -> build(remote, group.group(), k));
            default -> null;
        };
    }

    private static String key(String remote, TreeEntry.Group group) {
        return remote + "/" + group.name();
    }

    /** The model of a group's table other than the instances', once it has been shown; else null. */
    ListTableViewModel<?> modelOf(String remote, TreeEntry.Group group) {
        return models.get(key(remote, group));
    }

    /** A remote's instance table (made on first use); {@code ""} is every remote's. */
    InstanceTableView instanceTable(String remote) {
        return instanceTables.computeIfAbsent(remote, name -> {
            InstanceTableViewModel model = name.isEmpty()
                    ? InstanceTableViewModel.allRemotes(workspace, i18n, tasks, dialogs, settings)
                    : new InstanceTableViewModel(workspace.remote(name), i18n, tasks, dialogs, settings);
            model.filterTextProperty().bind(filter);
            return new InstanceTableView(model, i18n, actions, openInstance);
        });
    }

    private Node build(RemoteModel remote, TreeEntry.Group group, String key) {
        String name = remote.name();
        return switch (group) {
            case IMAGES -> {
                var followed = followed(remote.images(), TableKinds.images(i18n), key);
                yield show(followed.table(), "image", "lists.images", name + "-images",
                        image -> goTo.accept(TreeLocation.object(name, group, image.fingerprint())),
                        rows -> menu(rows, image -> new TreeEntry.ImageEntry(name, image)),
                        rows -> actions.objects().deleteImages(remote, rows)).node();
            }
            case NETWORKS -> {
                var followed = followed(remote.networks(), TableKinds.networks(i18n), key);
                yield show(followed.table(), "network", "lists.networks", name + "-networks",
                        network -> goTo.accept(TreeLocation.object(name, group, network.name())),
                        rows -> menu(rows, network -> new TreeEntry.NetworkEntry(name, network)), null).node();
            }
            case PROFILES -> {
                var followed = followed(remote.profiles(), TableKinds.profiles(i18n), key);
                yield show(followed.table(), "profile", "lists.profiles", name + "-profiles",
                        profile -> goTo.accept(TreeLocation.object(name, group, profile.name())),
                        rows -> menu(rows, profile -> new TreeEntry.ProfileEntry(name, profile)), null).node();
            }
            default -> volumes(remote, key);
        };
    }

    private <T> FollowedTable<T> followed(dev.hako.model.ResourceCollection<T> collection,
                                          ListTableViewModel.Kind<T> kind, String key) {
        var table = new ListTableViewModel<>(kind, i18n, tasks, dialogs, settings);
        table.filterTextProperty().bind(filter);
        FollowedTable<T> followed = new FollowedTable<>(collection, table, tasks);
        disposers.put(key, followed::dispose);
        models.put(key, table);
        return followed;
    }

    private <T> ListTableView<T> show(ListTableViewModel<T> table, String id, String words, String fileStem,
                                      Consumer<T> open, Function<List<T>, ContextMenu> menu, Consumer<List<T>> delete) {
        return new ListTableView<>(table, i18n, new ListTableView.Actions<>(id, words + ".empty", words + ".count",
                fileStem, open, menu, delete));
    }

    private <T> ContextMenu menu(List<T> rows, Function<T, TreeEntry> entry) {
        List<TreeEntry> selection = new ArrayList<>();
        rows.forEach(row -> selection.add(entry.apply(row)));
        return actions.forSelection(selection);
    }

    /** Every volume of every pool; a custom volume opens in the tree, another goes to its instance or image. */
    private Node volumes(RemoteModel remote, String key) {
        VolumeTableViewModel model = new VolumeTableViewModel(remote, i18n, tasks, dialogs, settings);
        model.table().filterTextProperty().bind(filter);
        disposers.put(key, model::dispose);
        models.put(key, model.table());
        String name = remote.name();
        ListTableView<PoolVolume> view = show(model.table(), "volume", "lists.volumes", name + "-volumes",
                volume -> goTo.accept(placeOf(name, volume)),
                rows -> menu(rows.stream().filter(v -> "custom".equals(v.volume().type())).toList(),
                        volume -> new TreeEntry.VolumeEntry(name, volume)), null);
        Label status = new Label();
        status.setId("volumeTableStatus");
        status.getStyleClass().add("text-muted");
        status.textProperty().bind(model.statusProperty());
        status.visibleProperty().bind(model.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        BorderPane pane = new BorderPane(view.node());
        pane.setTop(status);
        BorderPane.setMargin(status, new javafx.geometry.Insets(6, 6, 0, 6));
        pane.sceneProperty().addListener((o, was, now) -> model.setShown(now != null));
        return pane;
    }

    private static TreeLocation placeOf(String remote, PoolVolume volume) {
        String type = volume.volume().type();
        if ("container".equals(type) || "virtual-machine".equals(type)) {
            return TreeLocation.object(remote, TreeEntry.Group.INSTANCES, volume.volume().name());
        } else if ("image".equals(type)) {
            return TreeLocation.object(remote, TreeEntry.Group.IMAGES, volume.volume().name());
        }
        return TreeLocation.object(remote, TreeEntry.Group.STORAGE_POOLS, volume.key());
    }

    /** Drops a removed remote's tables. */
    void disposeRemote(String remote) {
        InstanceTableView table = instanceTables.remove(remote);
        if (table != null) {
            table.model().dispose();
        }
        for (String key : List.copyOf(views.keySet())) {
            if (key.startsWith(remote + "/")) {
                views.remove(key);
                models.remove(key);
                Runnable disposer = disposers.remove(key);
                if (disposer != null) {
                    disposer.run();
                }
            }
        }
    }

    /** Ends every table (window close). */
    void dispose() {
        instanceTables.values().forEach(table -> table.model().dispose());
        instanceTables.clear();
        disposers.values().forEach(Runnable::run);
        disposers.clear();
        views.clear();
        models.clear();
    }
}
