package dev.hako.ui.view.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.model.metrics.MetricRecording;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import dev.hako.ui.UiDriver;
import dev.hako.ui.common.UiSettings;
import java.time.Duration;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Recording switched on in a server's overview charts the remote's total there, and the
 * history of an instance whose view was never open while it was recorded; in both themes
 * and languages.
 */
class MetricHistoryUiTest {

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void switchingRecordingOnChartsTheServerAndItsInstances(Daemon daemon) throws Exception {
        String d = daemon.name().toLowerCase(Locale.ROOT);
        String running = TestBed.uniqueName("hist");
        TestBed.cli(daemon, "launch", TestBed.imageAlias(), running);
        try (UiDriver ui = new UiDriver(daemon).withMetrics(Duration.ofSeconds(2)).open(false, Locale.ENGLISH)) {
            MetricRecording recording = ui.metricRecording();
            ui.click("remote:local");
            ui.waitUntil(10, () -> shown(ui, "#remoteHistory"));
            assertThat(text(ui, "#historyStatus")).isEqualTo(UiDriver.onFx(() ->
                    ui.window().i18n().get("metrics.notRecordingHere")));
            ui.robot.clickOn(reveal(ui, "#historyRecord"));
            assertThat(recording.isRecording("local")).isTrue();
            // Remembered in ui.properties, as a new start of the application reads it.
            assertThat(new UiSettings(ui.configDirectory()).recordsMetrics("local")).isTrue();
            // Two readings give a CPU rate: the total's CPU chart has a point.
            ui.waitUntil(20, () -> points(ui, "#remoteHistory #historyCpuChart") > 0
                    && points(ui, "#remoteHistory #historyMemoryChart") > 1);
            assertThat(text(ui, "#historyStatus")).contains("2 s");
            picture(ui, "#serverDashboard", "history-server-" + d + "-light-en");

            // The instance's view was not open while it was recorded; its history is there all the same.
            ui.click(running);
            ui.waitUntil(10, () -> shown(ui, "#instanceHistory"));
            ui.waitUntil(20, () -> points(ui, "#instanceHistory #historyMemoryChart") > 0
                    && points(ui, "#instanceHistory #historyCpuChart") > 0);
            picture(ui, "#instanceHistory", "history-instance-" + d + "-light-en");
            ui.robot.clickOn(reveal(ui, "#instanceHistory #historyRange-DAY"));
            ui.waitUntil(10, () -> points(ui, "#instanceHistory #historyMemoryChart") > 0);
            if (daemon == Daemon.LXD) {
                ui.robot.clickOn("#themeToggle");
                ui.robot.clickOn("#languageChoice");
                ui.robot.clickOn("日本語");
                ui.waitUntil(10, () -> chartTitle(ui, "#instanceHistory #historyCpuChart")
                        .equals(UiDriver.onFx(() -> ui.window().i18n().get("metrics.chart.cpu"))));
                picture(ui, "#instanceHistory", "history-instance-" + d + "-dark-ja");
                ui.click("remote:local");
                ui.waitUntil(10, () -> shown(ui, "#remoteHistory")
                        && points(ui, "#remoteHistory #historyMemoryChart") > 0);
                picture(ui, "#serverDashboard", "history-server-" + d + "-dark-ja");
                ui.robot.clickOn("#themeToggle");
                picture(ui, "#serverDashboard", "history-server-" + d + "-light-ja");
                ui.robot.clickOn("#languageChoice");
                ui.robot.clickOn("English");
                ui.robot.clickOn("#themeToggle");
                ui.waitUntil(10, () -> text(ui, "#historyStatus").contains("2 s"));
                picture(ui, "#serverDashboard", "history-server-" + d + "-dark-en");
            }
            // Off again: no more readings are asked for.
            ui.click("remote:local");
            ui.waitUntil(10, () -> shown(ui, "#historyRecord"));
            ui.robot.clickOn(reveal(ui, "#historyRecord"));
            assertThat(recording.isRecording("local")).isFalse();
            assertThat(new UiSettings(ui.configDirectory()).recordsMetrics("local")).isFalse();
        } finally {
            TestBed.cli(daemon, "delete", "--force", running);
        }
    }

    /** Scrolls the history into view and takes the window's picture. */
    private static void picture(UiDriver ui, String scroller, String name) throws Exception {
        scrollDown(ui, scroller);
        ui.screenshot(name);
    }

    /** Scrolls the pane holding {@code scroller} (or that pane itself) to its end. */
    private static void scrollDown(UiDriver ui, String scroller) {
        ui.robot.interact(() -> ui.robot.lookup(scroller).match(n -> n.getScene() != null).tryQuery().ifPresent(n -> {
            if (n instanceof ScrollPane pane) {
                pane.setVvalue(1);
            } else {
                for (Node up = n; up != null; up = up.getParent()) {
                    if (up instanceof ScrollPane pane) {
                        pane.setVvalue(1);
                        break;
                    }
                }
            }
        }));
        ui.settle();
    }

    /** Scrolls the pane around the node so that the node is in view, and returns it to click. */
    private static Node reveal(UiDriver ui, String query) {
        Node node = ui.robot.lookup(query).match(n -> n.getScene() != null && n.isVisible()).query();
        ui.robot.interact(() -> {
            for (Node up = node.getParent(); up != null; up = up.getParent()) {
                if (up instanceof ScrollPane pane) {
                    double y = pane.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
                    double extra = pane.getContent().getBoundsInLocal().getHeight()
                            - pane.getViewportBounds().getHeight();
                    pane.setVvalue(extra <= 0 ? 0 : Math.min(1, Math.max(0, (y - 40) / extra)));
                    break;
                }
            }
        });
        ui.settle();
        return node;
    }

    private static int points(UiDriver ui, String chart) throws Exception {
        return UiDriver.onFx(() -> ui.robot.lookup(chart).tryQuery().filter(n -> n.getScene() != null)
                .map(n -> ((LineChart<?, ?>) n).getData().get(0).getData().size()).orElse(0));
    }

    private static String chartTitle(UiDriver ui, String chart) throws Exception {
        return UiDriver.onFx(() -> ui.robot.lookup(chart).tryQuery().map(n -> ((LineChart<?, ?>) n).getTitle())
                .orElse(""));
    }

    private static boolean shown(UiDriver ui, String query) {
        return ui.robot.lookup(query).match(Node::isVisible).tryQuery().map(n -> n.getScene() != null).orElse(false);
    }

    private static String text(UiDriver ui, String query) throws Exception {
        return UiDriver.onFx(() -> ui.robot.lookup(query).match(n -> n.getScene() != null).tryQuery()
                .map(n -> ((Labeled) n).getText()).orElse(""));
    }
}
