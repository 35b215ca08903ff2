package dev.hako.ui.cluster;

import dev.hako.lxd.api.ClusterMember;
import dev.hako.model.RemoteModel;
import dev.hako.remote.cluster.ClusterLocations;
import dev.hako.remote.cluster.JoinToken;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FxDialogService;
import dev.hako.ui.common.FxTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.tree.TreeEntry;
import dev.hako.ui.view.FactSheet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The members of a remote's cluster as a table (name, URL, roles, architecture,
 * failure domain, status, message, database leader), kept current from the model's
 * cluster-member collection, with evacuate, restore, remove and add-member actions.
 * It shows and binds a {@link ClusterViewModel}, and relabels itself in place when the
 * language changes (selection, status and running changes are kept).
 */
public final class ClusterView {

    private static final double ROW = 28;
    /** Room for the header and the horizontal scroll bar of the wide tables; the tokens table has no such bar. */
    private static final double HEADER_AND_SCROLL_BAR = 72;
    private static final double HEADER = 50;

    private final I18n i18n;
    private final ClusterViewModel model;
    private final TableView<ClusterMember> table = new TableView<>();
    private final Label placeholder = new Label();
    private final List<Runnable> labels = new ArrayList<>();
    private final VBox content;
    private final ScrollPane root;

    /** Whether the cluster view is the detail view of this entry. */
    public static boolean shows(TreeEntry entry) {
        return entry instanceof TreeEntry.MemberEntry
                || entry instanceof TreeEntry.GroupEntry g && g.group() == TreeEntry.Group.CLUSTER_MEMBERS;
    }

    /** The view for a "Cluster members" group or one member (then that member is selected). */
    public static Node of(RemoteModel remote, I18n i18n, TreeEntry entry) {
        Node[] root = new Node[1];
        DialogService dialogs = new FxDialogService(() -> root[0] == null || root[0].getScene() == null ? null
                : root[0].getScene().getWindow(), i18n);
        root[0] = of(remote, FxTaskExecutor.get(), dialogs, entry);
        return root[0];
    }

    /** The same with the given executor and dialogs. */
    public static Node of(RemoteModel remote, TaskExecutor tasks, DialogService dialogs, TreeEntry entry) {
        String wanted = entry instanceof TreeEntry.MemberEntry member ? member.member().serverName() : null;
        ClusterViewModel model = new ClusterViewModel(remote, dialogs.i18n(), tasks,
                new ClusterActions(tasks, dialogs, remote), wanted);
        return of(dialogs.i18n(), model);
    }

    /** The view of a view model made elsewhere (tests give it members of their own). */
    static Node of(I18n i18n, ClusterViewModel model) {
        return new ClusterView(i18n, model).root;
    }

    private ClusterView(I18n i18n, ClusterViewModel model) {
        this.i18n = i18n;
        this.model = model;
        Label title = label(new Label(), () -> i18n.format("cluster.title", model.remoteName()));
        title.getStyleClass().add("title-3");
        Label subtitle = label(new Label(), () -> i18n.format("cluster.subtitle", model.remoteName()));
        subtitle.getStyleClass().add("text-muted");
        subtitle.setWrapText(true);

        table.setId("clusterMembers");
        table.setPlaceholder(placeholder);
        labels.add(() -> placeholder.setText(i18n.get("cluster.none")));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().setAll(List.<TableColumn<ClusterMember, String>>of(
                column("cluster.col.name", 100, ClusterMember::serverName),
                column("cluster.col.leader", 100,
                        m -> ClusterViewModel.leader(m) ? i18n.get("cluster.leaderMark") : ""),
                column("cluster.col.status", 100, ClusterMember::status),
                column("cluster.col.url", 200, ClusterMember::url),
                column("cluster.col.roles", 230, m -> m.roles() == null ? "" : String.join(", ", m.roles())),
                column("cluster.col.architecture", 110, ClusterMember::architecture),
                column("cluster.col.failureDomain", 120, ClusterMember::failureDomain),
                column("cluster.col.message", 320, ClusterMember::message)));
        table.setItems(model.members());
        // Each table is as tall as its rows (up to a limit); the view scrolls as a whole.
        fitRows(table, 8, HEADER_AND_SCROLL_BAR);
        bindSelection();

        Button evacuate = button("cluster.evacuate", "clusterEvacuate", model::evacuate);
        evacuate.disableProperty().bind(model.canEvacuate().not());
        Button restore = button("cluster.restore", "clusterRestore", model::restore);
        restore.disableProperty().bind(model.canRestore().not());
        Button remove = button("cluster.remove", "clusterRemove", model::remove);
        remove.disableProperty().bind(model.canRemove().not());
        Button add = button("cluster.addMember", "clusterAddMember", model::addMember);
        add.disableProperty().bind(model.connectedProperty().not());
        Button refresh = button("cluster.refresh", "clusterRefresh", model::refresh);
        HBox bar = new HBox(8, evacuate, restore, remove, add, refresh);

        Label status = new Label();
        status.setId("clusterStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        ProgressBar progress = new ProgressBar();
        progress.setId("clusterProgress");
        progress.setPrefWidth(160);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        HBox statusLine = new HBox(10, progress, status);
        statusLine.managedProperty().bind(progress.visibleProperty().or(status.textProperty().isNotEmpty()));

        Label hint = new Label();
        hint.setId("clusterRedundancyHint");
        hint.setWrapText(true);
        hint.getStyleClass().add("warning");
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        hint.textProperty().bind(model.redundancyHintProperty());
        hint.managedProperty().bind(hint.textProperty().isNotEmpty());
        hint.visibleProperty().bind(hint.managedProperty());

        content = new VBox(10, title, subtitle, bar, statusLine, hint, table, locationsPart(), tokensPart());
        content.setPadding(new Insets(16));
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.setId("clusterView");
        relabel();
        followWhileShown();
    }

    /** Each member's pools and networks: status and the member's own config (?target=). */
    private Node locationsPart() {
        Label heading = label(new Label(), () -> i18n.get("cluster.locations.title"));
        heading.getStyleClass().add("title-4");
        TableView<ClusterLocations.Location> locations = new TableView<>(model.locations());
        locations.setId("clusterLocations");
        locations.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Label empty = label(new Label(), () -> i18n.get("cluster.locations.none"));
        locations.setPlaceholder(empty);
        locations.getColumns().setAll(List.of(
                column("cluster.locations.col.member", 110, ClusterLocations.Location::member),
                column("cluster.locations.col.kind", 140, l -> i18n.get(l.kind() == ClusterLocations.Kind.NETWORK
                        ? "cluster.locations.network" : "cluster.locations.pool")),
                column("cluster.locations.col.name", 120, ClusterLocations.Location::name),
                column("cluster.locations.col.driver", 150, ClusterLocations.Location::driver),
                column("cluster.locations.col.status", 170, ClusterLocations.Location::status),
                column("cluster.locations.col.config", 380, l -> l.memberConfig().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(", ")))));
        fitRows(locations, 10, HEADER_AND_SCROLL_BAR);
        Label problem = new Label();
        problem.setId("clusterLocationsProblem");
        problem.getStyleClass().add("danger");
        problem.textProperty().bind(model.locationsProblemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        return new VBox(6, heading, problem, locations);
    }

    /** The join tokens handed out and not used yet, with Revoke. */
    private Node tokensPart() {
        Label heading = label(new Label(), () -> i18n.get("cluster.tokens.title"));
        heading.getStyleClass().add("title-4");
        TableView<JoinToken> tokens = new TableView<>(model.tokens());
        tokens.setId("clusterTokens");
        tokens.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Label empty = label(new Label(), () -> i18n.get("cluster.tokens.none"));
        tokens.setPlaceholder(empty);
        tokens.getColumns().setAll(List.of(
                column("cluster.tokens.col.name", 160, JoinToken::serverName),
                column("cluster.tokens.col.expires", 260, t -> t.expiresAt() == null
                        ? i18n.get("cluster.tokens.never") : t.expiresAt())));
        fitRows(tokens, 4, HEADER);
        Button revoke = button("cluster.tokens.revoke", "clusterTokensRevoke",
                () -> model.revoke(tokens.getSelectionModel().getSelectedItem()));
        revoke.disableProperty().bind(tokens.getSelectionModel().selectedItemProperty().isNull()
                .or(model.connectedProperty().not()));
        return new VBox(6, new HBox(10, heading, revoke), tokens);
    }

    /** Follows the model and the language while in a window; lets go of both when it leaves. */
    private void followWhileShown() {
        ChangeListener<Locale> language = (o, was, now) -> relabel();
        boolean[] following = new boolean[1];
        Runnable follow = () -> {
            if (!following[0]) {
                following[0] = true;
                model.follow();
                i18n.localeProperty().addListener(language);
            }
        };
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                follow.run();
            } else if (following[0]) {
                following[0] = false;
                model.unfollow();
                i18n.localeProperty().removeListener(language);
            }
        });
        follow.run();
    }

    private void bindSelection() {
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null || !table.getItems().isEmpty()) {
                model.selectedProperty().set(now == null ? null : now.serverName());
            }
        });
        Runnable select = () -> {
            String name = model.selectedProperty().get();
            ClusterMember current = table.getSelectionModel().getSelectedItem();
            if (name == null) {
                table.getSelectionModel().clearSelection();
            } else if (current == null || !current.serverName().equals(name)) {
                table.getItems().stream().filter(m -> m.serverName().equals(name)).findFirst()
                        .ifPresent(m -> table.getSelectionModel().select(m));
            }
        };
        model.selectedProperty().addListener((o, was, now) -> select.run());
        model.members().addListener((javafx.collections.ListChangeListener<ClusterMember>) change -> select.run());
    }

    /**
     * Keeps a table as tall as its rows, up to {@code max} (an empty one keeps room for its
     * placeholder), plus {@code allowance} for its header and scroll bar.
     */
    private static void fitRows(TableView<?> table, int max, double allowance) {
        table.setFixedCellSize(ROW);
        Runnable fit = () -> {
            double height = Math.min(max, Math.max(1, table.getItems().size())) * ROW + allowance;
            table.setPrefHeight(height);
            table.setMinHeight(height);
        };
        fit.run();
        table.getItems().addListener((javafx.collections.ListChangeListener<Object>) change -> fit.run());
    }

    private Label label(Label label, java.util.function.Supplier<String> text) {
        labels.add(() -> label.setText(text.get()));
        return label;
    }

    private <T> TableColumn<T, String> column(String titleKey, double width, Function<T, String> value) {
        TableColumn<T, String> column = FactSheet.column(i18n.get(titleKey), width, value);
        labels.add(() -> column.setText(i18n.get(titleKey)));
        return column;
    }

    private Button button(String textKey, String id, Runnable action) {
        Button button = new Button();
        button.setId(id);
        button.setOnAction(e -> action.run());
        labels.add(() -> button.setText(i18n.get(textKey)));
        return button;
    }

    /** Every text again in the language now chosen; the table keeps its rows and selection. */
    private void relabel() {
        labels.forEach(Runnable::run);
        model.relabel();
        table.refresh();
        content.lookupAll(".table-view").forEach(n -> ((TableView<?>) n).refresh());
    }
}
