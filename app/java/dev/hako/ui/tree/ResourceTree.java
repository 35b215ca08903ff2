package dev.hako.ui.tree;

import dev.hako.lxd.api.Instance;
import dev.hako.model.CollectionChange;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.ui.common.I18n;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.collections.ObservableList;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * The tree of remotes and their objects. It only reflects the model: changes
 * arrive coalesced from each remote's model thread and are applied here on the FX
 * thread, touching only the rows that changed.
 */
public final class ResourceTree {

    private final TreeView<TreeEntry> view = new TreeView<>();
    private final TreeItem<TreeEntry> root = new TreeItem<>();

    public ResourceTree(Workspace workspace, I18n i18n) {
        view.setRoot(root);
        view.setShowRoot(false);
        view.setCellFactory(v -> new TreeEntryCell(i18n));
        view.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        view.getStyleClass().add("resource-tree");
        view.setId("resourceTree");
        for (RemoteModel remote : workspace.remotes()) {
            root.getChildren().add(new RemoteBranch(remote).item);
        }
        workspace.addListener(new Workspace.Listener() {
            @Override
            public void added(RemoteModel remote) {
                Platform.runLater(() -> root.getChildren().add(new RemoteBranch(remote).item));
            }

            @Override
            public void removed(RemoteModel remote) {
                Platform.runLater(() -> root.getChildren().removeIf(item -> item.getValue() != null
                        && item.getValue().remote().equals(remote.name())));
            }
        });
    }

    public TreeView<TreeEntry> view() {
        return view;
    }

    /** One remote's rows, kept in step with its model. */
    private static final class RemoteBranch {
        private static final Comparator<TreeItem<TreeEntry>> BY_NAME = Comparator.comparing(
                item -> ((TreeEntry.InstanceEntry) item.getValue()).instance().name());

        private final String remote;
        private final TreeItem<TreeEntry> item = new TreeItem<>();
        private final TreeItem<TreeEntry> instancesGroup = new TreeItem<>();
        private final Map<String, TreeItem<TreeEntry>> instanceItems = new HashMap<>();

        RemoteBranch(RemoteModel model) {
            this.remote = model.name();
            item.setValue(new TreeEntry.RemoteEntry(remote, model.state()));
            item.setExpanded(true);
            instancesGroup.setExpanded(true);
            instancesGroup.setValue(new TreeEntry.GroupEntry(remote, TreeEntry.Group.INSTANCES, 0));
            item.getChildren().add(instancesGroup);
            model.addStateListener(state -> Platform.runLater(
                    () -> item.setValue(new TreeEntry.RemoteEntry(remote, state))));
            model.instances().addListener(change -> Platform.runLater(() -> apply(change)));
        }

        private void apply(CollectionChange<Instance> change) {
            ObservableList<TreeItem<TreeEntry>> children = instancesGroup.getChildren();
            if (change.reloaded()) {
                List<TreeItem<TreeEntry>> rows = new ArrayList<>(change.snapshot().size());
                Map<String, TreeItem<TreeEntry>> kept = new HashMap<>();
                for (Instance instance : change.snapshot().values()) {
                    TreeItem<TreeEntry> row = instanceItems.get(instance.name());
                    if (row == null) {
                        row = new TreeItem<>();
                    }
                    row.setValue(new TreeEntry.InstanceEntry(remote, instance));
                    kept.put(instance.name(), row);
                    rows.add(row);
                }
                rows.sort(BY_NAME);
                instanceItems.clear();
                instanceItems.putAll(kept);
                children.setAll(rows);
            } else {
                for (String name : change.removed()) {
                    TreeItem<TreeEntry> row = instanceItems.remove(name);
                    if (row != null) {
                        children.remove(row);
                    }
                }
                for (String name : change.updated()) {
                    Instance instance = change.snapshot().get(name);
                    TreeItem<TreeEntry> row = instanceItems.get(name);
                    if (row != null) {
                        row.setValue(new TreeEntry.InstanceEntry(remote, instance));
                    } else {
                        row = new TreeItem<>(new TreeEntry.InstanceEntry(remote, instance));
                        instanceItems.put(name, row);
                        int at = java.util.Collections.binarySearch(children, row, BY_NAME);
                        children.add(at < 0 ? -at - 1 : at, row);
                    }
                }
            }
            instancesGroup.setValue(new TreeEntry.GroupEntry(remote, TreeEntry.Group.INSTANCES,
                    change.snapshot().size()));
        }
    }
}
