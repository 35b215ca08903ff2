package dev.hako.ui.cluster;

import dev.hako.lxd.api.ClusterMember;
import dev.hako.model.CollectionListener;
import dev.hako.model.RemoteModel;
import dev.hako.ui.common.I18n;
import dev.hako.ui.tree.TreeEntry;
import dev.hako.ui.view.FactSheet;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The members of a remote's cluster as a table (name, URL, roles, architecture,
 * failure domain, status, message, database leader), kept current from the model's
 * cluster-member collection, with evacuate, restore, remove and add-member actions.
 */
public final class ClusterView {

    private final RemoteModel remote;
    private final I18n i18n;
    private final ClusterActions actions;
    private final TableView<ClusterMember> table = new TableView<>();
    private final Button evacuate = new Button();
    private final Button restore = new Button();
    private final Button remove = new Button();
    private final Button add = new Button();
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final VBox root;
    private String wanted;

    /** Whether the cluster view is the detail view of this entry. */
    public static boolean shows(TreeEntry entry) {
        return entry instanceof TreeEntry.MemberEntry
                || entry instanceof TreeEntry.GroupEntry g && g.group() == TreeEntry.Group.CLUSTER_MEMBERS;
    }

    /** The view for a "Cluster members" group or one member (then that member is selected). */
    public static Node of(RemoteModel remote, I18n i18n, TreeEntry entry) {
        ClusterView view = new ClusterView(remote, i18n);
        if (entry instanceof TreeEntry.MemberEntry member) {
            view.wanted = member.member().serverName();
        }
        return view.root;
    }

    private ClusterView(RemoteModel remote, I18n i18n) {
        this.remote = remote;
        this.i18n = i18n;
        this.actions = new ClusterActions(this::owner, i18n, remote);
        Label title = new Label(i18n.format("cluster.title", remote.name()));
        title.getStyleClass().add("title-3");
        Label subtitle = new Label(i18n.format("cluster.subtitle", remote.name()));
        subtitle.getStyleClass().add("text-muted");
        subtitle.setWrapText(true);

        table.setId("clusterMembers");
        table.setPlaceholder(new Label(i18n.get("cluster.none")));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().setAll(List.of(
                FactSheet.<ClusterMember>column(i18n.get("cluster.col.name"), 100, ClusterMember::serverName),
                FactSheet.<ClusterMember>column(i18n.get("cluster.col.leader"), 100,
                        m -> leader(m) ? i18n.get("cluster.leaderMark") : ""),
                FactSheet.<ClusterMember>column(i18n.get("cluster.col.status"), 100, ClusterMember::status),
                FactSheet.<ClusterMember>column(i18n.get("cluster.col.url"), 200, ClusterMember::url),
                FactSheet.<ClusterMember>column(i18n.get("cluster.col.roles"), 230,
                        m -> m.roles() == null ? "" : String.join(", ", m.roles())),
                FactSheet.<ClusterMember>column(i18n.get("cluster.col.architecture"), 110, ClusterMember::architecture),
                FactSheet.<ClusterMember>column(i18n.get("cluster.col.failureDomain"), 120,
                        ClusterMember::failureDomain),
                FactSheet.<ClusterMember>column(i18n.get("cluster.col.message"), 320, ClusterMember::message)));
        VBox.setVgrow(table, Priority.ALWAYS);

        evacuate.setText(i18n.get("cluster.evacuate"));
        evacuate.setId("clusterEvacuate");
        restore.setText(i18n.get("cluster.restore"));
        restore.setId("clusterRestore");
        remove.setText(i18n.get("cluster.remove"));
        remove.setId("clusterRemove");
        add.setText(i18n.get("cluster.addMember"));
        add.setId("clusterAddMember");
        Button refresh = new Button(i18n.get("cluster.refresh"));
        refresh.setId("clusterRefresh");
        evacuate.setOnAction(e -> selected().ifPresent(m -> actions.changeState(m.serverName(), true, reporter())));
        restore.setOnAction(e -> selected().ifPresent(m -> actions.changeState(m.serverName(), false, reporter())));
        remove.setOnAction(e -> selected().ifPresent(m -> actions.remove(m.serverName(), reporter())));
        add.setOnAction(e -> actions.addMember());
        refresh.setOnAction(e -> remote.refresh());
        HBox bar = new HBox(8, evacuate, restore, remove, add, refresh);

        status.setId("clusterStatus");
        status.setWrapText(true);
        progress.setId("clusterProgress");
        progress.setPrefWidth(160);
        progress.setVisible(false);
        progress.managedProperty().bind(progress.visibleProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        HBox statusLine = new HBox(10, progress, status);
        statusLine.managedProperty().bind(progress.visibleProperty().or(status.textProperty().isNotEmpty()));

        root = new VBox(10, title, subtitle, bar, statusLine, table);
        root.setPadding(new Insets(16));
        root.setId("clusterView");
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> updateButtons());
        updateButtons();

        if (remote.client() == null) {
            status.setText(i18n.format("cluster.offline", remote.name()));
        }
        // Follows the model while shown; stops listening when the view leaves the window.
        CollectionListener<ClusterMember> listener = change -> Platform.runLater(
                () -> show(List.copyOf(change.snapshot().values())));
        remote.clusterMembers().addListener(listener);
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene == null && was != null) {
                remote.clusterMembers().removeListener(listener);
            }
        });
    }

    private static boolean leader(ClusterMember m) {
        return m.roles() != null && m.roles().contains("database-leader");
    }

    private Window owner() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private java.util.Optional<ClusterMember> selected() {
        return java.util.Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    private void show(List<ClusterMember> members) {
        String keep = selected().map(ClusterMember::serverName).orElse(wanted);
        table.getItems().setAll(members);
        for (ClusterMember m : members) {
            if (m.serverName().equals(keep)) {
                table.getSelectionModel().select(m);
            }
        }
        if (wanted != null && selected().isPresent()) {
            wanted = null;
        }
        updateButtons();
    }

    private void updateButtons() {
        ClusterMember m = table.getSelectionModel().getSelectedItem();
        boolean connected = remote.client() != null;
        String state = m == null || m.status() == null ? "" : m.status().toLowerCase(java.util.Locale.ROOT);
        evacuate.setDisable(!connected || m == null || "evacuated".equals(state));
        restore.setDisable(!connected || m == null || !"evacuated".equals(state));
        remove.setDisable(!connected || m == null);
        add.setDisable(!connected);
    }

    /** Shows a running state change's progress on this view (the operations drawer shows it too). */
    private ClusterActions.Progress reporter() {
        return new ClusterActions.Progress() {
            @Override
            public void started(String text) {
                progress.setVisible(true);
                progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
                status.setText(text);
            }

            @Override
            public void update(String text, Double fraction) {
                status.setText(text);
                progress.setProgress(fraction == null ? ProgressBar.INDETERMINATE_PROGRESS : fraction);
            }

            @Override
            public void finished(String text) {
                progress.setVisible(false);
                status.setText(text);
                updateButtons();
            }
        };
    }
}
