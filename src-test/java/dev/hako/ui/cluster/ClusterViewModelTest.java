package dev.hako.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.api.ClusterMember;
import dev.hako.model.RemoteModel;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cluster view's state: members, the selection kept by name, what can be done, the status line. */
class ClusterViewModelTest {

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private final ScriptedDialogService dialogs = new ScriptedDialogService(i18n);
    private final RemoteModel remote = new RemoteModel("lab", new Endpoint.UnixSocket(Path.of("/nonexistent")));
    private boolean online = true;

    @AfterEach
    void closeRemote() {
        remote.close();
    }

    private ClusterViewModel model(String wanted) {
        return new ClusterViewModel(remote, () -> online, i18n, tasks, new ClusterActions(tasks, dialogs, remote),
                wanted);
    }

    private static ClusterMember member(String name, String status, String... roles) {
        return new ClusterMember(name, "https://" + name + ":8443", true, status, "", "x86_64", "default", "",
                Map.of(), List.of(roles), List.of());
    }

    @Test
    void theWantedMemberIsSelectedOnceItShowsUpAndKeptAcrossUpdates() {
        ClusterViewModel model = model("node2");
        model.show(List.of(member("node1", "Online")));
        assertThat(model.selectedProperty().get()).isNull();
        model.show(List.of(member("node1", "Online"), member("node2", "Online")));
        assertThat(model.selectedProperty().get()).isEqualTo("node2");
        model.selectedProperty().set("node1");
        model.show(List.of(member("node1", "Evacuated"), member("node2", "Online")));
        assertThat(model.selectedProperty().get()).isEqualTo("node1");
        assertThat(model.selectedMember()).map(ClusterMember::status).contains("Evacuated");
        // A member that left takes the selection with it.
        model.show(List.of(member("node2", "Online")));
        assertThat(model.selectedProperty().get()).isNull();
    }

    @Test
    void fewerThanThreeMembersShowTheRedundancyHintInTheWindowsLanguage() {
        ClusterViewModel model = model(null);
        assertThat(model.redundancyHintProperty().get()).isEmpty();
        model.show(List.of(member("node1", "Online")));
        assertThat(model.redundancyHintProperty().get()).startsWith("This cluster has 1 member(s)")
                .contains("no redundancy");
        model.show(List.of(member("node1", "Online"), member("node2", "Online")));
        assertThat(model.redundancyHintProperty().get()).startsWith("This cluster has 2 member(s)");
        model.show(List.of(member("node1", "Online"), member("node2", "Online"), member("node3", "Online")));
        assertThat(model.redundancyHintProperty().get()).isEmpty();
        model.show(List.of(member("node1", "Online")));
        i18n.setLocale(Locale.JAPANESE);
        model.relabel();
        assertThat(model.redundancyHintProperty().get()).contains("1 台").contains("冗長性");
    }

    @Test
    void evacuateAndRestoreFollowTheSelectedMembersStatus() {
        ClusterViewModel model = model(null);
        model.show(List.of(member("node1", "Online", "database-leader"), member("node2", "EVACUATED")));
        assertThat(model.canEvacuate().get()).isFalse();
        assertThat(model.canRemove().get()).isFalse();
        model.selectedProperty().set("node1");
        assertThat(model.canEvacuate().get()).isTrue();
        assertThat(model.canRestore().get()).isFalse();
        assertThat(model.canRemove().get()).isTrue();
        assertThat(ClusterViewModel.leader(model.selectedMember().orElseThrow())).isTrue();
        model.selectedProperty().set("node2");
        assertThat(model.canEvacuate().get()).isFalse();
        assertThat(model.canRestore().get()).isTrue();
        online = false;
        model.show(List.copyOf(model.members()));
        assertThat(model.connectedProperty().get()).isFalse();
        assertThat(model.canRestore().get()).isFalse();
        assertThat(model.canRemove().get()).isFalse();
    }

    @Test
    void anOfflineRemoteSaysSoInTheStatusLine() {
        online = false;
        ClusterViewModel model = model(null);
        assertThat(model.statusProperty().get()).isEqualTo(i18n.format("cluster.offline", "lab"));
    }

    @Test
    void aRunningChangeReportsAndItsTextFollowsTheLanguage() {
        ClusterViewModel model = model(null);
        model.started(() -> i18n.format("cluster.running", i18n.format("cluster.evacuate.action", "node2")));
        assertThat(model.busyProperty().get()).isTrue();
        assertThat(model.progressProperty().get()).isEqualTo(ClusterViewModel.INDETERMINATE);
        model.update(() -> i18n.format("cluster.evacuate.action", "node2") + ": 3/7", 0.4);
        assertThat(model.progressProperty().get()).isEqualTo(0.4);
        assertThat(model.statusProperty().get()).isEqualTo("Evacuate node2: 3/7");
        i18n.setLocale(Locale.JAPANESE);
        model.relabel();
        assertThat(model.statusProperty().get()).isEqualTo(i18n.format("cluster.evacuate.action", "node2") + ": 3/7")
                .isNotEqualTo("Evacuate node2: 3/7");
        model.finished(() -> i18n.format("cluster.done.evacuate", "node2"));
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo(i18n.format("cluster.done.evacuate", "node2"));
    }

    @Test
    void aNewMembersNameFollowsTheServersRulesAndIsNotTaken() {
        java.util.Set<String> taken = java.util.Set.of("node1");
        assertThat(ClusterActions.memberNameProblem(i18n, "", taken)).isEqualTo(i18n.get("cluster.problem.name"));
        assertThat(ClusterActions.memberNameProblem(i18n, "-x", taken)).isEqualTo(i18n.get("cluster.problem.name"));
        assertThat(ClusterActions.memberNameProblem(i18n, "node1", taken))
                .isEqualTo(i18n.format("cluster.problem.nameTaken", "node1"));
        assertThat(ClusterActions.memberNameProblem(i18n, "node3", taken)).isNull();
    }
}
