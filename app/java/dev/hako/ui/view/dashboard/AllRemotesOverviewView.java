package dev.hako.ui.view.dashboard;

import dev.hako.model.ConnectionState;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.Icons;
import dev.hako.ui.tree.TreeEntry;
import dev.hako.ui.tree.TreeLocation;
import dev.hako.ui.view.dashboard.AllRemotesOverviewViewModel.Row;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Every remote in one table: its state and counts, each a link to the remote or to the group
 * the count is of. Listens to the models and reads the warnings only while on screen.
 */
final class AllRemotesOverviewView {

    /** The widest the remote's column gets; a longer state wraps. */
    private static final double STATE_WIDTH = 300;
    private static final Duration PERIOD = Duration.millis(ServerDashboardViewModel.PERIOD_NANOS / 1e6);
    /** The columns after the remote's name and state, with the group each count links to. */
    private static final Map<String, TreeEntry.Group> COUNTS = new java.util.LinkedHashMap<>();

    static {
        DashboardFigures.STATES.forEach(state -> COUNTS.put(state, TreeEntry.Group.INSTANCES));
        COUNTS.put("pools", TreeEntry.Group.STORAGE_POOLS);
        COUNTS.put("networks", TreeEntry.Group.NETWORKS);
        COUNTS.put("members", TreeEntry.Group.CLUSTER_MEMBERS);
        COUNTS.put("warnings", null);
    }

    private final AllRemotesOverviewViewModel model;
    private final I18n i18n;
    private final RemoteFeeds feeds;
    private final Consumer<TreeLocation> goTo;
    private final Set<Runnable> live;
    private final ScrollPane root = new ScrollPane();
    private final VBox content = new VBox(12);
    private final ChangeListener<Locale> relabel = (o, was, now) -> draw();
    /** The language of the last drawing: one made while off screen is made again when shown. */
    private Locale drawnIn;
    private final Runnable stop = this::dispose;
    private final Runnable changed;
    private final dev.hako.model.Workspace.Listener joined;
    private final OnScreen onScreen;
    private Map<String, Runnable> subscriptions = Map.of();

    AllRemotesOverviewView(AllRemotesOverviewViewModel model, RemoteFeeds feeds, Consumer<TreeLocation> goTo,
                           Set<Runnable> live, dev.hako.ui.common.TaskExecutor tasks) {
        this.model = model;
        this.i18n = model.i18n();
        this.feeds = feeds;
        this.goTo = goTo;
        this.live = live;
        this.changed = model::modelChanged;
        this.joined = new dev.hako.model.Workspace.Listener() {
            @Override
            public void added(dev.hako.model.RemoteModel remote) {
                tasks.runOnUi(AllRemotesOverviewView.this::resubscribe);
            }

            @Override
            public void removed(dev.hako.model.RemoteModel remote) {
                tasks.runOnUi(AllRemotesOverviewView.this::resubscribe);
            }
        };
        content.setPadding(new Insets(12));
        content.getStyleClass().add("dashboard");
        root.setContent(content);
        root.setFitToWidth(true);
        root.setId("allRemotesOverview");
        root.getStyleClass().add("dashboard-scroll");
        model.revisionProperty().addListener((o, was, now) -> draw());
        model.modelChanged();
        onScreen = new OnScreen(root, PERIOD, model::refresh, this::shown);
    }

    Node node() {
        return root;
    }

    private void shown(boolean shown) {
        if (shown) {
            live.add(stop);
            model.workspace().addListener(joined);
            i18n.localeProperty().addListener(relabel);
            if (!i18n.locale().equals(drawnIn)) {
                draw();
            }
            resubscribe();
            model.refresh();
        } else {
            live.remove(stop);
            model.workspace().removeListener(joined);
            i18n.localeProperty().removeListener(relabel);
            subscriptions.values().forEach(Runnable::run);
            subscriptions = Map.of();
            model.stop();
        }
    }

    /** Listens to the remotes the window has now. */
    private void resubscribe() {
        if (!onScreen.shown()) {
            return;
        }
        subscriptions.values().forEach(Runnable::run);
        Map<String, Runnable> now = new java.util.HashMap<>();
        model.workspace().remotes().forEach(remote -> now.put(remote.name(), feeds.subscribe(remote, changed)));
        subscriptions = now;
        model.modelChanged();
    }

    void dispose() {
        onScreen.stop();
    }

    private void draw() {
        drawnIn = i18n.locale();
        double position = root.getVvalue();
        Label title = new Label(i18n.get("dashboard.overview.title"), Icons.kind("all"));
        title.getStyleClass().addAll("title-3", "dashboard-title");
        long online = model.rows().stream().filter(r -> r.state().online()).count();
        int running = model.rows().stream().filter(r -> r.state().online()).mapToInt(r -> r.counts().running()).sum();
        Label summary = Cards.muted(i18n.format("dashboard.overview.summary", model.rows().size(), online, running));
        summary.setId("overviewSummary");
        content.getChildren().setAll(title, summary, table());
        root.setVvalue(position);
    }

    private GridPane table() {
        GridPane grid = new GridPane();
        grid.setId("overviewTable");
        grid.getStyleClass().add("dashboard-overview");
        grid.setHgap(18);
        grid.setVgap(8);
        ColumnConstraints name = new ColumnConstraints(140, javafx.scene.layout.Region.USE_COMPUTED_SIZE,
                STATE_WIDTH);
        name.setHgrow(javafx.scene.layout.Priority.SOMETIMES);
        grid.getColumnConstraints().add(name);
        grid.addRow(0, header("dashboard.overview.remote"));
        int column = 1;
        for (String count : COUNTS.keySet()) {
            Label label = header(DashboardFigures.STATES.contains(count) ? DashboardFigures.stateKey(count)
                    : "dashboard.overview." + count);
            GridPane.setHalignment(label, HPos.RIGHT);
            grid.add(label, column++, 0);
        }
        int line = 1;
        for (Row row : model.rows()) {
            addRow(grid, line++, row);
        }
        return grid;
    }

    private Label header(String key) {
        Label label = new Label(i18n.get(key));
        label.getStyleClass().add("dashboard-overview-header");
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private void addRow(GridPane grid, int line, Row row) {
        ConnectionState state = row.state();
        Hyperlink name = Cards.link(row.name(), TreeLocation.remote(row.name()), goTo);
        name.setGraphic(Icons.remote(state.online(), state.status() == ConnectionState.Status.CONNECTING));
        name.setId("overviewRemote-" + row.name());
        name.getStyleClass().add("dashboard-overview-remote");
        Label what = Cards.muted(model.stateText(row));
        what.setId("overviewState-" + row.name());
        what.setMaxWidth(STATE_WIDTH);
        // The state under the name: an offline remote's reason may be long, and wraps there.
        grid.add(new VBox(0, name, what), 0, line);
        int column = 1;
        for (var count : COUNTS.entrySet()) {
            Node cell = cell(row, count.getKey(), count.getValue());
            GridPane.setHalignment(cell, HPos.RIGHT);
            grid.add(cell, column++, line);
        }
    }

    private Node cell(Row row, String what, TreeEntry.Group group) {
        if (!row.state().online()) {
            return Cards.muted("—");
        }
        if (group == null) {
            Label warnings = new Label(model.warningsText(row));
            warnings.setId("overviewWarnings-" + row.name());
            return warnings;
        }
        int count = switch (what) {
            case "pools" -> row.pools();
            case "networks" -> row.networks();
            case "members" -> row.members();
            default -> row.counts().of(what);
        };
        if (group == TreeEntry.Group.CLUSTER_MEMBERS && count == 0) {
            // Not clustered: there is no members' group to go to.
            return Cards.muted("—");
        }
        Hyperlink link = Cards.link(Integer.toString(count), TreeLocation.group(row.name(), group), goTo);
        link.setId("overview-" + what + "-" + row.name());
        link.getStyleClass().add("dashboard-overview-count");
        return link;
    }
}
