package dev.hako.ui.view.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.Endpoint;
import dev.hako.model.ConnectionState;
import dev.hako.model.RemoteModel;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import dev.hako.ui.UiDriver;
import dev.hako.ui.tree.TreeEntry;
import dev.hako.ui.tree.TreeLabels;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The dashboards against the test-bed daemons: a remote's counts are what the CLI lists, a
 * count is a link to the instances, and the overview has a row for each remote of the window
 * (the other daemon, and one that cannot be reached), in both themes and languages.
 */
class DashboardUiTest {

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void theDashboardCountsWhatTheServerHasAndLeadsThere(Daemon daemon) throws Exception {
        String d = daemon.name().toLowerCase(Locale.ROOT);
        String running = TestBed.uniqueName("dash");
        String stopped = TestBed.uniqueName("dash");
        TestBed.cli(daemon, "launch", TestBed.imageAlias(), running);
        TestBed.cli(daemon, "init", TestBed.imageAlias(), stopped);
        Daemon otherDaemon = daemon == Daemon.LXD ? Daemon.INCUS : Daemon.LXD;
        RemoteModel other = new RemoteModel("other", new Endpoint.UnixSocket(TestBed.socket(otherDaemon)));
        RemoteModel gone = new RemoteModel("gone", new Endpoint.UnixSocket(Path.of("/nonexistent/hako/unix.socket")));
        try (UiDriver ui = new UiDriver(daemon).open(false, Locale.ENGLISH)) {
            ui.click("remote:local");
            ui.waitUntil(10, () -> shown(ui, "#serverDashboard"));
            Map<String, Long> cli = statesByCli(daemon);
            for (String state : DashboardFigures.STATES) {
                ui.waitUntil(10, () -> text(ui, "#dashboardCount-" + state)
                        .equals(Long.toString(cli.getOrDefault(state, 0L))));
            }
            assertThat(cli.get("running")).isPositive();
            assertThat(cli.get("stopped")).isPositive();
            // The server's figures: the host, and the warnings the test bed's kernel gives it.
            ui.waitUntil(15, () -> shown(ui, "#dashboardWarningCount"));
            assertThat(ui.robot.lookup("#dashboardHost .progress-bar").tryQuery()).isPresent();
            ui.settle();
            ui.screenshot("dashboard-" + d + "-light-en");

            clickUntil(ui, "#dashboardCount-running", () -> selected(ui) instanceof TreeEntry.GroupEntry g
                    && g.group() == TreeEntry.Group.INSTANCES && g.remote().equals("local"));

            ui.robot.interact(() -> {
                ui.workspace().add(other);
                ui.workspace().add(gone);
            });
            if (daemon == Daemon.LXD) {
                overview(ui, gone, cli.get("running"), "light-en");
                ui.robot.clickOn("#themeToggle");
                dashboard(ui, "dashboard-" + d + "-dark-en");
                overview(ui, gone, cli.get("running"), "dark-en");
            } else {
                ui.robot.clickOn("#themeToggle");
            }
            ui.robot.clickOn("#languageChoice");
            ui.robot.clickOn("日本語");
            dashboard(ui, "dashboard-" + d + "-dark-ja");
            if (daemon == Daemon.LXD) {
                overview(ui, gone, cli.get("running"), "dark-ja");
                ui.robot.clickOn("#themeToggle");
                dashboard(ui, "dashboard-" + d + "-light-ja");
                overview(ui, gone, cli.get("running"), "light-ja");
            }

            // A count in the overview leads to that remote's group, its name to the remote.
            ui.robot.interact(() -> ui.window().tree().selectAllRemotes());
            ui.waitUntil(10, () -> shown(ui, "#overview-running-local")
                    && !text(ui, "#overviewWarnings-local").equals("—"));
            clickUntil(ui, "#overview-running-local", () -> selected(ui) instanceof TreeEntry.GroupEntry g
                    && g.group() == TreeEntry.Group.INSTANCES && g.remote().equals("local"));
            ui.robot.interact(() -> ui.window().tree().selectAllRemotes());
            ui.waitUntil(10, () -> shown(ui, "#overviewRemote-other")
                    && !text(ui, "#overviewWarnings-other").equals("—"));
            clickUntil(ui, "#overviewRemote-other",
                    () -> selected(ui) instanceof TreeEntry.RemoteEntry r && r.remote().equals("other"));

            // A remote that cannot be reached: its dashboard says so, and why, in the window's language.
            ui.click("remote:gone");
            ui.waitUntil(10, () -> shown(ui, "#dashboardOffline") && text(ui, "#dashboardOffline").startsWith(
                    UiDriver.onFx(() -> ui.window().i18n().format("dashboard.offline", "gone", ""))));
            if (daemon == Daemon.LXD) {
                ui.screenshot("dashboard-offline-light-ja");
            }
        } finally {
            TestBed.cli(daemon, "delete", "--force", running);
            TestBed.cli(daemon, "delete", "--force", stopped);
        }
    }

    /** Brings the remote's dashboard up again (after the overview) and takes its picture once read. */
    private static void dashboard(UiDriver ui, String screenshot) throws Exception {
        ui.click("remote:local");
        ui.waitUntil(15, () -> shown(ui, "#dashboardWarningCount"));
        ui.settle();
        ui.screenshot(screenshot);
    }

    /** The overview: a row per remote, the unreachable one saying why, then its picture. */
    private static void overview(UiDriver ui, RemoteModel gone, long running, String suffix) throws Exception {
        ui.robot.interact(() -> ui.window().tree().selectAllRemotes());
        ui.waitUntil(10, () -> shown(ui, "#allRemotesOverview"));
        ui.waitUntil(20, () -> ui.robot.lookup(".dashboard-overview-remote").queryAll().size() == 3
                && shown(ui, "#overview-running-other")
                && text(ui, "#overview-running-local").equals(Long.toString(running))
                && gone.state().status() == ConnectionState.Status.OFFLINE
                && text(ui, "#overviewState-gone").equals(UiDriver.onFx(() -> TreeLabels.describe(
                        ui.window().i18n(), gone.state())))
                && !text(ui, "#overviewWarnings-local").equals("—"));
        ui.settle();
        ui.screenshot("overview-all-remotes-" + suffix);
    }

    /**
     * Clicks a link until it has taken effect: a dashboard draws its cards again when what it
     * shows changes (a remote's retry, a reading), and a click aimed at the old link is lost.
     */
    private static void clickUntil(UiDriver ui, String query, java.util.concurrent.Callable<Boolean> done)
            throws Exception {
        ui.waitUntil(10, () -> {
            try {
                ui.robot.lookup(query).match(Node::isVisible).tryQuery().filter(n -> n.getScene() != null)
                        .ifPresent(n -> ui.robot.clickOn(n));
            } catch (RuntimeException drawnAgain) {
                return false;
            }
            ui.settle();
            return done.call();
        });
    }

    private static Map<String, Long> statesByCli(Daemon daemon) {
        return Arrays.stream(TestBed.cli(daemon, "list", "--format", "csv", "--columns", "s").split("\n"))
                .map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.groupingBy(s -> s.toLowerCase(Locale.ROOT), Collectors.counting()));
    }

    private static TreeEntry selected(UiDriver ui) throws Exception {
        return UiDriver.onFx(() -> {
            var item = ui.window().tree().view().getSelectionModel().getSelectedItem();
            return item == null ? null : item.getValue();
        });
    }

    private static boolean shown(UiDriver ui, String query) {
        return ui.robot.lookup(query).match(Node::isVisible).tryQuery()
                .map(n -> n.getScene() != null).orElse(false);
    }

    private static String text(UiDriver ui, String query) throws Exception {
        return UiDriver.onFx(() -> ui.robot.lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse(""));
    }
}
