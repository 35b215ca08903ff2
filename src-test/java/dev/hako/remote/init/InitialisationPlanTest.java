package dev.hako.remote.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.hako.remote.init.Initialisation.Action;
import dev.hako.remote.init.Initialisation.Existing;
import dev.hako.remote.init.Initialisation.Kind;
import dev.hako.remote.init.Initialisation.Step;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which steps a preseed takes and which are undone after a refusal, decided without a server. */
class InitialisationPlanTest {

    private static final Preseed EVERYTHING = new Preseed(Map.of("core.https_address", "[::]:8443"),
            List.of(new Preseed.StoragePool("default", "dir", "", Map.of()),
                    new Preseed.StoragePool("fast", "zfs", "", Map.of("size", "20GiB"))),
            List.of(new Preseed.Network("lxdbr0", "bridge", null, "", Map.of())),
            List.of(new Preseed.Project("p1", "", Map.of())),
            List.of(new Preseed.Profile("default", "", Map.of(), Map.of())),
            new Preseed.Cluster("n1", true, null, null, null, null, List.of()));

    @Test
    void stepsFollowLxdInitsOrderAndCreateOnlyWhatIsMissing() {
        List<Step> plan = Initialisation.plan(EVERYTHING,
                new Existing(Set.of("fast"), Set.of(), Set.of("default"), Set.of("default")));
        assertThat(plan).extracting(Step::index, Step::kind, Step::name, Step::action).containsExactly(
                tuple(0, Kind.SERVER_CONFIG, "", Action.UPDATE),
                tuple(1, Kind.STORAGE_POOL, "default", Action.CREATE),
                tuple(2, Kind.STORAGE_POOL, "fast", Action.UPDATE),
                tuple(3, Kind.NETWORK, "lxdbr0", Action.CREATE),
                tuple(4, Kind.PROJECT, "p1", Action.CREATE),
                tuple(5, Kind.PROFILE, "default", Action.UPDATE),
                tuple(6, Kind.CLUSTER_BOOTSTRAP, "n1", Action.UPDATE));
        assertThat(Initialisation.plan(Preseed.empty(), Existing.none())).isEmpty();
    }

    @Test
    void joiningIsOneStepOnItsOwn() {
        Preseed join = EVERYTHING.withCluster(new Preseed.Cluster("n2", true, "10.0.0.2:8443", "10.0.0.1:8443",
                null, "token", List.of()));
        assertThat(Initialisation.plan(join, Existing.none())).containsExactly(
                new Step(0, Kind.CLUSTER_JOIN, "10.0.0.1:8443", Action.UPDATE));
    }

    @Test
    void aRefusalUndoesTheStepsBeforeItLatestFirstButNeverClustering() {
        List<Step> plan = Initialisation.plan(EVERYTHING, Existing.none());
        assertThat(Initialisation.rollbackOrder(plan, plan.get(4))).extracting(Step::index)
                .containsExactly(3, 2, 1, 0);
        assertThat(Initialisation.rollbackOrder(plan, plan.get(6))).extracting(Step::index)
                .containsExactly(5, 4, 3, 2, 1, 0);
        assertThat(Initialisation.rollbackOrder(plan, plan.get(0))).isEmpty();
        assertThat(plan.get(6).undoable()).isFalse();
    }
}
