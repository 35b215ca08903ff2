package dev.hako.ui.wizard.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstanceStatus;
import dev.hako.lxd.api.Operation;
import dev.hako.model.migration.Destination;
import dev.hako.lxd.Endpoint;
import dev.hako.lxd.InstanceMigration.MigrationFailedException;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.Server;
import dev.hako.lxd.api.ServerEnvironment;
import dev.hako.model.migration.MigrationJob;
import dev.hako.model.migration.MigrationPlan;
import dev.hako.model.migration.Preflight;
import dev.hako.model.migration.PreflightCheck;
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
    private final List<MigrationPlan> started = new ArrayList<>();
    private final List<Consumer<Consumer<Operation>>> transfers = new ArrayList<>();
    private List<String> sourceAddresses = List.of("127.0.0.1:8443");
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
        return model(instance, preferred, null);
    }

    private static Server server(String kind, String version, List<String> addresses) {
        return new Server(null, List.of(), "stable", "1.0", "trusted", List.of(), false, new ServerEnvironment(addresses,
                List.of(), "", "", "lxc", "", "", "Linux", "x86_64", "", "Debian", "12", "default", kind, false,
                "full-mesh", "vm", 1, version, "dir", "1", null));
    }

    private MigrationViewModel model(Instance instance, String preferred, String member) {
        MigrationRemotes remotes = new MigrationRemotes() {
            @Override
            public ServerKind kind() {
                return ServerKind.LXD;
            }

            @Override
            public Destination destination(String remote) {
                return destinations.get(remote);
            }

            @Override
            public Preflight.Ends ends(Instance i, Destination destination, MigrationPlan plan) {
                Endpoint local = new Endpoint.UnixSocket(java.nio.file.Path.of("/x"));
                return new Preflight.Ends(server("lxd", "5.0.2", sourceAddresses), local,
                        server("lxd", "5.0.2", List.of()), local, i, destination, plan);
            }

            @Override
            public MigrationJob job(MigrationPlan plan) {
                started.add(plan);
                Consumer<Consumer<Operation>> run = transfers.isEmpty() ? transfer : transfers.remove(0);
                return new MigrationJob() {
                    @Override
                    public void run(Consumer<Operation> progress) {
                        run.accept(progress);
                    }

                    @Override
                    public void cancel() {
                        cancelled = true;
                    }
                };
            }
        };
        return new MigrationViewModel(i18n, new CurrentThreadTaskExecutor(), dialogs, "here", instance,
                List.of("here", "b", "c"), preferred, member, remotes);
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
        // Another remote starts from its own default: within its server, the pool it is on.
        destinations.put("here", own(Set.of("fast", "slow"), List.of("default")));
        model.remoteProperty().set("here");
        assertThat(model.poolProperty().get()).isEqualTo("fast");
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
            seen.add(model.transfer().progressTextProperty().get());
            progress.accept(halfway);
            seen.add(model.transfer().progressTextProperty().get() + " @ " + model.transfer().progressProperty().get());
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
        assertThat(model.transfer().workingProperty().get()).isFalse();
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
        assertThat(model.transfer().progressTextProperty().get()).isEmpty();
        assertThat(model.poolProperty().get()).isEqualTo("other");
        assertThat(model.transfer().workingProperty().get()).isFalse();
    }

    @Test
    void cancelAsksTheServersToStop() {
        destinations.put("b", new Destination("b", Set.of("fast"), Set.of("default", "app"), Set.of()));
        MigrationViewModel model = model(instance(true), "b");
        List<String> seen = new ArrayList<>();
        transfer = progress -> {
            model.cancel();
            seen.add(model.transfer().progressTextProperty().get());
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

    private static Instance withDevices(boolean running, Map<String, Map<String, String>> devices) {
        return new Instance("web", "", "x86_64", "container", running ? "Running" : "Stopped",
                running ? InstanceStatus.RUNNING : InstanceStatus.STOPPED, Map.of(), Map.of(), false,
                List.of("default", "app"), false, Map.of(), devices, null, null, "m1", null);
    }

    private static Destination own(Set<String> pools, List<String> projects) {
        return new Destination("here", pools, Set.of("default", "app"), Set.of("web"), Set.of(), Set.of(), Set.of(),
                projects, List.of());
    }

    @Test
    void withinItsServerARunningContainerMovesColdToAnotherPoolOrProject() {
        destinations.put("here", own(Set.of("fast", "slow"), List.of("default", "other")));
        MigrationViewModel model = model(instance(true), "here");
        model.moveProperty().set(true);
        model.liveProperty().set(true);
        assertThat(model.withinServer()).isTrue();
        assertThat(model.targetLabel("here")).isEqualTo(i18n.format("migrate.sameServer", "here"));
        // The servers move a running container to another pool or project only with CRIU: cold.
        assertThat(model.liveAllowed()).isFalse();
        assertThat(model.modeHint()).isEqualTo(i18n.get("migrate.coldHint"));
        assertThat(model.projects()).containsExactly("default", "other");
        assertThat(model.missingProfiles()).isEmpty();
        // Its own name is not "taken" by itself, but a move to where it is changes nothing.
        assertThat(model.storageProblem()).isEqualTo(i18n.get("migrate.problem.nothingChanges"));
        model.poolProperty().set("slow");
        assertThat(model.storageProblem()).isNull();
        assertThat(model.plan().withinServer()).isTrue();
        assertThat(model.plan().request().pool()).isEqualTo("slow");
        assertThat(model.plan().request().live()).isFalse();
        assertThat(model.commandLines()).containsExactly("lxc stop here:web", "lxc move here:web --storage slow",
                "lxc start here:web");

        model.poolProperty().set("fast");
        model.projectProperty().set("other");
        assertThat(model.storageProblem()).isNull();
        assertThat(model.plan().request().pool()).isNull();
        assertThat(model.commandLines()).containsExactly("lxc stop here:web",
                "lxc move here:web --target-project other", "lxc start here:web --project other");
        // A copy within the same project needs another name.
        model.projectProperty().set(null);
        model.moveProperty().set(false);
        assertThat(model.storageProblem()).isEqualTo(i18n.format("migrate.problem.nameTaken", "web", "here"));
        model.newNameProperty().set("web-copy");
        assertThat(model.storageProblem()).isNull();
        assertThat(model.commandLines()).containsExactly("lxc copy here:web here:web-copy --stateless");
    }

    @Test
    void aDropOnAClusterMemberChoosesItAndAllowsLive() {
        destinations.put("b", new Destination("b", Set.of("fast"), Set.of("default", "app"), Set.of(), Set.of(),
                Set.of(), Set.of(), List.of("default"), List.of("m1", "m2")));
        MigrationViewModel model = model(instance(true), "b", "m2");
        assertThat(model.members()).containsExactly("m1", "m2");
        assertThat(model.memberProperty().get()).isEqualTo("m2");
        assertThat(model.liveAllowed()).isTrue();
        assertThat(model.plan().member()).isEqualTo("m2");
        // Another remote's projects are not offered: it goes into that remote's own.
        assertThat(model.projects()).isEmpty();
        model.remoteProperty().set("c");
        assertThat(model.memberProperty().get()).isNull();
    }

    @Test
    void thePreflightBlocksOnWhatTheDestinationLacksAndSaysWhatToDo() {
        Instance web = withDevices(true, Map.of("root", Map.of("type", "disk", "path", "/", "pool", "fast"),
                "eth0", Map.of("type", "nic", "network", "lxdbr1", "name", "eth0"),
                "data", Map.of("type", "disk", "path", "/srv", "pool", "fast", "source", "vol1")));
        destinations.put("b", new Destination("b", Set.of("fast"), Set.of("default", "app"), Set.of(),
                Set.of("lxdbr0"), Set.of("lxdbr1"), Set.of(), List.of(), List.of()));
        MigrationViewModel model = model(web, "b");
        model.moveProperty().set(true);
        model.liveProperty().set(true);
        assertThat(model.checksProblem()).isEqualTo(i18n.get("migrate.checking"));
        model.runChecks();
        List<PreflightCheck> checks = model.preflight().checks();
        assertThat(checks).filteredOn(PreflightCheck::blocks).extracting(PreflightCheck::messageKey)
                .containsExactly("migrate.check.volume", "migrate.check.nicNetwork");
        assertThat(model.preflight().text(checks.stream().filter(c -> c.messageKey().endsWith("nicNetwork"))
                .findFirst().orElseThrow())).contains("lxdbr1").contains("Create lxdbr1 on b");
        assertThat(checks).extracting(PreflightCheck::messageKey).contains("migrate.check.liveCriu",
                "migrate.check.address");
        assertThat(model.checksProblem()).isEqualTo(i18n.format("migrate.problem.checks", 2));

        destinations.put("b", new Destination("b", Set.of("fast"), Set.of("default", "app"), Set.of(),
                Set.of("lxdbr1"), Set.of(), Set.of("fast/vol1"), List.of(), List.of()));
        model.destinationChanged();
        // What the destination holds changed: the old verdicts no longer count.
        assertThat(model.preflight().checks()).isEmpty();
        model.runChecks();
        assertThat(model.preflight().checks()).noneMatch(PreflightCheck::blocks);
        assertThat(model.checksProblem()).isNull();

        sourceAddresses = List.of();
        model.runChecks();
        assertThat(model.preflight().checks()).filteredOn(PreflightCheck::blocks)
                .extracting(PreflightCheck::messageKey).containsExactly("migrate.check.noAddress");
    }

    @Test
    void aRefusedLiveMoveExplainsCriuAndMovesColdWhenAgreed() {
        destinations.put("b", new Destination("b", Set.of("fast"), Set.of("default", "app"), Set.of()));
        MigrationViewModel model = model(instance(true), "b");
        model.moveProperty().set(true);
        model.liveProperty().set(true);
        transfers.add(progress -> {
            throw new MigrationFailedException(null,
                    "Unable to perform container live migration. CRIU isn't installed", false);
        });
        transfers.add(progress -> { });
        dialogs.answer(true);
        model.finish(() -> outcomes.add("done"), () -> outcomes.add("failed"));
        assertThat(outcomes).containsExactly("done");
        assertThat(started).extracting(p -> p.request().live()).containsExactly(true, false);
        assertThat(started.get(1).request().move()).isTrue();
        assertThat(model.liveProperty().get()).isFalse();
        assertThat(dialogs.shown()).singleElement().satisfies(shown -> {
            assertThat(shown.kind()).isEqualTo("confirm");
            assertThat(shown.header()).isEqualTo(i18n.format("migrate.liveFailed.header", "web", "b"));
            assertThat(shown.text()).contains(i18n.get("migrate.liveFailed.criu")).contains("CRIU isn't installed")
                    .contains("web is still running on here");
        });
    }

    @Test
    void aDeclinedColdMoveLeavesTheWizardOpenWithNothingStarted() {
        destinations.put("b", new Destination("b", Set.of("fast"), Set.of("default", "app"), Set.of()));
        MigrationViewModel model = model(instance(true), "b");
        model.moveProperty().set(true);
        model.liveProperty().set(true);
        transfer = progress -> {
            throw new MigrationFailedException("Stateful migration is not supported", null, false);
        };
        dialogs.answer(false);
        model.finish(() -> outcomes.add("done"), () -> outcomes.add("failed"));
        assertThat(outcomes).containsExactly("failed");
        assertThat(started).hasSize(1);
        assertThat(model.liveProperty().get()).isTrue();
        assertThat(dialogs.shown()).singleElement().satisfies(shown ->
                assertThat(shown.text()).contains(i18n.get("migrate.liveFailed.stateful")));
    }

    @Test
    void aCancelledLiveMoveOffersNothing() {
        destinations.put("b", new Destination("b", Set.of("fast"), Set.of("default", "app"), Set.of()));
        MigrationViewModel model = model(instance(true), "b");
        model.liveProperty().set(true);
        transfer = progress -> {
            throw MigrationFailedException.cancelledByUser();
        };
        model.finish(() -> outcomes.add("done"), () -> outcomes.add("failed"));
        assertThat(outcomes).containsExactly("failed");
        assertThat(dialogs.shown()).singleElement().satisfies(shown -> assertThat(shown.kind()).isEqualTo("error"));
    }

    @Test
    void anUnrelatedChangeOnTheRemotesLeavesTheChecksStanding() {
        destinations.put("b", new Destination("b", Set.of("fast"), Set.of("default", "app"), Set.of()));
        MigrationViewModel model = model(instance(false), "b");
        model.runChecks();
        assertThat(model.preflight().checks()).isNotEmpty();
        // A collection event that leaves what the destination holds as it was (an instance started).
        destinations.put("b", new Destination("b", Set.of("fast"), Set.of("default", "app"), Set.of()));
        model.destinationChanged();
        assertThat(model.preflight().checks()).isNotEmpty();
        assertThat(model.checksProblem()).isNull();
    }
}
