package dev.hako.ui.view.dashboard;

import dev.hako.lxd.api.ClusterMember;
import dev.hako.lxd.api.Network;
import dev.hako.lxd.api.Warning;
import dev.hako.model.ConnectionState;
import dev.hako.model.LiveOperations;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.Icons;
import dev.hako.ui.tree.TreeEntry;
import dev.hako.ui.tree.TreeLocation;
import dev.hako.ui.view.dashboard.DashboardFigures.Host;
import dev.hako.ui.view.dashboard.DashboardFigures.InstanceCounts;
import dev.hako.ui.view.dashboard.DashboardFigures.PoolUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * One remote's dashboard: instances by state, host, storage pools, networks, cluster
 * members, warnings and recent operations as cards; every name and count is a link to its
 * place in the tree. It listens to the model and reads the server only while on screen.
 */
final class ServerDashboardView {

    private static final Duration PERIOD = Duration.millis(ServerDashboardViewModel.PERIOD_NANOS / 1e6);
    private static final int WARNINGS_SHOWN = 4;

    private final ServerDashboardViewModel model;
    private final I18n i18n;
    private final RemoteFeeds feeds;
    private final Consumer<TreeLocation> goTo;
    private final Set<Runnable> live;
    private final String remote;
    private final ScrollPane root = new ScrollPane();
    private final VBox content = new VBox(12);
    /** Kept across redraws, so the cards keep their column width. */
    private final FlowPane cards = Cards.columns();
    private final ChangeListener<Locale> relabel = (o, was, now) -> draw();
    /** The language of the last drawing: one made while off screen is made again when shown. */
    private Locale drawnIn;
    private final Runnable stop = this::dispose;
    private final OnScreen onScreen;
    private Runnable unsubscribe = () -> { };
    /** The remote's recorded figures; null without metric recording (windows made by tests). */
    private final dev.hako.ui.view.metrics.HistoryView history;

    /**
     * {@code live} holds the views on screen, for the window to stop when it closes; with
     * {@code charts} (may be null) the recorded history shows below.
     */
    ServerDashboardView(ServerDashboardViewModel model, RemoteFeeds feeds, Consumer<TreeLocation> goTo,
                        Set<Runnable> live, dev.hako.ui.view.metrics.MetricCharts charts) {
        this.model = model;
        this.i18n = model.i18n();
        this.feeds = feeds;
        this.goTo = goTo;
        this.live = live;
        this.remote = model.remote().name();
        content.setPadding(new Insets(12));
        content.getStyleClass().add("dashboard");
        root.setContent(content);
        root.setFitToWidth(true);
        root.setId("serverDashboard");
        root.getStyleClass().add("dashboard-scroll");
        history = charts == null ? null : charts.forRemote(remote, i18n, model.tasks());
        model.modelChanged();
        model.revisionProperty().addListener((o, was, now) -> draw());
        draw();
        onScreen = new OnScreen(root, PERIOD, () -> model.refresh(System.nanoTime()), this::shown);
    }

    Node node() {
        return root;
    }

    private void shown(boolean shown) {
        if (shown) {
            live.add(stop);
            unsubscribe = feeds.subscribe(model.remote(), model::modelChanged);
            i18n.localeProperty().addListener(relabel);
            if (!i18n.locale().equals(drawnIn)) {
                draw();
            }
            model.modelChanged();
            model.refreshIfStale(System.nanoTime());
            if (history != null) {
                history.setActive(true);
            }
        } else {
            if (history != null) {
                history.setActive(false);
            }
            live.remove(stop);
            unsubscribe.run();
            unsubscribe = () -> { };
            i18n.localeProperty().removeListener(relabel);
            model.stop();
        }
    }

    /** Stops listening and reading for good. */
    void dispose() {
        onScreen.stop();
    }

    private void draw() {
        drawnIn = i18n.locale();
        double position = root.getVvalue();
        List<Node> parts = new ArrayList<>();
        parts.add(header());
        if (!model.online()) {
            Label why = Cards.wrapped(model.state().status() == ConnectionState.Status.CONNECTING
                    ? i18n.get("remote.connecting") : model.offlineText());
            why.setId("dashboardOffline");
            parts.add(why);
            if (model.tooOld()) {
                parts.add(reconnect());
            }
        } else {
            List<Node> shown = new ArrayList<>(List.of(instances(), host(), pools(), networks()));
            if (!model.members().isEmpty()) {
                shown.add(members());
            }
            shown.add(warnings());
            shown.add(operations());
            cards.getChildren().setAll(shown);
            parts.add(cards);
            if (history != null) {
                parts.add(history.node());
            }
        }
        content.getChildren().setAll(parts);
        root.setVvalue(position);
    }

    /** What to do about a server too old to manage: upgrade it, then ask again here. */
    private Node reconnect() {
        Button again = new Button(i18n.get("action.remote.reconnect"));
        again.setId("dashboardReconnect");
        again.setOnAction(e -> model.reconnect());
        Label hint = Cards.wrapped(i18n.get("remote.tooOld.hint"));
        hint.getStyleClass().add("text-muted");
        return new VBox(8, hint, again);
    }

    private Node header() {
        ConnectionState state = model.state();
        Label name = new Label(remote, Icons.remote(state.online(),
                state.status() == ConnectionState.Status.CONNECTING));
        name.getStyleClass().addAll("title-3", "dashboard-title");
        HBox header = new HBox(12, name);
        if (state.online()) {
            // Offline or connecting, the text below says so (and why) once.
            Label what = Cards.muted(model.stateText());
            what.setId("dashboardState");
            header.getChildren().add(what);
        }
        header.setAlignment(Pos.BASELINE_LEFT);
        return header;
    }

    private Node instances() {
        InstanceCounts counts = model.counts();
        TreeLocation group = TreeLocation.group(remote, TreeEntry.Group.INSTANCES);
        HBox tiles = new HBox(18);
        for (String state : DashboardFigures.STATES) {
            tiles.getChildren().add(countTile(state, counts.of(state), group, i18n.get(DashboardFigures.stateKey(state))));
        }
        VBox card = Cards.card("dashboardInstances", i18n.get("dashboard.instances"), tiles,
                Cards.link(i18n.format("dashboard.instances.total", counts.total()), group, goTo));
        if (counts.other() > 0) {
            card.getChildren().add(Cards.muted(i18n.format("dashboard.instances.other", counts.other())));
        }
        return card;
    }

    private VBox countTile(String state, int count, TreeLocation place, String label) {
        Hyperlink number = Cards.link(Integer.toString(count), place, goTo);
        number.getStyleClass().addAll("dashboard-count", count == 0 ? "dashboard-count-zero" : "dashboard-count-" + state);
        number.setId("dashboardCount-" + state);
        Label name = Cards.muted(label);
        name.setWrapText(false);
        VBox tile = new VBox(0, number, name);
        tile.setAlignment(Pos.CENTER_LEFT);
        return tile;
    }

    private Node host() {
        VBox card = Cards.card("dashboardHost", i18n.get("dashboard.host"));
        var reading = model.reading();
        if (reading == null) {
            card.getChildren().add(Cards.muted(i18n.get("dashboard.reading")));
            return card;
        }
        Host host = reading.host();
        if (host == null) {
            card.getChildren().add(Cards.wrapped(model.failureText(reading.hostFailure())));
        } else {
            card.getChildren().add(Cards.row(new Label(i18n.get("dashboard.cpu.name")),
                    new Label(model.cpuText(host))));
            if (host.cpuModel() != null) {
                card.getChildren().add(Cards.muted(host.cpuModel()));
            }
            card.getChildren().addAll(new Label(i18n.get("dashboard.memory")),
                    Cards.usage(DashboardFigures.fraction(host.memoryUsed(), host.memoryTotal()),
                            model.spaceText(host.memoryUsed(), host.memoryTotal())));
        }
        long[] disk = DashboardFigures.totalOf(model.pools());
        card.getChildren().add(new Label(i18n.get("dashboard.disk")));
        card.getChildren().add(disk == null ? Cards.muted(i18n.get("dashboard.space.unknown"))
                : Cards.usage(DashboardFigures.fraction(disk[0], disk[1]), model.spaceText(disk[0], disk[1])));
        return card;
    }

    private Node pools() {
        VBox card = Cards.card("dashboardPools", i18n.get("dashboard.pools"));
        if (model.uninitialised()) {
            // A server with no storage pool has not been initialised: offer the wizard right here.
            Button init = new Button(i18n.get("menu.init.server"));
            init.setId("initFromView");
            init.setOnAction(e -> dev.hako.ui.wizard.init.InitialisationWizard.open(init.getScene().getWindow(), i18n,
                    model.remote()));
            card.getChildren().addAll(Cards.wrapped(i18n.get("init.freshHint")), init);
        } else if (model.pools().isEmpty()) {
            card.getChildren().add(Cards.muted(i18n.get("dashboard.pools.none")));
        }
        for (PoolUsage pool : model.pools()) {
            card.getChildren().add(Cards.row(Cards.link(pool.name(), TreeLocation.object(remote,
                    TreeEntry.Group.STORAGE_POOLS, pool.name()), goTo), Cards.muted(pool.driver())));
            String text = pool.known() ? model.spaceText(pool.used(), pool.total())
                    : i18n.get(model.reading() == null ? "dashboard.reading" : "dashboard.space.unknown");
            card.getChildren().add(Cards.usage(pool.fraction(), text));
        }
        return card;
    }

    private Node networks() {
        VBox card = Cards.card("dashboardNetworks", i18n.get("dashboard.networks"));
        if (model.networks().isEmpty()) {
            card.getChildren().add(Cards.muted(i18n.get("dashboard.networks.none")));
        }
        for (Network network : model.networks()) {
            card.getChildren().add(Cards.row(Cards.link(network.name(), TreeLocation.object(remote,
                    TreeEntry.Group.NETWORKS, network.name()), goTo),
                    Cards.muted(network.type() + " · " + network.status())));
        }
        return card;
    }

    private Node members() {
        VBox card = Cards.card("dashboardMembers", i18n.get("dashboard.members"));
        for (ClusterMember member : model.members()) {
            Label status = new Label(member.status());
            status.getStyleClass().add("Online".equalsIgnoreCase(member.status()) ? "dashboard-good"
                    : "dashboard-bad");
            card.getChildren().add(Cards.row(Cards.link(member.serverName(), TreeLocation.object(remote,
                    TreeEntry.Group.CLUSTER_MEMBERS, member.serverName()), goTo), status));
            if (!"Online".equalsIgnoreCase(member.status()) && member.message() != null) {
                card.getChildren().add(Cards.muted(member.message()));
            }
        }
        return card;
    }

    private Node warnings() {
        VBox card = Cards.card("dashboardWarnings", i18n.get("dashboard.warnings"));
        var reading = model.reading();
        if (reading == null) {
            card.getChildren().add(Cards.muted(i18n.get("dashboard.reading")));
            return card;
        }
        var warnings = reading.warnings();
        if (!warnings.available()) {
            card.getChildren().add(Cards.muted(i18n.get("dashboard.warnings.unavailable")));
        } else if (warnings.failure() != null) {
            card.getChildren().add(Cards.wrapped(model.failureText(warnings.failure())));
        } else if (warnings.open().isEmpty()) {
            card.getChildren().add(Cards.muted(i18n.get("dashboard.warnings.none")));
        } else {
            Label count = new Label(i18n.format("dashboard.warnings.count", warnings.open().size()));
            count.setId("dashboardWarningCount");
            card.getChildren().add(count);
            for (Warning warning : warnings.open().subList(0, Math.min(WARNINGS_SHOWN, warnings.open().size()))) {
                Label type = Cards.wrapped(warning.type());
                type.getStyleClass().add("dashboard-warning-" + (warning.severity() == null ? "low"
                        : warning.severity()));
                card.getChildren().addAll(type, Cards.muted(warning.lastMessage()));
            }
            if (warnings.open().size() > WARNINGS_SHOWN) {
                card.getChildren().add(Cards.muted(i18n.format("dashboard.warnings.more",
                        warnings.open().size() - WARNINGS_SHOWN)));
            }
        }
        return card;
    }

    private Node operations() {
        VBox card = Cards.card("dashboardOperations", i18n.get("dashboard.operations"));
        if (model.operations().isEmpty()) {
            card.getChildren().add(Cards.muted(i18n.get("dashboard.operations.none")));
        }
        for (LiveOperations.Entry entry : model.operations()) {
            String text = ServerDashboardViewModel.operationText(entry.operation());
            String instance = ServerDashboardViewModel.instanceOf(entry.operation());
            Node what = instance == null ? Cards.wrapped(text)
                    : Cards.link(text, TreeLocation.object(remote, TreeEntry.Group.INSTANCES, instance), goTo);
            card.getChildren().addAll(what, Cards.muted(model.operationState(entry) + " · "
                    + model.when(entry.operation().createdAt())));
        }
        return card;
    }
}
