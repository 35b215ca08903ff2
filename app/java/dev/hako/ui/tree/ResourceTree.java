package dev.hako.ui.tree;

import dev.hako.model.CollectionListener;
import dev.hako.model.PoolVolume;
import dev.hako.model.RemoteModel;
import dev.hako.model.ResourceCollection;
import dev.hako.model.Workspace;
import dev.hako.ui.common.FxTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * The tree of remotes and their objects. It only reflects the model: changes
 * arrive coalesced from each remote's model thread and are applied here on the UI
 * thread (through the task executor), touching only the rows that changed. A filter
 * narrows every group. A language switch redraws the rows that say words (remotes and
 * groups) in place: expansion, selection and scroll position stay as they are.
 */
public final class ResourceTree {

    private final TreeView<TreeEntry> view = new TreeView<>();
    private final TreeItem<TreeEntry> root = new TreeItem<>();
    private final List<RemoteBranch> branches = new ArrayList<>();
    /** The first row while there is a remote: every remote at once. */
    private final TreeItem<TreeEntry> allRemotes = new TreeItem<>(new TreeEntry.AllRemotesEntry(0));
    private final TaskExecutor tasks;
    private final Workspace workspace;
    /** The last top-level row while there are any: image servers (the CLIs' built-ins and the user's). */
    private final ImageServerRows imageServers = new ImageServerRows();
    /** Held here: the language may outlive the tree, which must not be kept alive by it. */
    private final ChangeListener<Locale> relabel = (language, was, now) -> relabel();
    private Predicate<TreeEntry> filter = entry -> true;
    private boolean filtering;
    /** An instance to select once its row appears (after a create or a rename). */
    private Wanted wanted;
    private ContextMenu menu;

    /** With the application's task executor. */
    public ResourceTree(Workspace workspace, I18n i18n, Function<List<TreeEntry>, ContextMenu> contextMenus) {
        this(workspace, i18n, FxTaskExecutor.get(), contextMenus);
    }

    public ResourceTree(Workspace workspace, I18n i18n, TaskExecutor tasks,
                        Function<List<TreeEntry>, ContextMenu> contextMenus) {
        this.tasks = tasks;
        this.workspace = workspace;
        i18n.localeProperty().addListener(new WeakChangeListener<>(relabel));
        view.setRoot(root);
        view.setShowRoot(false);
        view.setCellFactory(v -> new TreeEntryCell(i18n));
        // On the view, not the cells, so the keyboard's menu key reaches it too.
        view.setOnContextMenuRequested(event -> {
            if (menu != null) {
                menu.hide();
            }
            if (!RightClick.selectRowUnder(view, event)) {
                event.consume();
                return;
            }
            menu = contextMenus.apply(selectedEntries());
            if (menu != null && !menu.getItems().isEmpty()) {
                menu.show(view, event.getScreenX(), event.getScreenY());
            }
            event.consume();
        });
        view.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        view.getStyleClass().add("resource-tree");
        view.setId("resourceTree");
        for (RemoteModel remote : workspace.remotes()) {
            addBranch(remote);
        }
        workspace.addListener(new Workspace.Listener() {
            @Override
            public void added(RemoteModel remote) {
                tasks.runOnUi(() -> addBranch(remote));
            }

            @Override
            public void removed(RemoteModel remote) {
                tasks.runOnUi(() -> {
                    branches.removeIf(b -> b.remote.equals(remote.name()));
                    root.getChildren().removeIf(item -> item.getValue() != null
                            && item.getValue().remote().equals(remote.name()));
                    countRemotes();
                    showImageServers();
                });
            }

            @Override
            public void imageServersChanged() {
                tasks.runOnUi(ResourceTree.this::showImageServers);
            }
        });
        showImageServers();
    }

    /** Brings the image servers' rows in line with the remotes' kinds and the saved image servers. */
    private void showImageServers() {
        imageServers.show(root, workspace, filter, filtering);
    }

    private void addBranch(RemoteModel remote) {
        RemoteBranch branch = new RemoteBranch(remote);
        branches.add(branch);
        int last = root.getChildren().indexOf(imageServers.group());
        root.getChildren().add(last < 0 ? root.getChildren().size() : last, branch.item);
        countRemotes();
    }

    private void countRemotes() {
        allRemotes.setValue(new TreeEntry.AllRemotesEntry(branches.size()));
        if (branches.isEmpty()) {
            root.getChildren().remove(allRemotes);
        } else if (!root.getChildren().contains(allRemotes)) {
            root.getChildren().add(0, allRemotes);
        }
    }

    /** Selects the all-remotes row; false while there is no remote. */
    public boolean selectAllRemotes() {
        if (!root.getChildren().contains(allRemotes)) {
            return false;
        }
        view.getSelectionModel().clearSelection();
        view.getSelectionModel().select(allRemotes);
        return true;
    }

    public TreeView<TreeEntry> view() {
        return view;
    }

    /** Draws the rows that say words again, in the window's language; nothing else changes. */
    private void relabel() {
        allRemotes.setValue(new TreeEntry.AllRemotesEntry(branches.size()));
        branches.forEach(RemoteBranch::relabel);
        imageServers.relabel();
    }

    /** The selected instances of one remote, in selection order. */
    public List<dev.hako.lxd.api.Instance> selectedInstancesOf(String remote) {
        return selectedEntries().stream()
                .filter(e -> e instanceof TreeEntry.InstanceEntry && e.remote().equals(remote))
                .map(e -> ((TreeEntry.InstanceEntry) e).instance()).toList();
    }

    /** The selected rows' entries, in selection order. */
    public List<TreeEntry> selectedEntries() {
        List<TreeEntry> entries = new ArrayList<>();
        for (TreeItem<TreeEntry> item : view.getSelectionModel().getSelectedItems()) {
            if (item != null && item.getValue() != null) {
                entries.add(item.getValue());
            }
        }
        return entries;
    }

    /**
     * Shows only rows whose names, status or config contain {@code text} (case-insensitive), or
     * instances that {@code text} read as an {@code lxc list} filter lets through, and only the
     * groups that still have such rows. Selected rows that still match stay selected.
     */
    public void setFilter(String text) {
        filter = TreeFilter.of(text);
        filtering = text != null && !text.isBlank();
        List<TreeItem<TreeEntry>> selected = new ArrayList<>(view.getSelectionModel().getSelectedItems());
        branches.forEach(b -> b.setFilter(filter));
        showImageServers();
        List<TreeItem<TreeEntry>> kept = selected.stream().filter(this::shown).toList();
        if (!kept.isEmpty() && !view.getSelectionModel().getSelectedItems().equals(kept)) {
            view.getSelectionModel().clearSelection();
            kept.forEach(item -> view.getSelectionModel().select(item));
        }
    }

    /** Whether a row is in the tree now (not filtered away or removed). */
    private boolean shown(TreeItem<TreeEntry> item) {
        for (TreeItem<TreeEntry> child = item; child != root; child = child.getParent()) {
            if (child == null || child.getParent() == null || !child.getParent().getChildren().contains(child)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Selects an instance's row, now if it is there, else as soon as it appears (a create
     * or a rename is known to the tree only when the server's event has come).
     */
    public void selectWhenShown(String remote, String instance) {
        wanted = new Wanted(remote, instance);
        selectWanted();
    }

    private record Wanted(String remote, String instance) {
    }

    /**
     * Selects and shows the row of a place (a dashboard's link): its remote's row, a group's
     * row, or an object's row, expanding what holds it. False when the tree has no such row
     * (gone, or hidden by the filter); the selection then stays as it was.
     */
    public boolean select(TreeLocation location) {
        for (RemoteBranch branch : branches) {
            TreeItem<TreeEntry> row = branch.remote.equals(location.remote()) ? branch.rowOf(location) : null;
            if (row != null && shown(row)) {
                for (TreeItem<TreeEntry> parent = row.getParent(); parent != null; parent = parent.getParent()) {
                    parent.setExpanded(true);
                }
                view.getSelectionModel().clearSelection();
                view.getSelectionModel().select(row);
                view.scrollTo(Math.max(0, view.getRow(row)));
                return true;
            }
        }
        return false;
    }

    private void selectWanted() {
        if (wanted == null) {
            return;
        }
        for (RemoteBranch branch : branches) {
            TreeItem<TreeEntry> row = branch.remote.equals(wanted.remote()) ? branch.instanceRow(wanted.instance())
                    : null;
            if (row != null && shown(row)) {
                wanted = null;
                view.getSelectionModel().clearSelection();
                view.getSelectionModel().select(row);
                view.scrollTo(view.getRow(row));
                return;
            }
        }
    }

    /** One remote's rows, kept in step with its model. */
    private final class RemoteBranch {
        private final String remote;
        private final TreeItem<TreeEntry> item = new TreeItem<>();
        private final List<GroupRows<?>> groups = new ArrayList<>();
        private final GroupRows<dev.hako.lxd.api.Instance> instances;
        private final GroupRows<dev.hako.lxd.api.StoragePool> pools;
        private final GroupRows<dev.hako.lxd.api.ClusterMember> members;
        private final Map<String, TreeItem<TreeEntry>> volumeRows = new HashMap<>();

        RemoteBranch(RemoteModel model) {
            this.remote = model.name();
            item.setValue(new TreeEntry.RemoteEntry(remote, model.state()));
            item.setExpanded(true);
            model.addStateListener(state -> tasks.runOnUi(() -> {
                item.setValue(new TreeEntry.RemoteEntry(remote, state));
                // The built-in image servers shown depend on which kinds of server the remotes are.
                showImageServers();
            }));
            instances = group(model.instances(), TreeEntry.Group.INSTANCES,
                    TreeEntry.InstanceEntry::new, e -> ((TreeEntry.InstanceEntry) e).instance().name());
            instances.group().setExpanded(true);
            group(model.images(), TreeEntry.Group.IMAGES, TreeEntry.ImageEntry::new,
                    e -> ((TreeEntry.ImageEntry) e).label());
            pools = group(model.storagePools(), TreeEntry.Group.STORAGE_POOLS, TreeEntry.PoolEntry::new,
                    e -> ((TreeEntry.PoolEntry) e).pool().name());
            model.storagePools().addListener(change -> tasks.runOnUi(this::placeVolumes));
            model.volumes().addListener(change -> tasks.runOnUi(() -> {
                change.removed().forEach(volumeRows::remove);
                for (String key : change.reloaded() ? change.snapshot().keySet() : change.updated()) {
                    PoolVolume volume = change.snapshot().get(key);
                    TreeItem<TreeEntry> row = volumeRows.computeIfAbsent(key, k -> new TreeItem<>());
                    row.setValue(new TreeEntry.VolumeEntry(remote, volume));
                }
                if (change.reloaded()) {
                    volumeRows.keySet().retainAll(change.snapshot().keySet());
                }
                placeVolumes();
            }));
            group(model.networks(), TreeEntry.Group.NETWORKS, TreeEntry.NetworkEntry::new,
                    e -> ((TreeEntry.NetworkEntry) e).network().name());
            group(model.profiles(), TreeEntry.Group.PROFILES, TreeEntry.ProfileEntry::new,
                    e -> ((TreeEntry.ProfileEntry) e).profile().name());
            group(model.projects(), TreeEntry.Group.PROJECTS, TreeEntry.ProjectEntry::new,
                    e -> ((TreeEntry.ProjectEntry) e).project().name());
            members = group(model.clusterMembers(), TreeEntry.Group.CLUSTER_MEMBERS, TreeEntry.MemberEntry::new,
                    e -> ((TreeEntry.MemberEntry) e).member().serverName());
            arrangeGroups();
        }

        TreeItem<TreeEntry> instanceRow(String name) {
            return instances.rows().get(name);
        }

        TreeItem<TreeEntry> rowOf(TreeLocation location) {
            if (location.group() == null) {
                return item;
            }
            if (location.key() != null && volumeRows.containsKey(location.key())) {
                return volumeRows.get(location.key());
            }
            for (GroupRows<?> rows : groups) {
                if (rows.kind() == location.group()) {
                    return location.key() == null ? rows.group() : rows.rows().get(location.key());
                }
            }
            return null;
        }

        private <T> GroupRows<T> group(ResourceCollection<T> collection, TreeEntry.Group kind,
                                       BiFunction<String, T, TreeEntry> toEntry, Function<TreeEntry, String> sortKey) {
            GroupRows<T> rows = new GroupRows<>(new TreeItem<>(), kind, remote, toEntry, sortKey);
            rows.setFilter(filter);
            groups.add(rows);
            item.getChildren().add(rows.group());
            CollectionListener<T> listener = change -> tasks.runOnUi(() -> {
                rows.apply(change);
                arrangeGroups();
                selectWanted();
            });
            collection.addListener(listener);
            return rows;
        }

        /** Custom volumes hang under their pool's row. */
        private void placeVolumes() {
            for (Map.Entry<String, TreeItem<TreeEntry>> poolRow : pools.rows().entrySet()) {
                String prefix = poolRow.getKey() + "/";
                List<TreeItem<TreeEntry>> children = new ArrayList<>();
                volumeRows.forEach((key, row) -> {
                    if (key.startsWith(prefix) && filter.test(row.getValue())) {
                        children.add(row);
                    }
                });
                children.sort(java.util.Comparator.comparing(
                        row -> ((TreeEntry.VolumeEntry) row.getValue()).volume().volume().name()));
                if (!poolRow.getValue().getChildren().equals(children)) {
                    poolRow.getValue().getChildren().setAll(children);
                }
            }
        }

        /**
         * The groups this remote shows: cluster members only when clustered, and while
         * filtering only groups with matching rows (or selected), so that matches do not sink below
         * empty groups.
         */
        private void arrangeGroups() {
            List<TreeItem<TreeEntry>> target = new ArrayList<>();
            for (GroupRows<?> rows : groups) {
                boolean empty = rows.group().getChildren().isEmpty();
                // A selected group stays: its table shows why nothing matches, and keeps its place.
                boolean selected = view.getSelectionModel().getSelectedItems().contains(rows.group());
                if (rows == members && members.rows().isEmpty() || filtering && empty && !selected) {
                    continue;
                }
                target.add(rows.group());
            }
            var children = item.getChildren();
            if (!children.equals(target)) {
                // Only what changes is removed or inserted: rows that stay keep their selection.
                children.removeIf(group -> !target.contains(group));
                for (int i = 0; i < target.size(); i++) {
                    if (i >= children.size() || children.get(i) != target.get(i)) {
                        children.add(i, target.get(i));
                    }
                }
            }
        }

        void relabel() {
            TreeEntry.RemoteEntry shown = (TreeEntry.RemoteEntry) item.getValue();
            item.setValue(new TreeEntry.RemoteEntry(remote, shown.state()));
            groups.forEach(GroupRows::relabel);
        }

        void setFilter(Predicate<TreeEntry> newFilter) {
            groups.forEach(g -> g.setFilter(newFilter));
            placeVolumes();
            arrangeGroups();
        }
    }
}
