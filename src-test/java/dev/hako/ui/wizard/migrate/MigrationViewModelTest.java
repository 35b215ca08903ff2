package dev.hako.ui.wizard.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstanceStatus;
import dev.hako.lxd.api.Operation;
import dev.hako.model.migration.Destination;
import dev.hako.model.migration.InstanceMove;
import dev.hako.model.migration.MigrationJob;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The migration wizard's pages: where to, the pre-flight against the destination, live or cold, the transfer. */
class MigrationViewModelTest {

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final ScriptedDialogService dialogs = new ScriptedDialogService(i18n);
    private final Map<String, Destination> destinations = new HashMap<>();
    private final List<InstanceMove.Plan> started = new ArrayList<>();
    private final List<String> outcomes = new ArrayList<>();
    private Consumer<Consumer<Operation>> transfer = progress -> { };
    private boolean cancelled;

    private static Instance instance(boolean running) {
        return new Instance("web", "", "x86_64", "container", running ? "Running" : "Stopped",
                running ? InstanceStatus.RUNNING : InstanceStatus.STOPPED, Map.of(), Map.of(), false,
                List.of("default", "app"), false, Map.of(), Map.of("root", Map.of("type", "disk", "path", "/",
                "pool", "fast")), null, null, null, null);
    }

    private MigrationViewModel model(Instance instance, String preferred) {
        return new MigrationViewModel(i18n, new CurrentThreadTaskExecutor(), dialogs, "here", instance,
                List.of("b", "c"), preferred, destinations::get, (remote, plan) -> {
                    started.add(plan);
                    return new MigrationJob() {
                        @Override
                        public void run(Consumer<Operation> progress) {
                            transfer.accept(progress);
                        }

                        @Override
                        public void cancel() {
                            cancelled = true;
                        }
                    };
                });
    }

    private static Operation progress(String text) throws Exception {
        return new Operation("op", "task", "", null, null, "Running", 103, Map.of(),
                new ObjectMapper().readTree("{\"fs_progress\": \"" + text + "\"}"), true, "", null);
    }

    @Test
    void theFirstPageNeedsARemoteAndAValidName() {
        MigrationViewModel model = model(instance(true), "c");
        assertThat(model.remoteProperty().get()).isEqualTo("c");
        assertThat(model.newNameProperty().get()).isEqualTo("web");
        assertThat(model.whereProblem()).isNull();
        model.newNameProperty().set("9web");
        assertThat(model.whereProblem()).isEqualTo(i18n.get("name.problem.badStart"));
        model.newNameProperty().set("web2");
        model.remoteProperty().set(null);
        assertThat(model.whereProblem()).isEqualTo(i18n.get("migrate.problem.remote"));
        assertThat(model(instance(true), "elsewhere").remoteProperty().get()).isEqualTo("b");
    }

    @Test
    void thePreflightWaitsForTheDestinationThenChecksNamePoolAndProfiles() {
        MigrationViewModel model = model(instance(true), "b");
        assertThat(model.storageProblem()).isEqualTo(i18n.get("migrate.checking"));
        assertThat(model.missingProfiles()).isEmpty();

        destinations.put("b", new Destination("b", Set.of("zeta", "fast"), Set.of("default"), Set.of("web")));
        model.destinationChanged();
        assertThat(model.pools()).containsExactly("fast", "zeta");
        // The pool its root disk is on, when the destination has one of that name.
        assertThat(model.poolProperty().get()).isEqualTo("fast");
        assertThat(model.storageProblem()).isEqualTo(i18n.format("migrate.problem.nameTaken", "web", "b"));
        model.newNameProperty().set("web2");
        assertThat(model.missingProfiles()).containsExactly("app");
        assertThat(model.profilesText()).isEqualTo(i18n.format("migrate.profilePresent", "default") + "\n"
                + i18n.format("migrate.profileMissing", "app"));
        assertThat(model.storageProblem()).isEqualTo(i18n.format("migrate.problem.profiles", "app"));
        model.copyProfilesProperty().set(true);
        assertThat(model.storageProblem()).isNull();
        assertThat(model.plan().profilesToCopy()).containsExactly("app");

        // Another remote: read again; its own pools, the first one when it lacks the instance's.
        destinations.put("c", new Destination("c", Set.of("slow", "big"), Set.of("default", "app"), Set.of()));
        model.remoteProperty().set("c");
        assertThat(model.poolProperty().get()).isEqualTo("big");
        assertThat(model.missingProfiles()).isEmpty();
        destinations.put("c", new Destination("c", Set.of(), Set.of("default", "app"), Set.of()));
        model.destinationChanged();
        assertThat(model.storageProblem()).isEqualTo(i18n.format("migrate.problem.noPool", "c"));
    }

    @Test
    void aChosenPoolIsKeptWhileTheDestinationStillHasIt() {
        destinations.put("b", new Destination("b", Set.of("fast", "slow"), Set.of("default", "app"), Set.of()));
        MigrationViewModel model = model(instance(false), "b");
        model.poolProperty().set("slow");
        destinations.put("b", new Destination("b", Set.of("fast", "slow", "new"), Set.of("default", "app"),
                Set.of("other")));
        model.destinationChanged();
        assertThat(model.poolProperty().get()).isEqualTo("slow");
    }

    @Test
    void liveOnlyForARunningInstanceElseCold() {
        destinations.put("b", new Destination("b", Set.of("fast"), Set.of("default", "app"), Set.of()));
        MigrationViewModel running = model(instance(true), "b");
        assertThat(running.liveAllowed()).isTrue();
        assertThat(running.modeHint()).isEqualTo(i18n.get("migrate.liveHint"));
        running.liveProperty().set(true);
        running.moveProperty().set(true);
        assertThat(running.plan().request().live()).isTrue();
        assertThat(running.plan().request().move()).isTrue();
        assertThat(running.summary()).isEqualTo(i18n.format("migrate.summary.move", "web", "here", "web", "b",
                "fast", "default, app", i18n.get("migrate.mode.live"), ""));

        MigrationViewModel stopped = model(instance(false), "b");
        assertThat(stopped.liveAllowed()).isFalse();
        assertThat(stopped.modeHint()).isEqualTo(i18n.get("migrate.stoppedHint"));
        stopped.liveProperty().set(true);
        assertThat(stopped.liveChosen()).isFalse();
        assertThat(stopped.plan().request().live()).isFalse();
        assertThat(stopped.summary()).contains(i18n.get("migrate.mode.cold"));
    }

    @Test
    void theTransferReportsProgressAndClosesTheWizardWhenDone() throws Exception {
        destinations.put("b", new Destination("b", Set.of("fast"), Set.of("default"), Set.of()));
        MigrationViewModel model = model(instance(true), "b");
        model.copyProfilesProperty().set(true);
        model.instanceOnlyProperty().set(true);
        Operation halfway = progress("50% (10MB/s)");
        List<String> seen = new ArrayList<>();
        transfer = progress -> {
            seen.add(model.progressTextProperty().get());
            progress.accept(halfway);
            seen.add(model.progressTextProperty().get() + " @ " + model.progressProperty().get());
        };
        model.finish(() -> outcomes.add("done"), () -> outcomes.add("failed"));
        assertThat(seen).containsExactly(i18n.get("migrate.starting"), "50% (10MB/s) @ 0.5");
        assertThat(outcomes).containsExactly("done");
        assertThat(started).singleElement().satisfies(plan -> {
            assertThat(plan.request().newName()).isEqualTo("web");
            assertThat(plan.request().pool()).isEqualTo("fast");
            assertThat(plan.request().instanceOnly()).isTrue();
            assertThat(plan.request().move()).isFalse();
            assertThat(plan.profilesToCopy()).containsExactly("app");
        });
        assertThat(model.workingProperty().get()).isFalse();
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void aFailedTransferKeepsTheWizardOpenAndShowsTheServersWords() {
        destinations.put("b", new Destination("b", Set.of("fast"), Set.of("default", "app"), Set.of()));
        MigrationViewModel model = model(instance(true), "b");
        model.moveProperty().set(true);
        LxdException refused = new LxdException("migration failed", 0, "source: CRIU is not installed");
        transfer = progress -> {
            // What the destination holds changed meanwhile: read again after the failure.
            destinations.put("b", new Destination("b", Set.of("other"), Set.of("default", "app"), Set.of()));
            throw refused;
        };
        model.finish(() -> outcomes.add("done"), () -> outcomes.add("failed"));
        assertThat(outcomes).containsExactly("failed");
        assertThat(dialogs.shown()).singleElement().satisfies(shown -> {
            assertThat(shown.header()).isEqualTo("Could not move web to b");
            assertThat(shown.text()).isEqualTo("source: CRIU is not installed");
        });
        assertThat(model.progressTextProperty().get()).isEmpty();
        assertThat(model.poolProperty().get()).isEqualTo("other");
        assertThat(model.workingProperty().get()).isFalse();
    }

    @Test
    void cancelAsksTheServersToStop() {
        destinations.put("b", new Destination("b", Set.of("fast"), Set.of("default", "app"), Set.of()));
        MigrationViewModel model = model(instance(true), "b");
        List<String> seen = new ArrayList<>();
        transfer = progress -> {
            model.cancel();
            seen.add(model.progressTextProperty().get());
            throw new LxdException("cancelled", 0, "operation cancelled");
        };
        model.finish(() -> outcomes.add("done"), () -> outcomes.add("failed"));
        assertThat(cancelled).isTrue();
        assertThat(seen).containsExactly(i18n.get("migrate.cancelling"));
        assertThat(outcomes).containsExactly("failed");
        // Nothing runs any more: a second Cancel has nothing to stop.
        cancelled = false;
        model.cancel();
        assertThat(cancelled).isFalse();
    }
}
