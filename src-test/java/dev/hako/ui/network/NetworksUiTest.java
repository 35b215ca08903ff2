package dev.hako.ui.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.api.ExecRequest;
import dev.hako.lxd.api.Network;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.ExtraLxd;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import dev.hako.ui.UiDriver;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Through the window: a bridge created with the full dialog (the notes' mistyped DHCP range
 * refused first), renamed; a port forwarded into a running instance and removed again. The
 * server's state is read back through the API each time. LXD runs dark in English, Incus
 * light in Japanese, so the screenshots cover both themes and both languages.
 */
class NetworksUiTest {

    private static boolean networkExists(LxdClient client, String name) {
        return client.networks().list().stream().map(Network::name).anyMatch(name::equals);
    }

    private static String problem(UiDriver ui) {
        return ((Label) ui.robot.lookup("#formProblem").query()).getText();
    }

    /** Selects the editor's Devices tab; false (to be tried again) until the editor is there. */
    private static boolean selectDevicesTab(UiDriver ui) throws Exception {
        return UiDriver.onFx(() -> {
            for (javafx.scene.Node node : ui.robot.lookup(".tab-pane").queryAll()) {
                javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) node;
                for (javafx.scene.control.Tab tab : tabs.getTabs()) {
                    if ("devicesTab".equals(tab.getId())) {
                        tabs.getSelectionModel().select(tab);
                        return true;
                    }
                }
            }
            return false;
        });
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void createRenameAndForwardAPort(Daemon daemon) throws Exception {
        boolean dark = daemon == Daemon.LXD;
        Locale locale = dark ? Locale.ENGLISH : Locale.JAPANESE;
        String look = daemon.name().toLowerCase(Locale.ROOT) + (dark ? "-dark-en" : "-light-ja");
        String bridge = "hkn" + Long.toString(System.nanoTime() % 46656, 36) + daemon.ordinal();
        String renamed = bridge + "r";
        String cli = daemon == Daemon.INCUS ? "incus" : "lxc";
        try (LxdClient client = TestBed.connect(daemon); UiDriver ui = new UiDriver(daemon).open(dark, locale)) {
            String instance = Instances.createRunning(client, "uifwd");
            try {
                ui.contextMenu("NETWORKS", "menuCreateNetwork");
                ui.waitUntil(5, () -> ui.robot.lookup("#networkType").tryQuery().isPresent());
                ui.type("nameField", bridge);
                ui.type("bridgeIpv4Ranges", "10.154.195.10.20");
                ui.waitUntil(5, () -> problem(ui).contains("10.154.195.10.20"));
                assertThat(ui.defaultButton().isDisabled()).isTrue();
                ui.screenshotDialog("dialog-network-create-badrange-" + look);
                // No addresses (this machine allows loopback traffic only): the range is then not sent.
                ui.robot.clickOn("#bridgeUseNone");
                ui.type("bridgeDnsDomain", "hako.example");
                ui.waitUntil(5, () -> problem(ui).isEmpty());
                String command = ui.robot.lookup("#networkCommand").queryAs(TextInputControl.class).getText();
                assertThat(command).isEqualTo(cli + " network create local:" + bridge
                        + " --type=bridge ipv4.address=none ipv6.address=none dns.domain=hako.example");
                ui.screenshotDialog("dialog-network-create-" + look);
                ui.ok();
                ui.waitUntil(20, () -> networkExists(client, bridge));
                assertThat(client.networks().get(bridge).value().config()).containsEntry("ipv4.address", "none")
                        .containsEntry("dns.domain", "hako.example").doesNotContainKey("ipv4.dhcp.ranges");

                ui.expand("NETWORKS");
                ui.contextMenu(bridge, "menuRenameNetwork");
                ui.waitUntil(5, () -> ui.robot.lookup("#networkCommand").tryQuery().isPresent());
                ui.type("nameField", renamed);
                ui.waitUntil(5, () -> ui.robot.lookup("#networkCommand").queryAs(TextInputControl.class).getText()
                        .equals(cli + " network rename local:" + bridge + " " + renamed));
                ui.screenshotDialog("dialog-network-rename-" + look);
                ui.ok();
                ui.waitUntil(20, () -> networkExists(client, renamed) && !networkExists(client, bridge));

                // The test image leaves loopback down; the proxy connects to 127.0.0.1 inside.
                assertThat(client.instances().exec(instance, ExecRequest.command(List.of("busybox", "ip", "link",
                        "set", "lo", "up"))).collect(null, Duration.ofSeconds(30)).exitCode()).isZero();
                int port = ExtraLxd.freePort();
                String device = "proxy-tcp-" + port;
                ui.waitForRow(instance, 103);
                ui.contextMenu(instance, "menuForwardPort");
                ui.waitUntil(10, () -> ui.robot.lookup("#forwardListenPort").tryQuery().isPresent());
                ui.type("forwardListenPort", "0");
                ui.waitUntil(5, () -> problem(ui).contains("\"0\"") || problem(ui).contains("「0」"));
                assertThat(ui.defaultButton().isDisabled()).isTrue();
                ui.type("forwardListenPort", Integer.toString(port));
                ui.type("forwardTargetPort", "80");
                ui.waitUntil(5, () -> problem(ui).isEmpty());
                assertThat(ui.robot.lookup("#forwardCommand").queryAs(TextInputControl.class).getText()).isEqualTo(
                        cli + " config device add local:" + instance + " " + device + " proxy listen=tcp:127.0.0.1:"
                                + port + " connect=tcp:127.0.0.1:80");
                ui.screenshotDialog("dialog-forward-port-" + look);
                ui.ok();
                ui.waitUntil(30, () -> client.instances().get(instance).value().devices().containsKey(device));
                assertThat(client.instances().get(instance).value().devices().get(device)).isEqualTo(Map.of(
                        "type", "proxy", "listen", "tcp:127.0.0.1:" + port, "connect", "tcp:127.0.0.1:80"));

                // Opened again: the forward is listed, and the same port is refused for another one.
                ui.contextMenu(instance, "menuForwardPort");
                ui.waitUntil(10, () -> ui.robot.lookup("#forwardRemove-" + device).tryQuery().isPresent());
                ui.type("forwardListenPort", Integer.toString(port));
                ui.type("forwardTargetPort", "81");
                ui.waitUntil(5, () -> problem(ui).contains(device));
                ui.screenshotDialog("dialog-forward-port-listed-" + look);
                long windows = ui.robot.listTargetWindows().stream().filter(javafx.stage.Window::isShowing).count();
                ui.robot.clickOn("#forwardRemove-" + device);
                ui.waitUntil(5, () -> ui.robot.listTargetWindows().stream().filter(javafx.stage.Window::isShowing)
                        .count() > windows);
                ui.screenshotDialog("dialog-forward-remove-" + look);
                ui.robot.push(javafx.scene.input.KeyCode.ENTER);
                ui.waitUntil(30, () -> !client.instances().get(instance).value().devices().containsKey(device));
                ui.waitUntil(10, () -> ui.robot.lookup("#forwardRemove-" + device).tryQuery().isEmpty());
                // What was typed is still there after the list changed.
                assertThat(ui.robot.lookup("#forwardTargetPort").queryAs(TextInputControl.class).getText())
                        .isEqualTo("81");
                ui.robot.clickOn("#forwardTargetPort");
                ui.robot.push(javafx.scene.input.KeyCode.ESCAPE);
                ui.waitUntil(5, () -> ui.robot.lookup("#forwardTargetPort").tryQuery().isEmpty());

                // The same dialog from the instance's devices.
                ui.click(instance);
                ui.tab(new dev.hako.ui.common.I18n(locale).get("view.tab.configuration"));
                ui.waitUntil(10, () -> selectDevicesTab(ui));
                ui.waitUntil(10, () -> ui.robot.lookup("#forwardPort").tryQuery().map(javafx.scene.Node::isVisible)
                        .orElse(false));
                ui.settle();
                ui.robot.clickOn("#forwardPort");
                ui.waitUntil(10, () -> ui.robot.lookup("#forwardListenPort").tryQuery().isPresent());
                ui.screenshot("editor-devices-forward-" + look);
                ui.robot.clickOn("#forwardTargetPort");
                ui.robot.push(javafx.scene.input.KeyCode.ESCAPE);
            } finally {
                Instances.remove(client, instance);
                for (String network : new String[] {bridge, renamed}) {
                    try {
                        client.networks().delete(network);
                    } catch (NotFoundException gone) {
                        // renamed through the window
                    }
                }
            }
        }
    }
}
