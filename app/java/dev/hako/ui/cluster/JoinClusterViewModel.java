package dev.hako.ui.cluster;

import dev.hako.lxd.api.ClusterMember;
import dev.hako.lxd.api.ClusterMemberConfigKey;
import dev.hako.remote.cluster.ClusterJoin;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.LatestTask;
import dev.hako.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Joining a standalone remote to the cluster of another: both remotes and the member
 * name; both servers checked (again each time the page opens, or when asked) and the
 * cluster's per-member settings asked for; then the join, step by step. A failed join
 * revokes its token (see {@link ClusterJoin}) and the checks run again.
 */
public final class JoinClusterViewModel {

    /** The servers, by remote name; blocking calls run on the task executor. */
    public interface Servers {
        ClusterJoin.Preflight check(String joining, String cluster, String member) throws Exception;

        ClusterMember join(String joining, String cluster, ClusterJoin.Request request,
                           Consumer<ClusterJoin.Step> step) throws Exception;

        /** Client certificates that reach the joining server now and must stay trusted. */
        List<java.security.cert.X509Certificate> keepTrusted(String joining);

        /** After the join (UI thread): the joined remote follows the cluster's certificate. */
        void joined(String joining, String cluster, String clusterCertificate);
    }

    /** One line of the checks: what was found, good or bad, in the user's language. */
    public record CheckLine(String text, boolean ok) {
    }

    private final I18n i18n;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final List<String> standalone;
    private final List<String> clustered;
    private final Servers servers;
    private final LatestTask checking;
    private final StringProperty joining = new SimpleStringProperty(this, "joining");
    private final StringProperty cluster = new SimpleStringProperty(this, "cluster");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObservableList<CheckLine> checkLines = FXCollections.observableArrayList();
    private final ObservableList<ClusterMemberConfigKey> memberConfig = FXCollections.observableArrayList();
    private final Map<String, StringProperty> answers = new HashMap<>();
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper checkState = new ReadOnlyStringWrapper(this, "checkState", "");
    private ClusterJoin.Preflight preflight;
    private String checkedFor;
    private String checkProblem;

    public JoinClusterViewModel(I18n i18n, TaskExecutor tasks, DialogService dialogs, List<String> standalone,
                                List<String> clustered, String preferredJoining, String preferredCluster,
                                Servers servers) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.standalone = List.copyOf(standalone);
        this.clustered = List.copyOf(clustered);
        this.servers = servers;
        this.checking = new LatestTask(tasks);
        joining.set(preferredJoining != null && standalone.contains(preferredJoining) ? preferredJoining
                : standalone.get(0));
        cluster.set(preferredCluster != null && clustered.contains(preferredCluster) ? preferredCluster
                : clustered.get(0));
        name.set(joining.get());
        // The member name follows the joining server's until it is typed.
        joining.addListener((o, was, now) -> {
            if (was != null && name.get().equals(was)) {
                name.set(now);
            }
        });
    }

    public List<String> standalone() {
        return standalone;
    }

    public List<String> clustered() {
        return clustered;
    }

    public StringProperty joiningProperty() {
        return joining;
    }

    public StringProperty clusterProperty() {
        return cluster;
    }

    public StringProperty nameProperty() {
        return name;
    }

    private String member() {
        return name.get() == null ? "" : name.get().trim();
    }

    public String serversProblem() {
        if (joining.get() == null || cluster.get() == null) {
            return i18n.get("cluster.join.problem.choose");
        }
        if (joining.get().equals(cluster.get())) {
            return i18n.get("cluster.join.problem.same");
        }
        return ClusterActions.memberNameProblem(i18n, member(), Set.of());
    }

    // ---- checks ----

    private String key() {
        return joining.get() + "\n" + cluster.get() + "\n" + member();
    }

    /** What the checks found, line by line. */
    public ObservableList<CheckLine> checkLines() {
        return checkLines;
    }

    /** While checking or when the servers could not be read: what to show instead of the lines; else empty. */
    public ReadOnlyStringProperty checkStateProperty() {
        return checkState.getReadOnlyProperty();
    }

    /** The cluster's per-member settings for the new member. */
    public ObservableList<ClusterMemberConfigKey> memberConfig() {
        return memberConfig;
    }

    /** The value typed for a per-member setting; kept when the same key comes back after a new check. */
    public StringProperty answer(ClusterMemberConfigKey key) {
        return answers.computeIfAbsent(key.entity() + "/" + key.name() + "/" + key.key(),
                k -> new SimpleStringProperty(this, k, key.value() == null ? "" : key.value()));
    }

    /** Checks both servers in the background; only the latest check counts. */
    public void runChecks() {
        preflight = null;
        checkProblem = i18n.get("cluster.join.checking");
        checkState.set(checkProblem);
        checkLines.clear();
        String forKey = key();
        String from = joining.get();
        String to = cluster.get();
        String member = member();
        checking.run(BackgroundTask.of(p -> servers.check(from, to, member))
                .onSuccess(found -> {
                    preflight = found;
                    checkedFor = forKey;
                    checkProblem = null;
                    checkLines.setAll(linesOf(found));
                    memberConfig.setAll(found.memberConfig());
                    checkState.set("");
                })
                .onFailure(failure -> {
                    checkProblem = i18n.format("cluster.join.checkFailed", FailureText.of(i18n, failure));
                    checkState.set(checkProblem);
                }));
    }

    List<CheckLine> linesOf(ClusterJoin.Preflight found) {
        List<CheckLine> lines = new ArrayList<>();
        Set<ClusterJoin.Kind> kinds = new HashSet<>();
        for (ClusterJoin.Problem p : found.problems()) {
            kinds.add(p.kind());
            lines.add(new CheckLine(i18n.format("cluster.join.bad", i18n.format(checkKey(p.kind()),
                    p.detail() == null ? "" : p.detail())), false));
        }
        if (found.serverAddress() != null && kinds.stream().noneMatch(k -> k.name().startsWith("JOINING"))) {
            lines.add(new CheckLine(i18n.format("cluster.join.ok", i18n.format("cluster.join.check.joiningReady",
                    joining.get(), found.serverAddress())), true));
        }
        if (found.clusterAddress() != null && !kinds.contains(ClusterJoin.Kind.CLUSTER_NOT_CLUSTERED)) {
            lines.add(new CheckLine(i18n.format("cluster.join.ok", i18n.format("cluster.join.check.clusterReady",
                    cluster.get(), found.clusterAddress(), String.join(", ", found.memberNames()))), true));
        }
        return lines;
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

    public String checksProblem() {
        String servers = serversProblem();
        if (servers != null) {
            return servers;
        }
        if (preflight == null || !key().equals(checkedFor)) {
            return checkProblem == null ? i18n.get("cluster.join.checking") : checkProblem;
        }
        return preflight.ok() ? null : i18n.get("cluster.join.problem.checks");
    }

    // ---- the join ----

    public String summary() {
        return preflight == null ? "" : i18n.format("cluster.join.summary", joining.get(), cluster.get(), member(),
                preflight.serverAddress(), preflight.clusterAddress());
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    private List<ClusterMemberConfigKey> answered() {
        return memberConfig.stream().map(k -> new ClusterMemberConfigKey(k.entity(), k.name(), k.key(),
                answer(k).get().trim(), k.description())).toList();
    }

    /**
     * Joins in the background. {@code onDone} runs once the server is a member, before the
     * user is told what comes next; {@code onFailed} when not, before the failure is shown.
     */
    public void finish(Runnable onDone, Runnable onFailed) {
        ClusterJoin.Preflight found = preflight;
        String from = joining.get();
        String to = cluster.get();
        ClusterJoin.Request request = new ClusterJoin.Request(member(), found.serverAddress(), found.clusterAddress(),
                found.clusterCertificate(), answered(), servers.keepTrusted(from));
        working.set(true);
        progressText.set(i18n.get("cluster.join.step.TOKEN"));
        tasks.execute(BackgroundTask.of(p -> servers.join(from, to, request, step -> p.update(-1, stepKey(step))))
                .onProgress(update -> progressText.set(i18n.get(update.text())))
                .onSuccess(joined -> {
                    working.set(false);
                    servers.joined(from, to, found.clusterCertificate());
                    onDone.run();
                    dialogs.inform(i18n.format("cluster.join.done", from, joined.serverName(), joined.status()),
                            i18n.format("cluster.join.next", from));
                })
                .onFailure(failure -> {
                    working.set(false);
                    progressText.set(i18n.get("cluster.join.failedNote"));
                    onFailed.run();
                    // What the servers are now (nothing joined, the token revoked) decides what comes next.
                    runChecks();
                    dialogs.showError(i18n.format("cluster.join.failed", from, to), failure);
                }));
    }

    private static String stepKey(ClusterJoin.Step step) {
        return switch (step) {
            case TOKEN -> "cluster.join.step.TOKEN";
            case JOINING -> "cluster.join.step.JOINING";
            case CHECKING -> "cluster.join.step.CHECKING";
            case REVERTING -> "cluster.join.step.REVERTING";
        };
    }
}
