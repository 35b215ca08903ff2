package dev.hako.ui.view;

import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.ui.common.FxTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.editor.ConfigEditor;
import dev.hako.ui.tree.TreeEntry;
import dev.hako.ui.view.dashboard.Dashboards;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * The read-only detail views of every kind of tree entry but instances (those have
 * their own tabbed view). What the model holds is shown at once; what it does not
 * (server resources, leases, pool usage) is read once when the view opens. A view
 * relabels itself in place when the window's language changes.
 */
public final class DetailViews {

    private final Workspace workspace;
    private final I18n i18n;
    private final TaskExecutor tasks;
    /** Brings a place up in the tree (a link on a dashboard). */
    private final java.util.function.Consumer<dev.hako.ui.tree.TreeLocation> goTo;
    /** Editors already opened, by object: a draft survives selecting something else and coming back. */
    private final Map<String, ConfigEditor> editors = new HashMap<>();
    /** A remote's dashboard (its first tab) and the overview across all remotes. */
    private final Dashboards dashboards;

    /** With the application's task executor; {@code goTo} selects a place in the tree. */
    public DetailViews(Workspace workspace, I18n i18n,
                       java.util.function.Consumer<dev.hako.ui.tree.TreeLocation> goTo) {
        this(workspace, i18n, FxTaskExecutor.get(), goTo);
    }

    public DetailViews(Workspace workspace, I18n i18n, TaskExecutor tasks,
                       java.util.function.Consumer<dev.hako.ui.tree.TreeLocation> goTo) {
        this(workspace, i18n, tasks, goTo, null);
    }

    /** With {@code charts} (may be null), server dashboards show their recorded history. */
    public DetailViews(Workspace workspace, I18n i18n, TaskExecutor tasks,
                       java.util.function.Consumer<dev.hako.ui.tree.TreeLocation> goTo,
                       dev.hako.ui.view.metrics.MetricCharts charts) {
        this.workspace = workspace;
        this.i18n = i18n;
        this.tasks = tasks;
        this.goTo = goTo;
        this.dashboards = new Dashboards(workspace, i18n, tasks, goTo, charts);
    }

    /**
     * The view for an entry, or null when there is nothing to show beyond the tree row.
     * Objects with configuration get a second tab with the configuration editor; a remote's
     * dashboard comes first, before its facts. The all-remotes row gives the overview.
     */
    public Node viewOf(TreeEntry entry) {
        if (entry instanceof TreeEntry.AllRemotesEntry) {
            return dashboards.allRemotes();
        }
        RemoteModel remote = entry == null ? null : workspace.remote(entry.remote());
        if (remote == null) {
            return null;
        }
        if (dev.hako.ui.cluster.ClusterView.shows(entry)) {
            return dev.hako.ui.cluster.ClusterView.of(remote, i18n, entry);
        }
        if (!DetailFacts.shows(entry)) {
            return null;
        }
        DetailViewModel model = new DetailViewModel(entry, remote, i18n, tasks);
        String key = editorKey(entry);
        if (key == null) {
            return new DetailView(model, null, false, null).node();
        }
        Tab backups = entry instanceof TreeEntry.VolumeEntry v
                ? dev.hako.ui.images.VolumeBackupsTab.tabFor(workspace, remote, v.volume(), i18n)
                : entry instanceof TreeEntry.RemoteEntry ? dashboards.events(remote) : null;
        boolean draft = editors.containsKey(key) && editors.get(key).hasUnsavedChanges();
        Node dashboard = entry instanceof TreeEntry.RemoteEntry ? dashboards.server(remote) : null;
        return new DetailView(model, () -> editors.computeIfAbsent(key, k -> editorOf(remote, entry)), draft,
                backups, dashboard).node();
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

    private ConfigEditor editorOf(RemoteModel remote, TreeEntry entry) {
        if (entry instanceof TreeEntry.PoolEntry p) {
            return ConfigEditor.forStoragePool(remote, p.pool().name(), i18n);
        } else if (entry instanceof TreeEntry.VolumeEntry v) {
            return ConfigEditor.forStorageVolume(remote, v.volume().pool(), v.volume().volume().type(),
                    v.volume().volume().name(), i18n);
        } else if (entry instanceof TreeEntry.NetworkEntry n) {
            return ConfigEditor.forNetwork(remote, n.network().name(), i18n);
        } else if (entry instanceof TreeEntry.ProfileEntry p) {
            return ConfigEditor.forProfile(remote, p.profile().name(), i18n);
        } else if (entry instanceof TreeEntry.ProjectEntry p) {
            return ConfigEditor.forProject(remote, p.project().name(), i18n);
        }
        return ConfigEditor.forServer(remote, i18n);
    }

    /** The live events of every remote (the all-remotes view's Events tab). */
    public Node allEvents() {
        return dashboards.allEvents();
    }

    /** How many events an event monitor keeps. */
    public void setEventLimit(int limit) {
        dashboards.setEventLimit(limit);
    }

    /** Ends every open editor and stops the dashboards (window close). */
    public void dispose() {
        dashboards.dispose();
        editors.values().forEach(ConfigEditor::dispose);
        editors.clear();
    }
}
