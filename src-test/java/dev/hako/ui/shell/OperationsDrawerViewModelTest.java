package dev.hako.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.api.Operation;
import dev.hako.model.LiveOperations;
import dev.hako.ui.shell.OperationsDrawerViewModel.Origin;
import dev.hako.ui.shell.OperationsDrawerViewModel.Row;
import dev.hako.ui.shell.OperationsDrawerViewModel.Source;
import dev.hako.model.history.TaskHistory;
import dev.hako.model.history.TaskRecord;
import dev.hako.model.store.HistoryDatabase;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the drawer lists for a burst of CLI execs next to this window's own work. */
class OperationsDrawerViewModelTest {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-12-04T10:00:00Z");

    private static LiveOperations.Entry entry(String id, String description, String instance, int code, int second,
            boolean here) {
        String status = code == Operation.RUNNING ? "Running" : code == Operation.SUCCESS ? "Success" : "Failure";
        Operation op = new Operation(id, "task", description, T0.plusSeconds(second), T0.plusSeconds(second), status,
                code, Map.of("instances", List.of("/1.0/instances/" + instance)), null, false, "", "none");
        return new LiveOperations.Entry(op, false, here);
    }

    /** Twenty ended CLI execs on web, one running exec, and this window's restart of db. */
    private static List<Source> burst() {
        List<LiveOperations.Entry> lxd = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lxd.add(entry("exec-" + i, "Executing command", "web", Operation.SUCCESS, i, false));
        }
        lxd.add(entry("exec-live", "Executing command", "web", Operation.RUNNING, 30, false));
        lxd.add(entry("restart", "Updating instance state", "db", Operation.SUCCESS, 25, true));
        List<LiveOperations.Entry> incus = List.of(entry("other", "Executing command", "web", Operation.FAILURE, 5,
                false));
        return List.of(new Source("lxd", lxd), new Source("incus", incus));
    }

    @Test
    void endedRepeatsFoldIntoOneRowWhileRunningOnesStayApart() {
        OperationsDrawerViewModel model = new OperationsDrawerViewModel();
        model.show(burst());

        assertThat(model.rows()).extracting(r -> r.operation().id(), Row::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("exec-live", 1),
                        org.assertj.core.groups.Tuple.tuple("restart", 1),
                        org.assertj.core.groups.Tuple.tuple("exec-19", 20),
                        org.assertj.core.groups.Tuple.tuple("other", 1));
        assertThat(model.runningProperty().get()).isEqualTo(1);
        assertThat(model.totalProperty().get()).isEqualTo(23);
        assertThat(model.kinds()).containsExactly("Executing command", "Updating instance state");

        model.foldRepeatsProperty().set(false);
        assertThat(model.rows()).hasSize(23).allSatisfy(r -> assertThat(r.count()).isEqualTo(1));
    }

    @Test
    void narrowsByOriginRemoteAndKind() {
        OperationsDrawerViewModel model = new OperationsDrawerViewModel();
        model.show(burst());

        model.originProperty().set(Origin.HERE);
        assertThat(model.rows()).extracting(r -> r.operation().id()).containsExactly("restart");
        model.originProperty().set(Origin.ELSEWHERE);
        assertThat(model.rows()).extracting(r -> r.operation().id()).containsExactly("exec-live", "exec-19", "other");

        model.remoteProperty().set("incus");
        assertThat(model.rows()).extracting(Row::remote, r -> r.operation().id())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("incus", "other"));

        model.originProperty().set(Origin.EVERYONE);
        model.remoteProperty().set(null);
        model.kindProperty().set("Updating instance state");
        assertThat(model.rows()).extracting(r -> r.operation().id()).containsExactly("restart");
        // The counts do not follow the filter: the title says what runs anywhere.
        assertThat(model.runningProperty().get()).isEqualTo(1);
    }

    @Test
    void aChosenKindStaysOfferedAfterItsOperationsAreForgotten() {
        OperationsDrawerViewModel model = new OperationsDrawerViewModel();
        model.show(burst());
        model.kindProperty().set("Updating instance state");

        model.show(List.of(new Source("lxd", List.of(entry("x", "Executing command", "web", Operation.SUCCESS, 1,
                false)))));

        assertThat(model.kinds()).containsExactly("Executing command", "Updating instance state");
        assertThat(model.rows()).isEmpty();
    }

    @Test
    void theObjectsAnOperationNamesLeaveOutTheOperationItself() {
        Operation op = new Operation("id", "task", "Creating instance", T0, T0, "Running", Operation.RUNNING,
                Map.of("instances", List.of("/1.0/instances/web"), "operations", List.of("/1.0/operations/id")), null,
                false, "", "none");
        assertThat(dev.hako.model.history.TaskRecord.objectsOf(op)).containsExactly("web");
    }

    @Test
    void theHistoryIsMergedBelowTheRunningOnesAndPagedNewestFirst(@TempDir Path directory) {
        try (HistoryDatabase database = HistoryDatabase.open(directory.resolve("history.db"),
                List.of(TaskHistory.SCHEMA))) {
            TaskHistory history = new TaskHistory(database, 90);
            List<TaskRecord> old = new ArrayList<>();
            Instant start = T0.toInstant().minusSeconds(100_000);
            for (int i = 0; i < 450; i++) {
                old.add(new TaskRecord("lxd", "old-" + i, "Starting instance", "c" + i, null, "task", false,
                        start.plusSeconds(i), start.plusSeconds(i + 1), i == 7 ? TaskRecord.Result.FAILED
                        : TaskRecord.Result.SUCCEEDED, i == 7 ? "Failure" : "Success",
                        i == 7 ? "Failed to start device \"eth0\":\nno such bridge" : "", "lxc start lxd:c" + i));
            }
            // The restart the live model still knows is in the file too: listed once.
            old.add(TaskRecord.of("lxd", null, burst().get(0).entries().get(21), Instant.now()));
            history.recordAll(old);
            database.flush().join();
            OperationsDrawerViewModel model = new OperationsDrawerViewModel(new CurrentThreadTaskExecutor(), history);
            model.show(burst());
            model.foldRepeatsProperty().set(false);
            model.reload();

            assertThat(model.rows().get(0).task().id()).isEqualTo("exec-live");
            assertThat(model.rows()).filteredOn(r -> r.task().id().equals("restart")).singleElement()
                    .matches(r -> r.live() != null);
            // 23 live, then the first page of the file less the one already listed live.
            assertThat(model.rows()).hasSize(23 + OperationsDrawerViewModel.PAGE - 1);
            assertThat(model.rows().get(23).task().id()).isEqualTo("old-449");
            assertThat(model.matchingProperty().get()).isEqualTo(451);
            assertThat(model.moreProperty().get()).isTrue();
            model.loadMore();
            model.loadMore();
            assertThat(model.moreProperty().get()).isFalse();
            assertThat(model.rows()).hasSize(23 + 450).last().matches(r -> r.task().id().equals("old-0"));

            // The search reaches the error text, and the result filter the file's rows as well as the live ones.
            model.textProperty().set("no such BRIDGE");
            assertThat(model.rows()).extracting(r -> r.task().id()).containsExactly("old-7");
            model.textProperty().set("");
            model.resultProperty().set(TaskRecord.Result.FAILED);
            assertThat(model.rows()).extracting(r -> r.task().id()).containsExactly("other", "old-7");
            model.resultProperty().set(null);
            model.originProperty().set(Origin.HERE);
            assertThat(model.rows()).extracting(r -> r.task().id()).containsExactly("restart");
            assertThat(model.kinds()).contains("Starting instance", "Executing command");
        }
    }

    @Test
    void aRetentionIsAWholeNumberOfDaysUpToTenYears() {
        assertThat(OperationsDrawerViewModel.retentionDays(" 30 ")).isEqualTo(30);
        assertThat(OperationsDrawerViewModel.retentionDays("3650")).isEqualTo(3650);
        assertThat(OperationsDrawerViewModel.retentionDays("0")).isNull();
        assertThat(OperationsDrawerViewModel.retentionDays("3651")).isNull();
        assertThat(OperationsDrawerViewModel.retentionDays("1.5")).isNull();
        assertThat(OperationsDrawerViewModel.retentionDays("")).isNull();
    }
}
