package dev.hako.ui.remotes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.FakeLxd30;
import dev.hako.model.ConnectionState;
import dev.hako.model.RemoteModel;
import dev.hako.testbed.Daemon;
import dev.hako.ui.UiDriver;
import dev.hako.ui.tree.TreeEntry;
import dev.hako.ui.tree.TreeLabels;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TreeCell;
import org.junit.jupiter.api.Test;

/**
 * A remote that is an LXD 3.0.3 (faked: a real one cannot run here) beside the test bed's LXD:
 * the window says "too old" with its version, once in each place (tree row, status bar, its
 * dashboard, the overview), in both themes and languages, and asks the server nothing more
 * until Reconnect is chosen; the test bed's own remote stays online beside it.
 */
class TooOldRemoteUiTest {

    private static final String EN = "too old: LXD 3.0.3 — Hako needs LXD 4.0 or newer, or Incus";
    private static final String JA = "古すぎます: LXD 3.0.3 — Hako には LXD 4.0 以降か Incus が必要です";
    /** Longer than an offline remote's first retry (1 s), so a retry loop would have shown by then. */
    private static final long NO_RETRY_WINDOW_MILLIS = 3_000;

    @Test
    void aTooOldServerIsSaidOnceInEachPlaceAndNotRetried() throws Exception {
        try (FakeLxd30 lxd30 = new FakeLxd30(); UiDriver ui = new UiDriver(Daemon.LXD).open(false, Locale.ENGLISH)) {
            RemoteModel old = new RemoteModel("bionic", lxd30.endpoint());
            List<ConnectionState> states = new CopyOnWriteArrayList<>();
            old.addStateListener(states::add);
            ui.robot.interact(() -> ui.workspace().add(old));
            ui.waitUntil(10, () -> old.state().status() == ConnectionState.Status.TOO_OLD);
            long tooOldAt = System.nanoTime();

            ui.click("remote:bionic");
            ui.waitUntil(10, () -> shown(ui, "#dashboardReconnect"));
            saysOnce(ui, EN, "bionic: " + EN);
            ui.settle();
            ui.screenshot("too-old-light-en");
            overview(ui, old, EN, "too-old-overview-light-en");

            ui.robot.clickOn("#themeToggle");
            ui.click("remote:bionic");
            ui.waitUntil(10, () -> shown(ui, "#dashboardReconnect"));
            saysOnce(ui, EN, "bionic: " + EN);
            ui.settle();
            ui.screenshot("too-old-dark-en");

            ui.robot.clickOn("#languageChoice");
            ui.robot.clickOn("日本語");
            ui.waitUntil(10, () -> text(ui, "#dashboardReconnect").equals("再接続"));
            saysOnce(ui, JA, "bionic: " + JA);
            ui.settle();
            ui.screenshot("too-old-dark-ja");
            overview(ui, old, JA, "too-old-overview-dark-ja");

            ui.robot.clickOn("#themeToggle");
            ui.click("remote:bionic");
            ui.waitUntil(10, () -> shown(ui, "#dashboardReconnect"));
            saysOnce(ui, JA, "bionic: " + JA);
            ui.settle();
            ui.screenshot("too-old-light-ja");

            // No retry loop: well past an offline remote's first retry, GET /1.0 is still all it was asked.
            long left = NO_RETRY_WINDOW_MILLIS - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - tooOldAt);
            assertThat(cameTrueWithin(left, () -> lxd30.requests().size() > 1)).isFalse();
            assertThat(lxd30.requests()).containsExactly("GET /1.0");
            assertThat(states.stream().filter(s -> s.status() == ConnectionState.Status.TOO_OLD)).hasSize(1);
            assertThat(states.get(states.size() - 1).status()).isEqualTo(ConnectionState.Status.TOO_OLD);
            // The test bed's LXD beside it is still online.
            assertThat(ui.workspace().remote("local").state().online()).isTrue();

            // After an upgrade a person asks again: from the row's menu, then from the dashboard.
            ui.contextMenu("remote:bionic", "menuReconnect");
            ui.waitUntil(10, () -> lxd30.serverReads() == 2 && old.state().status() == ConnectionState.Status.TOO_OLD);
            ui.click("remote:bionic");
            ui.waitUntil(10, () -> shown(ui, "#dashboardReconnect"));
            ui.robot.clickOn("#dashboardReconnect");
            ui.waitUntil(10, () -> lxd30.serverReads() == 3 && old.state().status() == ConnectionState.Status.TOO_OLD);
            saysOnce(ui, JA, "bionic: " + JA);
            assertThat(lxd30.requests()).containsOnly("GET /1.0");
        }
    }

    /** The tree row, the status bar and the remote's dashboard each say it, and only once. */
    private static void saysOnce(UiDriver ui, String text, String named) throws Exception {
        ui.waitUntil(10, () -> UiDriver.onFx(() -> {
            long rows = ui.robot.lookup(".tree-cell").match(n -> n instanceof TreeCell<?> c && c.isVisible()
                    && c.getItem() instanceof TreeEntry.RemoteEntry r && r.remote().equals("bionic")).queryAll()
                    .stream().filter(n -> ("bionic  " + text).equals(((TreeCell<?>) n).getAccessibleText())).count();
            long bar = ui.robot.lookup("#statusBar .label").match(n -> n instanceof Labeled l
                    && l.getText() != null && l.getText().contains(text)).queryAll().stream()
                    .filter(n -> named.equals(((Labeled) n).getText())).count();
            long dashboard = ui.robot.lookup("#serverDashboard .label").match(n -> n instanceof Labeled l
                    && n.isVisible() && l.getText() != null && l.getText().contains(text)).queryAll().size();
            String why = ui.robot.lookup("#dashboardOffline").tryQuery().map(n -> ((Labeled) n).getText()).orElse("");
            return rows == 1 && bar == 1 && dashboard == 1 && named.equals(why);
        }));
    }

    /** The all-remotes overview lists it with the same words as its tree row. */
    private static void overview(UiDriver ui, RemoteModel old, String text, String screenshot) throws Exception {
        ui.robot.interact(() -> ui.window().tree().selectAllRemotes());
        ui.waitUntil(10, () -> shown(ui, "#overviewState-bionic") && text(ui, "#overviewState-bionic").equals(text)
                && text.equals(UiDriver.onFx(() -> TreeLabels.describe(ui.window().i18n(), old.state()))));
        ui.settle();
        ui.screenshot(screenshot);
    }

    private static boolean shown(UiDriver ui, String query) {
        return ui.robot.lookup(query).match(Node::isVisible).tryQuery().map(n -> n.getScene() != null).orElse(false);
    }

    private static String text(UiDriver ui, String query) throws Exception {
        return UiDriver.onFx(() -> ui.robot.lookup(query).tryQuery().map(n -> n instanceof Labeled l ? l.getText() : "")
                .orElse(""));
    }

    /** Whether {@code condition} came true within {@code millis} (none left: checked once); polled every 50 ms. */
    private static boolean cameTrueWithin(long millis, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis));
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
