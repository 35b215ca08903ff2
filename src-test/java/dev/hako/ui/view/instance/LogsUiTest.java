package dev.hako.ui.view.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import dev.hako.ui.UiDriver;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What only the window shows of the Logs tab: after a start that failed for real, the tab
 * opens on lxc.log with the failed-start notice and its error lines marked, and a search
 * marks the match it is on. LXD in the dark theme in English, Incus light in Japanese.
 */
class LogsUiTest {

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void aFailedStartShowsItsLogWithTheErrorsMarked(Daemon daemon) throws Exception {
        boolean lxd = daemon == Daemon.LXD;
        String look = lxd ? "dark-en" : "light-ja";
        String name = LogsViewModelIT.failToStart(daemon, "uilogs");
        try (UiDriver ui = new UiDriver(daemon).open(lxd, lxd ? Locale.ENGLISH : Locale.JAPANESE)) {
            ui.click(name);
            ui.tab(lxd ? "Logs" : "ログ");
            ui.waitUntil(15, () -> visibleCells(ui, "log-error") > 0 && visible(ui, "#logFailedStart"));
            String notice = UiDriver.onFx(() -> ((Label) ui.robot.lookup("#logFailedStart").query()).getText());
            assertThat(notice).contains(lxd ? "last start failed" : "起動に失敗");
            assertThat(UiDriver.onFx(() -> ui.robot.lookup(".log-lines .list-cell.log-error").queryAll().stream()
                    .filter(Node::isVisible).map(n -> ((ListCell<?>) n).getText()).toList()))
                    .allMatch(text -> text.contains("ERROR"));
            ui.settle();
            ui.screenshot("logs-failed-start-" + daemon.name().toLowerCase(Locale.ROOT) + "-" + look);

            ui.type("logSearch", "no-such-init");
            ui.waitUntil(10, () -> visibleCells(ui, "log-current") == 1);
            String match = UiDriver.onFx(() -> ((Label) ui.robot.lookup("#logMatch").query()).getText());
            assertThat(match).matches(lxd ? "1 of \\d+" : "\\d+ 件中 1 件目");
            ui.settle();
            ui.screenshot("logs-search-" + daemon.name().toLowerCase(Locale.ROOT) + "-" + look);

            // Followed while shown: read again within two ticks; hidden (another tab), the timer stops.
            Node pane = UiDriver.onFx(() -> ui.robot.lookup("#logLines").query().getParent());
            LogsViewModel model = (LogsViewModel) pane.getProperties().get(LogsViewModel.class);
            BooleanSupplier following = (BooleanSupplier) pane.getProperties().get("hako.logs.following");
            int reads = UiDriver.onFx(model::readCount);
            ui.waitUntil(6, () -> UiDriver.onFx(model::readCount) > reads);
            assertThat(UiDriver.onFx(following::getAsBoolean)).isTrue();
            ui.tab(lxd ? "Overview" : "概要");
            ui.waitUntil(5, () -> UiDriver.onFx(() -> !following.getAsBoolean()));
        } finally {
            TestBed.cli(daemon, "delete", "--force", name);
        }
    }

    private static long visibleCells(UiDriver ui, String styleClass) throws Exception {
        return UiDriver.onFx(() -> ui.robot.lookup(".log-lines .list-cell." + styleClass).queryAll().stream()
                .filter(Node::isVisible).count());
    }

    private static boolean visible(UiDriver ui, String query) throws Exception {
        return UiDriver.onFx(() -> ui.robot.lookup(query).tryQuery().map(n -> n.isVisible() && n.getScene() != null)
                .orElse(false));
    }
}
