package dev.hako.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.LxdException;
import dev.hako.lxd.api.ClusterMember;
import dev.hako.lxd.api.ClusterMemberConfigKey;
import dev.hako.remote.cluster.ClusterJoin;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The join wizard's pages: the servers, the checks (again when asked), the member settings, the join. */
class JoinClusterViewModelTest {

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final ScriptedDialogService dialogs = new ScriptedDialogService(i18n);
    private final List<String> calls = new ArrayList<>();
    private ClusterJoin.Preflight found = preflight(List.of());
    private RuntimeException joinFailure;
    private RuntimeException checkFailure;

    private static final ClusterMemberConfigKey SOURCE = new ClusterMemberConfigKey("storage-pool", "local", "source",
            "", "source of the pool");

    private static ClusterJoin.Preflight preflight(List<ClusterJoin.Problem> problems) {
        return new ClusterJoin.Preflight(problems, "b", "192.0.2.2:8443", "192.0.2.1:8443", "PEM", List.of(SOURCE),
                List.of("node1"));
    }

    private JoinClusterViewModel model() {
        return new JoinClusterViewModel(i18n, new CurrentThreadTaskExecutor(), dialogs, List.of("b", "c"),
                List.of("a"), "c", null, new JoinClusterViewModel.Servers() {
                    @Override
                    public ClusterJoin.Preflight check(String joining, String cluster, String member) {
                        calls.add("check " + joining + " " + cluster + " " + member);
                        if (checkFailure != null) {
                            throw checkFailure;
                        }
                        return found;
                    }

                    @Override
                    public ClusterMember join(String joining, String cluster, ClusterJoin.Request request,
                                              Consumer<ClusterJoin.Step> step) {
                        step.accept(ClusterJoin.Step.JOINING);
                        calls.add("join " + request.serverName() + " " + request.memberConfig());
                        if (joinFailure != null) {
                            step.accept(ClusterJoin.Step.REVERTING);
                            throw joinFailure;
                        }
                        return new ClusterMember(request.serverName(), "", true, "Online", "", "", "", "", Map.of(),
                                List.of(), List.of());
                    }

                    @Override
                    public List<X509Certificate> keepTrusted(String joining) {
                        return List.of();
                    }

                    @Override
                    public void joined(String joining, String cluster, String clusterCertificate) {
                        calls.add("repin " + joining + " " + clusterCertificate);
                    }
                });
    }

    @Test
    void theServersPageWantsTwoDifferentServersAndAMemberName() {
        JoinClusterViewModel model = model();
        assertThat(model.joiningProperty().get()).isEqualTo("c");
        assertThat(model.clusterProperty().get()).isEqualTo("a");
        assertThat(model.nameProperty().get()).isEqualTo("c");
        assertThat(model.serversProblem()).isNull();
        // The name follows the joining server until it is typed.
        model.joiningProperty().set("b");
        assertThat(model.nameProperty().get()).isEqualTo("b");
        model.nameProperty().set("node2");
        model.joiningProperty().set("c");
        assertThat(model.nameProperty().get()).isEqualTo("node2");
        model.joiningProperty().set("a");
        assertThat(model.serversProblem()).isEqualTo(i18n.get("cluster.join.problem.same"));
        model.joiningProperty().set(null);
        assertThat(model.serversProblem()).isEqualTo(i18n.get("cluster.join.problem.choose"));
    }

    @Test
    void checksSayWhatIsWrongAndCountOnlyForWhatWasChecked() {
        JoinClusterViewModel model = model();
        model.nameProperty().set("node2");
        assertThat(model.checksProblem()).isEqualTo(i18n.get("cluster.join.checking"));
        found = preflight(List.of(new ClusterJoin.Problem(ClusterJoin.Kind.JOINING_HAS_POOLS, "mine")));
        model.runChecks();
        assertThat(calls).containsExactly("check c a node2");
        assertThat(model.checkLines()).extracting(JoinClusterViewModel.CheckLine::ok).containsExactly(false, true);
        assertThat(model.checkLines().get(0).text()).contains("mine");
        assertThat(model.checksProblem()).isEqualTo(i18n.get("cluster.join.problem.checks"));

        found = preflight(List.of());
        model.runChecks();
        assertThat(model.checkLines()).extracting(JoinClusterViewModel.CheckLine::ok).containsExactly(true, true);
        assertThat(model.checksProblem()).isNull();
        // Another name was not checked: the checks must run again.
        model.nameProperty().set("node3");
        assertThat(model.checksProblem()).isEqualTo(i18n.get("cluster.join.checking"));
    }

    @Test
    void serversThatCannotBeReadSaySoAndTypedSettingsSurviveAnotherCheck() {
        JoinClusterViewModel model = model();
        model.runChecks();
        model.answer(SOURCE).set("/srv/pool");
        checkFailure = new LxdException("GET failed", 403, "not authorized");
        model.runChecks();
        assertThat(model.checkStateProperty().get()).isEqualTo(i18n.format("cluster.join.checkFailed",
                "not authorized"));
        assertThat(model.checksProblem()).isEqualTo(model.checkStateProperty().get());
        checkFailure = null;
        model.runChecks();
        assertThat(model.checkStateProperty().get()).isEmpty();
        assertThat(model.memberConfig()).containsExactly(SOURCE);
        assertThat(model.answer(SOURCE).get()).isEqualTo("/srv/pool");
    }

    @Test
    void theJoinSendsTheSettingsAndRepinsTheJoinedRemote() {
        JoinClusterViewModel model = model();
        model.nameProperty().set("node2");
        model.runChecks();
        model.answer(SOURCE).set(" /srv/pool ");
        List<String> steps = new ArrayList<>();
        model.progressTextProperty().addListener((o, was, now) -> steps.add(now));
        model.finish(() -> calls.add("closed"), () -> calls.add("failed"));
        assertThat(calls).containsExactly("check c a node2", "join node2 [" + new ClusterMemberConfigKey(
                "storage-pool", "local", "source", "/srv/pool", "source of the pool") + "]", "repin c PEM", "closed");
        assertThat(steps).containsExactly(i18n.get("cluster.join.step.TOKEN"), i18n.get("cluster.join.step.JOINING"));
        assertThat(dialogs.shown()).singleElement().satisfies(shown -> assertThat(shown.header())
                .isEqualTo(i18n.format("cluster.join.done", "c", "node2", "Online")));
    }

    @Test
    void aFailedJoinSaysTheTokenWasRevokedAndChecksAgain() {
        JoinClusterViewModel model = model();
        model.nameProperty().set("node2");
        model.runChecks();
        joinFailure = new LxdException("join failed", 0, "Failed to join cluster: no route");
        model.finish(() -> calls.add("closed"), () -> calls.add("failed"));
        assertThat(calls).containsSubsequence("failed", "check c a node2");
        assertThat(calls).doesNotContain("closed");
        assertThat(model.progressTextProperty().get()).isEqualTo(i18n.get("cluster.join.failedNote"));
        assertThat(model.workingProperty().get()).isFalse();
        assertThat(dialogs.shown()).singleElement().satisfies(shown -> {
            assertThat(shown.header()).isEqualTo("Could not join c to the cluster of a");
            assertThat(shown.text()).isEqualTo("Failed to join cluster: no route");
        });
    }
}
