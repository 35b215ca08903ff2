package dev.hako.model.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.InstanceMigration;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstanceStatus;
import dev.hako.lxd.api.Server;
import dev.hako.lxd.api.ServerEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pre-flight verdicts, and the CLI lines of a plan. */
class PreflightTest {

    private static final Endpoint LOCAL = new Endpoint.UnixSocket(Path.of("/var/lib/lxd/unix.socket"));
    private static final Endpoint FAR = new Endpoint.Https("203.0.113.5", 8443, null, "ab".repeat(32));
    private static final Destination TARGET = new Destination("b", Set.of("default"), Set.of("default"), Set.of());

    private static Server server(String kind, String version, String... addresses) {
        return new Server(null, List.of(), "stable", "1.0", "trusted", List.of(), false, new ServerEnvironment(
                List.of(addresses), List.of(), "", "", "lxc", "", "", "Linux", "x86_64", "", "Debian", "12",
                "default", kind, false, "full-mesh", "vm", 1, version, "dir", "1", null));
    }

    private static Instance instance(String type, boolean running, Map<String, String> config,
                                     Map<String, Map<String, String>> devices) {
        return new Instance("c1", "", "x86_64", type, running ? "Running" : "Stopped",
                running ? InstanceStatus.RUNNING : InstanceStatus.STOPPED, Map.of(), Map.of(), false,
                List.of("default"), false, config, devices, null, null, null, null);
    }

    private static MigrationPlan plan(String target, boolean move, boolean live) {
        return new MigrationPlan("a", target, null, null, new InstanceMigration.Request("c1", "c1", "default",
                List.of("default"), move, live, false), List.of());
    }

    private static List<String> blocking(List<PreflightCheck> checks) {
        return checks.stream().filter(PreflightCheck::blocks).map(PreflightCheck::messageKey).toList();
    }

    @Test
    void aSourceOnLoopbackIsReachableOnlyFromTheSameMachine() {
        Instance c1 = instance("container", false, Map.of(), Map.of());
        var here = new Preflight.Ends(server("lxd", "5.0.2", "127.0.0.1:8443"), LOCAL, server("lxd", "5.0.2"),
                LOCAL, c1, TARGET, plan("b", true, false));
        assertThat(blocking(Preflight.check(here))).isEmpty();
        var far = new Preflight.Ends(server("lxd", "5.0.2", "127.0.0.1:8443"), LOCAL, server("lxd", "5.0.2"),
                FAR, c1, TARGET, plan("b", true, false));
        assertThat(blocking(Preflight.check(far))).containsExactly("migrate.check.loopbackOnly");
        var none = new Preflight.Ends(server("lxd", "5.0.2"), LOCAL, server("lxd", "5.0.2"), LOCAL, c1, TARGET,
                plan("b", true, false));
        assertThat(blocking(Preflight.check(none))).containsExactly("migrate.check.noAddress");
        // Within one server nothing travels between servers: no address is needed.
        var within = new Preflight.Ends(server("lxd", "5.0.2"), LOCAL, server("lxd", "5.0.2"), LOCAL, c1, TARGET,
                plan("a", true, false));
        assertThat(Preflight.check(within)).extracting(PreflightCheck::messageKey)
                .contains("migrate.check.sameServer").doesNotContain("migrate.check.noAddress");
        assertThat(Preflight.loopback("[::1]:8443")).isTrue();
        assertThat(Preflight.loopback("10.0.0.1:8443")).isFalse();
    }

    @Test
    void kindsAndVersionsAreCompared() {
        Instance c1 = instance("container", false, Map.of(), Map.of());
        var mixed = new Preflight.Ends(server("lxd", "5.0.2", "127.0.0.1:1"), LOCAL, server("incus", "6.0.4"),
                LOCAL, c1, TARGET, plan("b", false, false));
        assertThat(blocking(Preflight.check(mixed))).containsExactly("migrate.check.kinds");
        var older = new Preflight.Ends(server("lxd", "5.21.1", "127.0.0.1:1"), LOCAL, server("lxd", "5.0.2"),
                LOCAL, c1, TARGET, plan("b", false, false));
        assertThat(Preflight.check(older).get(0).verdict()).isEqualTo(PreflightCheck.Verdict.WARN);
        assertThat(Preflight.compareVersions("5.0.10", "5.0.9")).isPositive();
        assertThat(Preflight.compareVersions("6.0", "6.0.0")).isZero();
    }

    @Test
    void liveNeedsStatefulVmsAndWarnsAboutCriuForContainers() {
        Instance vm = instance("virtual-machine", true, Map.of(), Map.of());
        var ends = new Preflight.Ends(server("incus", "6.0.4", "127.0.0.1:1"), LOCAL, server("incus", "6.0.4"),
                LOCAL, vm, TARGET, plan("b", true, true));
        assertThat(blocking(Preflight.check(ends))).containsExactly("migrate.check.liveVmNotStateful");
        Instance stateful = instance("virtual-machine", true, Map.of("migration.stateful", "true"), Map.of());
        assertThat(blocking(Preflight.check(new Preflight.Ends(ends.source(), LOCAL, ends.target(), LOCAL, stateful,
                TARGET, ends.plan())))).isEmpty();
        Instance container = instance("container", true, Map.of(), Map.of("gpu0", Map.of("type", "gpu")));
        List<PreflightCheck> checks = Preflight.check(new Preflight.Ends(ends.source(), LOCAL, ends.target(), LOCAL,
                container, TARGET, ends.plan()));
        assertThat(checks).filteredOn(c -> c.verdict() == PreflightCheck.Verdict.WARN)
                .extracting(PreflightCheck::messageKey).containsExactly("migrate.check.hostDevice",
                        "migrate.check.liveCriu");
    }

    @Test
    void theCommandLinesDoWhatThePlanDoes() {
        MigrationPlan copy = new MigrationPlan("a", "b", "node2", null, new InstanceMigration.Request("c1", "my web",
                "fast", List.of("default", "app"), false, false, true), List.of("app"));
        assertThat(MigrationCommand.lines(ServerKind.INCUS, copy, true)).containsExactly(
                "incus profile copy a:app b:app",
                "incus copy a:c1 'b:my web' --storage fast --target node2 --instance-only --stateless");
        MigrationPlan live = new MigrationPlan("a", "b", null, null, new InstanceMigration.Request("c1", "c1",
                "default", List.of("default"), true, true, false), List.of());
        assertThat(MigrationCommand.lines(ServerKind.LXD, live, true))
                .containsExactly("lxc move a:c1 b:c1 --storage default");
        assertThat(MigrationCommand.lines(ServerKind.LXD, live.cold(), true))
                .containsExactly("lxc stop a:c1", "lxc move a:c1 b:c1 --storage default", "lxc start b:c1");
    }
}
