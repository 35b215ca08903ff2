package dev.hako.ui.cluster;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.ClusterMember;
import dev.hako.lxd.api.ClusterMemberConfigKey;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.remote.cluster.ClusterJoin;
import dev.hako.ui.common.Dialogs;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskRunner;
import dev.hako.ui.common.WizardDialog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Joins a standalone remote to the cluster of another remote: choose both and the
 * member name; both servers are checked and the cluster's per-member settings asked
 * for; then a token is made on the cluster and the joining server is told to join.
 * A failed join revokes the token (see {@link ClusterJoin}).
 */
public final class JoinClusterWizard {

    private final I18n i18n;
    private final Workspace workspace;
    private final List<RemoteModel> standalone;
    private final List<RemoteModel> clustered;
    private final ChoiceBox<String> joining = new ChoiceBox<>();
    private final ChoiceBox<String> cluster = new ChoiceBox<>();
    private final TextField name = new TextField();
    private final VBox checks = new VBox(6);
    private final GridPane memberConfig = new GridPane();
    private final Map<ClusterMemberConfigKey, TextField> answers = new LinkedHashMap<>();
    private final Label summary = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Label progressText = new Label();
    private volatile ClusterJoin.Preflight preflight;
    private volatile String checkedFor;
    private volatile String checkProblem;
    private WizardDialog wizard;

    private JoinClusterWizard(I18n i18n, Workspace workspace, List<RemoteModel> standalone,
                              List<RemoteModel> clustered) {
        this.i18n = i18n;
        this.workspace = workspace;
        this.standalone = standalone;
        this.clustered = clustered;
    }

    private static boolean isClustered(RemoteModel r) {
        LxdClient c = r.client();
        return c != null && c.serverInfo().environment() != null && c.serverInfo().environment().serverClustered();
    }

    /**
     * Opens the wizard with {@code preferredJoining} (or {@code preferredCluster}) chosen,
     * either may be null; says why it cannot when no pair of remotes qualifies.
     */
    public static void open(Window owner, I18n i18n, Workspace workspace, RemoteModel preferredJoining,
                            RemoteModel preferredCluster) {
        List<RemoteModel> standalone = new ArrayList<>();
        List<RemoteModel> clustered = new ArrayList<>();
        for (RemoteModel r : workspace.remotes()) {
            if (r.client() == null) {
                continue;
            }
            (isClustered(r) ? clustered : standalone).add(r);
        }
        if (standalone.isEmpty()) {
            Dialogs.inform(owner, i18n, i18n.get("cluster.join.title"), i18n.get("cluster.join.noJoining"));
            return;
        }
        if (clustered.isEmpty()) {
            Dialogs.inform(owner, i18n, i18n.get("cluster.join.title"), i18n.get("cluster.join.noCluster"));
            return;
        }
        JoinClusterWizard w = new JoinClusterWizard(i18n, workspace, standalone, clustered);
        w.show(owner, preferredJoining != null && standalone.contains(preferredJoining) ? preferredJoining.name()
                : standalone.get(0).name(), preferredCluster != null && clustered.contains(preferredCluster)
                ? preferredCluster.name() : clustered.get(0).name());
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        javafx.scene.layout.ColumnConstraints field = new javafx.scene.layout.ColumnConstraints();
        field.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(new javafx.scene.layout.ColumnConstraints(), field);
        return grid;
    }

    private static Label wrapping(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private void show(Window owner, String joiningName, String clusterName) {
        joining.setId("clusterJoinServer");
        joining.setItems(FXCollections.observableArrayList(standalone.stream().map(RemoteModel::name).toList()));
        joining.setValue(joiningName);
        cluster.setId("clusterJoinCluster");
        cluster.setItems(FXCollections.observableArrayList(clustered.stream().map(RemoteModel::name).toList()));
        cluster.setValue(clusterName);
        name.setId("clusterJoinName");
        name.setText(joiningName);
        joining.valueProperty().addListener((o, a, b) -> {
            if (a != null && name.getText().equals(a)) {
                name.setText(b);
            }
        });
        GridPane where = grid();
        where.addRow(0, new Label(i18n.get("cluster.join.joining")), joining);
        where.addRow(1, new Label(i18n.get("cluster.join.cluster")), cluster);
        where.addRow(2, new Label(i18n.get("cluster.join.name")), name);
        Label hint = wrapping(i18n.format("cluster.join.serversHint"));
        hint.getStyleClass().add("text-muted");
        VBox serversPage = new VBox(12, where, hint);

        checks.setId("clusterJoinChecks");
        memberConfig.setHgap(10);
        memberConfig.setVgap(8);
        memberConfig.setId("clusterJoinMemberConfig");
        Label configTitle = new Label(i18n.get("cluster.join.memberConfig"));
        configTitle.getStyleClass().add("title-4");
        Label configHint = wrapping(i18n.format("cluster.join.memberConfigHint"));
        configHint.getStyleClass().add("text-muted");
        javafx.scene.control.Button recheck = new javafx.scene.control.Button(i18n.get("cluster.join.recheck"));
        recheck.setId("clusterJoinRecheck");
        recheck.setOnAction(e -> {
            runChecks();
            wizard.revalidate();
        });
        VBox checksPage = new VBox(12, checks, recheck, configTitle, memberConfig, configHint);

        summary.setId("clusterJoinSummary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        progress.setId("clusterJoinProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setVisible(false);
        progressText.setId("clusterJoinProgressText");
        progressText.setWrapText(true);
        VBox runPage = new VBox(12, summary, progress, progressText);

        wizard = new WizardDialog(owner, i18n, i18n.get("cluster.join.title"));
        wizard.page(i18n.get("cluster.join.page.servers"), serversPage, this::serversProblem, null)
                .page(i18n.get("cluster.join.page.checks"), checksPage, this::checksProblem, this::runChecks)
                .page(i18n.get("cluster.join.page.run"), runPage, this::checksProblem, this::updateSummary)
                .onFinish(this::finish)
                .show();
    }

    private RemoteModel remote(List<RemoteModel> from, String remoteName) {
        return from.stream().filter(r -> r.name().equals(remoteName)).findFirst().orElse(null);
    }

    private String serversProblem() {
        if (joining.getValue() == null || cluster.getValue() == null) {
            return i18n.get("cluster.join.problem.choose");
        }
        if (joining.getValue().equals(cluster.getValue())) {
            return i18n.get("cluster.join.problem.same");
        }
        return ClusterActions.memberNameProblem(i18n, name.getText().trim(), Set.of());
    }

    private String key() {
        return joining.getValue() + "\n" + cluster.getValue() + "\n" + name.getText().trim();
    }

    /** Checks both servers in the background, each time the page opens (things may have been fixed meanwhile). */
    private void runChecks() {
        RemoteModel from = remote(standalone, joining.getValue());
        RemoteModel to = remote(clustered, cluster.getValue());
        LxdClient joiningClient = from == null ? null : from.client();
        LxdClient clusterClient = to == null ? null : to.client();
        preflight = null;
        checkProblem = i18n.get("cluster.join.checking");
        checks.getChildren().setAll(wrapping(i18n.get("cluster.join.checking")));
        if (joiningClient == null || clusterClient == null) {
            checkProblem = i18n.format("cluster.join.checkFailed", i18n.format("cluster.offline",
                    joiningClient == null ? joining.getValue() : cluster.getValue()));
            checks.getChildren().setAll(wrapping(checkProblem));
            return;
        }
        String member = name.getText().trim();
        String forKey = key();
        TaskRunner.run(() -> ClusterJoin.check(joiningClient, clusterClient, member), found -> {
            if (!forKey.equals(key())) {
                return;
            }
            preflight = found;
            checkedFor = forKey;
            checkProblem = null;
            showChecks(found);
            wizard.revalidate();
        }, failure -> {
            checkProblem = i18n.format("cluster.join.checkFailed", failure instanceof dev.hako.lxd.LxdException lxd
                    && lxd.serverMessage() != null ? lxd.serverMessage() : failure.getMessage());
            checks.getChildren().setAll(wrapping(checkProblem));
            wizard.revalidate();
        });
    }

    private void showChecks(ClusterJoin.Preflight found) {
        List<Label> lines = new ArrayList<>();
        Set<ClusterJoin.Kind> kinds = new java.util.HashSet<>();
        found.problems().forEach(p -> kinds.add(p.kind()));
        for (ClusterJoin.Problem p : found.problems()) {
            Label line = wrapping(i18n.format("cluster.join.bad",
                    i18n.format(checkKey(p.kind()), p.detail() == null ? "" : p.detail())));
            line.getStyleClass().add("danger");
            lines.add(line);
        }
        if (found.serverAddress() != null && kinds.stream().noneMatch(k -> k.name().startsWith("JOINING"))) {
            Label ok = wrapping(i18n.format("cluster.join.ok", i18n.format("cluster.join.check.joiningReady",
                    joining.getValue(), found.serverAddress())));
            ok.getStyleClass().add("success");
            lines.add(ok);
        }
        if (found.clusterAddress() != null && !kinds.contains(ClusterJoin.Kind.CLUSTER_NOT_CLUSTERED)) {
            Label ok = wrapping(i18n.format("cluster.join.ok", i18n.format("cluster.join.check.clusterReady",
                    cluster.getValue(), found.clusterAddress(), String.join(", ", found.memberNames()))));
            ok.getStyleClass().add("success");
            lines.add(ok);
        }
        checks.getChildren().setAll(lines);
        // Keep what was typed when the same keys come back after going back and forth.
        Map<String, String> typed = new java.util.HashMap<>();
        answers.forEach((k, field) -> typed.put(k.entity() + "/" + k.name() + "/" + k.key(), field.getText()));
        answers.clear();
        memberConfig.getChildren().clear();
        int row = 0;
        for (ClusterMemberConfigKey k : found.memberConfig()) {
            TextField field = new TextField(typed.getOrDefault(k.entity() + "/" + k.name() + "/" + k.key(),
                    k.value() == null ? "" : k.value()));
            field.setId("memberConfig-" + k.entity() + "-" + k.name() + "-" + k.key());
            field.setPromptText(k.description());
            answers.put(k, field);
            Label label = new Label(i18n.format("cluster.join.memberConfigKey", k.entity(), k.name(), k.key()));
            memberConfig.addRow(row++, label, field);
            GridPane.setHgrow(field, Priority.ALWAYS);
        }
        if (row == 0) {
            memberConfig.addRow(0, new Label(i18n.get("cluster.join.noMemberConfig")));
        }
    }

    private static String checkKey(ClusterJoin.Kind kind) {
        return switch (kind) {
            case SAME_SERVER -> "cluster.join.check.SAME_SERVER";
            case KIND_MISMATCH -> "cluster.join.check.KIND_MISMATCH";
            case JOINING_CLUSTERED -> "cluster.join.check.JOINING_CLUSTERED";
            case JOINING_NO_ADDRESS -> "cluster.join.check.JOINING_NO_ADDRESS";
            case JOINING_HAS_INSTANCES -> "cluster.join.check.JOINING_HAS_INSTANCES";
            case JOINING_HAS_POOLS -> "cluster.join.check.JOINING_HAS_POOLS";
            case JOINING_HAS_NETWORKS -> "cluster.join.check.JOINING_HAS_NETWORKS";
            case JOINING_HAS_PROJECTS -> "cluster.join.check.JOINING_HAS_PROJECTS";
            case CLUSTER_NOT_CLUSTERED -> "cluster.join.check.CLUSTER_NOT_CLUSTERED";
            case CLUSTER_NO_ADDRESS -> "cluster.join.check.CLUSTER_NO_ADDRESS";
            case NAME_TAKEN -> "cluster.join.check.NAME_TAKEN";
        };
    }

    private static String stepKey(ClusterJoin.Step step) {
        return switch (step) {
            case TOKEN -> "cluster.join.step.TOKEN";
            case JOINING -> "cluster.join.step.JOINING";
            case CHECKING -> "cluster.join.step.CHECKING";
            case REVERTING -> "cluster.join.step.REVERTING";
        };
    }

    private String checksProblem() {
        String servers = serversProblem();
        if (servers != null) {
            return servers;
        }
        ClusterJoin.Preflight found = preflight;
        if (found == null || !key().equals(checkedFor)) {
            return checkProblem == null ? i18n.get("cluster.join.checking") : checkProblem;
        }
        if (!found.ok()) {
            return i18n.get("cluster.join.problem.checks");
        }
        return null;
    }

    private List<ClusterMemberConfigKey> answered() {
        List<ClusterMemberConfigKey> values = new ArrayList<>();
        answers.forEach((k, field) -> values.add(new ClusterMemberConfigKey(k.entity(), k.name(), k.key(),
                field.getText().trim(), k.description())));
        return values;
    }

    private void updateSummary() {
        ClusterJoin.Preflight found = preflight;
        if (found == null) {
            return;
        }
        summary.setText(i18n.format("cluster.join.summary", joining.getValue(), cluster.getValue(),
                name.getText().trim(), found.serverAddress(), found.clusterAddress()));
    }

    private void finish(WizardDialog dialog) {
        RemoteModel from = remote(standalone, joining.getValue());
        RemoteModel to = remote(clustered, cluster.getValue());
        ClusterJoin.Preflight found = preflight;
        String member = name.getText().trim();
        ClusterJoin.Request request = new ClusterJoin.Request(member, found.serverAddress(), found.clusterAddress(),
                found.clusterCertificate(), answered(), MemberCertificates.clientCertificates(from));
        LxdClient joiningClient = from.client();
        LxdClient clusterClient = to.client();
        String action = i18n.format("cluster.join.action", from.name(), to.name());
        progress.setVisible(true);
        progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        progressText.setText(i18n.get("cluster.join.step.TOKEN"));
        TaskRunner.run(() -> ClusterJoin.join(joiningClient, clusterClient, request,
                step -> Platform.runLater(() -> progressText.setText(i18n.get(stepKey(step))))),
                (ClusterMember joined) -> {
                    MemberCertificates.repin(workspace, from, found.clusterCertificate());
                    to.refresh();
                    Window parent = dialog.window() instanceof javafx.stage.Stage stage ? stage.getOwner() : null;
                    dialog.close();
                    Dialogs.inform(parent, i18n, i18n.format("cluster.join.done", from.name(), joined.serverName(),
                            joined.status()), i18n.format("cluster.join.next", from.name()));
                }, failure -> {
                    progress.setVisible(false);
                    progressText.setText(i18n.get("cluster.join.failedNote"));
                    dialog.failed();
                    // What the servers are now (nothing joined, the token revoked) decides what comes next.
                    runChecks();
                    Dialogs.showError(dialog.window(), i18n, action, failure);
                });
    }
}
