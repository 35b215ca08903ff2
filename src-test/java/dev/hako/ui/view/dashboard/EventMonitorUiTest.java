package dev.hako.ui.view.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import dev.hako.ui.UiDriver;
import java.util.Locale;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * What only the window shows of the event monitor: the all-remotes view's Events tab and a
 * remote's Events tab each list an instance the CLI creates, as it happens; dark in English,
 * then light in Japanese. The monitor left behind closes its stream.
 */
class EventMonitorUiTest {

    @Test
    void bothEventTabsShowWhatTheCliDoes() throws Exception {
        Daemon daemon = Daemon.LXD;
        String first = TestBed.uniqueName("uiev");
        String second = TestBed.uniqueName("uiev");
        try (UiDriver ui = new UiDriver(daemon).open(true, Locale.ENGLISH)) {
            ui.click("all-remotes");
            ui.tab("Events");
            ui.waitUntil(10, () -> shown(ui, "#allRemotesView #eventTable"));
            TestBed.cli(daemon, "init", TestBed.imageAlias(), first);
            ui.waitUntil(15, () -> hasRow(ui, "#allRemotesView", first));
            ui.settle();
            ui.screenshot("events-all-remotes-lxd-dark-en");

            EventMonitorViewModel all = UiDriver.onFx(() -> (EventMonitorViewModel) ui.robot
                    .lookup("#allRemotesView #eventMonitor").query().getProperties().get(EventMonitorViewModel.class));
            assertThat(all.listensTo("local")).isTrue();

            ui.click("remote:local");
            ui.waitUntil(10, () -> UiDriver.onFx(() -> !all.listensTo("local")));
            ui.tab("Events");
            ui.robot.clickOn("#themeToggle");
            ui.robot.clickOn("#languageChoice");
            ui.robot.clickOn("日本語");
            ui.waitUntil(10, () -> shown(ui, "#objectTabs #eventTable"));
            TestBed.cli(daemon, "delete", first);
            TestBed.cli(daemon, "init", TestBed.imageAlias(), second);
            ui.waitUntil(15, () -> hasRow(ui, "#objectTabs", second));
            assertThat(UiDriver.onFx(() -> table(ui, "#objectTabs").getColumns().get(0).getText()))
                    .isEqualTo("時刻");
            ui.settle();
            ui.screenshot("events-remote-lxd-light-ja");
        } finally {
            for (String name : new String[] {first, second}) {
                try (dev.hako.lxd.LxdClient client = TestBed.connect(daemon)) {
                    dev.hako.testbed.Instances.remove(client, name);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static TableView<EventMonitorViewModel.Row> table(UiDriver ui, String scope) {
        return (TableView<EventMonitorViewModel.Row>) ui.robot.lookup(scope + " #eventTable")
                .match(n -> n.isVisible() && n.getScene() != null).query();
    }

    private static boolean shown(UiDriver ui, String query) throws Exception {
        return UiDriver.onFx(() -> ui.robot.lookup(query).match(n -> n.isVisible() && n.getScene() != null)
                .tryQuery().isPresent());
    }

    private static boolean hasRow(UiDriver ui, String scope, String instance) throws Exception {
        return UiDriver.onFx(() -> table(ui, scope).getItems().stream()
                .anyMatch(r -> r.action().equals("instance-created") && r.source().endsWith("/" + instance)));
    }
}
