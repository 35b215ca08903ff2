package dev.hako.ui.cluster;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.ClusterMemberConfigKey;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FitToText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.common.WizardDialog;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Joins a standalone remote to the cluster of another remote: choose both and the
 * member name; both servers are checked and the cluster's per-member settings asked
 * for; then a token is made on the cluster and the joining server is told to join.
 * The pages show and bind a {@link JoinClusterViewModel}.
 */
public final class JoinClusterWizard {

    private final I18n i18n;
    private final JoinClusterViewModel model;
    private final VBox checks = new VBox(6);
    private final GridPane memberConfig = new GridPane();
    private final Label summary = new Label();
    private WizardDialog wizard;

    private JoinClusterWizard(I18n i18n, JoinClusterViewModel model) {
        this.i18n = i18n;
        this.model = model;
    }

    private static boolean isClustered(RemoteModel r) {
        LxdClient c = r.client();
        return c != null && c.serverInfo().environment() != null && c.serverInfo().environment().serverClustered();
    }

    /**
     * Opens the wizard with {@code preferredJoining} (or {@code preferredCluster}) chosen,
     * either may be null; says why it cannot when no pair of remotes qualifies.
     */
    public static void open(TaskExecutor tasks, DialogService dialogs, Workspace workspace,
                            RemoteModel preferredJoining, RemoteModel preferredCluster) {
        I18n i18n = dialogs.i18n();
        List<RemoteModel> standalone = new ArrayList<>();
        List<RemoteModel> clustered = new ArrayList<>();
        for (RemoteModel r : workspace.remotes()) {
            if (r.client() != null) {
                (isClustered(r) ? clustered : standalone).add(r);
            }
        }
        if (standalone.isEmpty() || clustered.isEmpty()) {
            dialogs.inform(i18n.get("cluster.join.title"), i18n.get(standalone.isEmpty() ? "cluster.join.noJoining"
                    : "cluster.join.noCluster"));
            return;
        }
        JoinClusterViewModel model = new JoinClusterViewModel(i18n, tasks, dialogs,
                standalone.stream().map(RemoteModel::name).toList(), clustered.stream().map(RemoteModel::name).toList(),
                preferredJoining == null ? null : preferredJoining.name(),
                preferredCluster == null ? null : preferredCluster.name(), new JoinServers(tasks, workspace));
        new JoinClusterWizard(i18n, model).show(dialogs);
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        ColumnConstraints field = new ColumnConstraints();
        field.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(new ColumnConstraints(), field);
        return grid;
    }


    private void show(DialogService dialogs) {
        wizard = new WizardDialog(dialogs.owner(), i18n, i18n.get("cluster.join.title"));
        wizard.page(i18n.get("cluster.join.page.servers"), serversPage(), model::serversProblem, null)
                .page(i18n.get("cluster.join.page.checks"), checksPage(), model::checksProblem, model::runChecks)
                .page(i18n.get("cluster.join.page.run"), runPage(), model::checksProblem,
                        () -> summary.setText(model.summary()))
                .onFinish(dialog -> model.finish(dialog::close, dialog::failed))
                .show();
        model.checkStateProperty().addListener((o, was, now) -> showChecks());
        model.checkLines().addListener((ListChangeListener<JoinClusterViewModel.CheckLine>) c -> showChecks());
        model.memberConfig().addListener((ListChangeListener<ClusterMemberConfigKey>) c -> showMemberConfig());
    }

    private VBox serversPage() {
        ChoiceBox<String> joining = new ChoiceBox<>(FXCollections.observableArrayList(model.standalone()));
        joining.setId("clusterJoinServer");
        joining.valueProperty().bindBidirectional(model.joiningProperty());
        ChoiceBox<String> cluster = new ChoiceBox<>(FXCollections.observableArrayList(model.clustered()));
        cluster.setId("clusterJoinCluster");
        cluster.valueProperty().bindBidirectional(model.clusterProperty());
        TextField name = new TextField();
        name.setId("clusterJoinName");
        name.textProperty().bindBidirectional(model.nameProperty());
        GridPane where = grid();
        where.addRow(0, new Label(i18n.get("cluster.join.joining")), joining);
        where.addRow(1, new Label(i18n.get("cluster.join.cluster")), cluster);
        where.addRow(2, new Label(i18n.get("cluster.join.name")), name);
        Label hint = FitToText.wrapping(i18n.format("cluster.join.serversHint"));
        hint.getStyleClass().add("text-muted");
        return new VBox(12, where, hint);
    }

    private VBox checksPage() {
        checks.setId("clusterJoinChecks");
        memberConfig.setHgap(10);
        memberConfig.setVgap(8);
        memberConfig.setId("clusterJoinMemberConfig");
        Label configTitle = new Label(i18n.get("cluster.join.memberConfig"));
        configTitle.getStyleClass().add("title-4");
        Label configHint = FitToText.wrapping(i18n.format("cluster.join.memberConfigHint"));
        configHint.getStyleClass().add("text-muted");
        Button recheck = new Button(i18n.get("cluster.join.recheck"));
        recheck.setId("clusterJoinRecheck");
        recheck.setOnAction(e -> model.runChecks());
        return new VBox(12, checks, recheck, configTitle, memberConfig, configHint);
    }

    private VBox runPage() {
        summary.setId("clusterJoinSummary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setId("clusterJoinProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.visibleProperty().bind(model.workingProperty());
        Label progressText = FitToText.wrapping("");
        progressText.setId("clusterJoinProgressText");
        progressText.textProperty().bind(model.progressTextProperty());
        return new VBox(12, summary, progress, progressText);
    }

    private void showChecks() {
        String state = model.checkStateProperty().get();
        if (!state.isEmpty()) {
            checks.getChildren().setAll(FitToText.wrapping(state));
        } else {
            checks.getChildren().setAll(model.checkLines().stream().map(line -> {
                Label label = FitToText.wrapping(line.text());
                label.getStyleClass().add(line.ok() ? "success" : "danger");
                return label;
            }).toList());
        }
        wizard.revalidate();
    }

    private void showMemberConfig() {
        memberConfig.getChildren().clear();
        int row = 0;
        for (ClusterMemberConfigKey k : model.memberConfig()) {
            TextField field = new TextField();
            field.setId("memberConfig-" + k.entity() + "-" + k.name() + "-" + k.key());
            field.setPromptText(k.description());
            field.textProperty().bindBidirectional(model.answer(k));
            memberConfig.addRow(row++, new Label(i18n.format("cluster.join.memberConfigKey", k.entity(), k.name(),
                    k.key())), field);
            GridPane.setHgrow(field, Priority.ALWAYS);
        }
        if (row == 0) {
            memberConfig.addRow(0, new Label(i18n.get("cluster.join.noMemberConfig")));
        }
    }
}
