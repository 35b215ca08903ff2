package dev.hako.ui.view.dashboard;

import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.ui.common.FxDialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.tree.TreeLocation;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * Makes the dashboards of a window: one remote's, and the overview across all remotes.
 * Each listens to the models and reads its server's figures only while it is on screen;
 * {@link #dispose()} stops the ones that are when the window closes.
 */
public final class Dashboards {

    private final Workspace workspace;
    private final I18n i18n;
    private final TaskExecutor tasks;
    private final Consumer<TreeLocation> goTo;
    private final RemoteFeeds feeds;
    /** The stop of each dashboard on screen now (a dashboard off screen holds nothing to stop). */
    private final Set<Runnable> live = Collections.newSetFromMap(new IdentityHashMap<>());
    private int eventLimit = EventMonitorViewModel.DEFAULT_LIMIT;
    private final dev.hako.ui.view.metrics.MetricCharts charts;

    /** {@code goTo} brings a place up in the tree (a click on a name or a count). */
    public Dashboards(Workspace workspace, I18n i18n, TaskExecutor tasks, Consumer<TreeLocation> goTo) {
        this(workspace, i18n, tasks, goTo, null);
    }

    /** With {@code charts}, a server's dashboard shows its recorded history and the recording switch. */
    public Dashboards(Workspace workspace, I18n i18n, TaskExecutor tasks, Consumer<TreeLocation> goTo,
                      dev.hako.ui.view.metrics.MetricCharts charts) {
        this.charts = charts;
        this.workspace = workspace;
        this.i18n = i18n;
        this.tasks = tasks;
        this.goTo = goTo;
        this.feeds = new RemoteFeeds(tasks);
    }

    /** The dashboard of one remote. UI thread. */
    public Node server(RemoteModel remote) {
        return new ServerDashboardView(new ServerDashboardViewModel(remote, i18n, tasks), feeds, goTo, live, charts)
                .node();
    }

    /** Every remote of the window with its state and counts. UI thread. */
    public Node allRemotes() {
        return new AllRemotesOverviewView(new AllRemotesOverviewViewModel(workspace, i18n, tasks), feeds, goTo, live,
                tasks).node();
    }

    /** How many events an event monitor keeps (from the UI settings). */
    public void setEventLimit(int limit) {
        this.eventLimit = limit;
    }

    /** The live events of one remote, as a tab of its detail view. UI thread. */
    public Tab events(RemoteModel remote) {
        return eventsTab("remoteEventsTab", monitor(() -> remote.client() == null ? List.of() : List.of(remote)));
    }

    /** The live events of every remote of the window. UI thread. */
    public Node allEvents() {
        return monitor(workspace::remotes);
    }

    private Node monitor(java.util.function.Supplier<List<RemoteModel>> remotes) {
        EventMonitorViewModel model = new EventMonitorViewModel(remotes, i18n, tasks,
                FxDialogService.forFocusedWindow(i18n), eventLimit);
        return new EventMonitorView(model, live).node();
    }

    private Tab eventsTab(String id, Node content) {
        Tab tab = new Tab(null, content);
        tab.setId(id);
        tab.textProperty().bind(i18n.text("events.tab"));
        return tab;
    }

    /** Stops every dashboard's listening and reading (window close). UI thread. */
    public void dispose() {
        List.copyOf(live).forEach(Runnable::run);
        live.clear();
        feeds.dispose();
    }
}
