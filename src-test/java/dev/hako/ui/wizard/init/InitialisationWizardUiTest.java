package dev.hako.ui.wizard.init;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.hako.ui.WizardSteps.back;
import static dev.hako.ui.WizardSteps.button;
import static dev.hako.ui.WizardSteps.next;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Network;
import dev.hako.model.RemoteModel;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.ExtraLxd;
import dev.hako.testbed.TestBed;
import dev.hako.ui.UiDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The initialisation wizard clicked through every page against a truly fresh LXD (unix socket
 * only): a first apply whose last step the server refuses (a profile key edited into the preseed),
 * after which nothing is left on the server; then the preseed rebuilt from the pages and applied,
 * checked with GETs. Every page is saved as a picture in both themes and both languages.
 * The bridge gets no address (ipv4/ipv6 none).
 */
class InitialisationWizardUiTest {





    /** Clicks the button of the dialog holding the node with that id (an error or information alert). */
    private static void closeDialogOf(UiDriver ui, String nodeId) throws Exception {
        ui.waitUntil(20, () -> ui.robot.lookup("#" + nodeId).match(Node::isVisible).tryQuery().isPresent());
        ui.settle();
        Window window = ui.robot.lookup("#" + nodeId).query().getScene().getWindow();
        Button ok = ui.robot.lookup(".dialog-pane .button").match(n -> n.getScene().getWindow() == window)
                .queryAs(Button.class);
        ui.waitUntil(10, () -> {
            if (window.isShowing()) {
                ui.robot.clickOn(ok);
                WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
            }
            return !window.isShowing();
        });
    }

    private static String bridgeName() {
        String unique = TestBed.uniqueName("hw").replace("-", "");
        return unique.length() > 15 ? unique.substring(unique.length() - 15) : unique;
    }

    @ParameterizedTest
    // Both themes and both languages are seen in two runs; the wizard's logic is InitialisationViewModelTest's.
    @CsvSource({"true,en", "false,ja"})
    void clickedThroughAndAppliedToAFreshServer(boolean dark, String language) throws Exception {
        String suffix = (dark ? "dark-" : "light-") + language;
        String remoteName = "fresh-" + suffix;
        String bridge = bridgeName();
        int port = ExtraLxd.freePort();
        try (ExtraLxd fresh = ExtraLxd.startFresh("initui");
             LxdClient client = LxdClient.connect(new Endpoint.UnixSocket(fresh.socket()));
             UiDriver ui = new UiDriver(Daemon.LXD).open(dark, Locale.forLanguageTag(language))) {
            RemoteModel remote = new RemoteModel(remoteName, new Endpoint.UnixSocket(fresh.socket()));
            try {
                ui.robot.interact(() -> ui.workspace().add(remote));
                ui.waitUntil(20, () -> remote.state().online() && remote.client() != null);

                // The server's detail view offers the wizard, since it has no pool.
                ui.click("remote:" + remoteName);
                ui.waitUntil(10, () -> ui.robot.lookup("#initFromView").tryQuery().isPresent());
                ui.settle();
                ui.screenshot("init-0-detail-view-" + suffix);

                ui.contextMenu("remote:" + remoteName, "menuInitServer");
                ui.waitUntil(10, () -> ui.robot.lookup("#initClusterNone").tryQuery().isPresent());
                ui.settle();
                ui.robot.clickOn("#initClusterBootstrap");
                ui.type("initServerName", "");
                assertThat(button(ui, "wizardNext").isDisabled()).isTrue();
                ui.screenshotDialog("init-1-cluster-problem-" + suffix);
                ui.robot.clickOn("#initClusterNone");
                ui.settle();
                assertThat(button(ui, "wizardNext").isDisabled()).isFalse();
                ui.screenshotDialog("init-1-cluster-" + suffix);
                next(ui);

                @SuppressWarnings("unchecked")
                javafx.scene.control.ChoiceBox<String> drivers = ui.robot.lookup("#initPoolDriver")
                        .queryAs(javafx.scene.control.ChoiceBox.class);
                assertThat(drivers.getItems()).contains("dir");
                assertThat(drivers.getValue()).isEqualTo("dir");
                ui.type("initPoolSource", "relative");
                assertThat(button(ui, "wizardNext").isDisabled()).isTrue();
                ui.type("initPoolSource", "");
                ui.settle();
                ui.screenshotDialog("init-2-storage-" + suffix);
                next(ui);

                ui.type("initNetworkName", bridge);
                @SuppressWarnings("unchecked")
                ComboBox<String> ipv4 = ui.robot.lookup("#initIpv4").queryAs(ComboBox.class);
                @SuppressWarnings("unchecked")
                ComboBox<String> ipv6 = ui.robot.lookup("#initIpv6").queryAs(ComboBox.class);
                ui.robot.interact(() -> ipv4.getEditor().setText("10.1.2.3"));
                ui.settle();
                assertThat(button(ui, "wizardNext").isDisabled()).isTrue();
                ui.screenshotDialog("init-3-network-problem-" + suffix);
                // Never an address on a bridge here.
                ui.robot.interact(() -> {
                    ipv4.getEditor().setText("none");
                    ipv6.getEditor().setText("none");
                });
                ui.settle();
                ui.screenshotDialog("init-3-network-" + suffix);
                next(ui);

                ui.robot.clickOn("#initAccessEnabled");
                javafx.scene.control.PasswordField passwordField = ui.robot.lookup("#initPassword")
                        .queryAs(javafx.scene.control.PasswordField.class);
                ui.type("initAccessAddress", "127.0.0.1");
                ui.type("initAccessPort", Integer.toString(port));
                ui.type("initPassword", "pw-" + bridge);
                ui.type("initPasswordAgain", "different");
                assertThat(button(ui, "wizardNext").isDisabled()).isTrue();
                ui.type("initPasswordAgain", "pw-" + bridge);
                ui.settle();
                assertThat(button(ui, "wizardNext").isDisabled()).isFalse();
                ui.screenshotDialog("init-4-access-" + suffix);
                next(ui);

                ui.robot.clickOn("#initAutoUpdate");
                ui.settle();
                ui.screenshotDialog("init-5-images-" + suffix);
                next(ui);

                TextArea yaml = ui.robot.lookup("#initPreseed").queryAs(TextArea.class);
                assertThat(yaml.getText()).contains("core.https_address: 127.0.0.1:" + port)
                        .contains("images.auto_update_interval: \"0\"").contains("name: " + bridge)
                        .contains("ipv4.address: none").contains("driver: dir").contains("network: " + bridge)
                        .doesNotContain("pw-" + bridge).doesNotContain("trust_password");
                ui.screenshotDialog("init-6-preseed-" + suffix);
                PreseedDraft draft = (PreseedDraft) yaml.getProperties().get(PreseedDraft.class);
                Path exported = Path.of(TestBed.env("HAKO_TB_DIR"), TestBed.uniqueName("preseed") + ".yaml");
                ui.robot.interact(() -> draft.exportTo(dev.hako.remote.init.PreseedYaml.read(yaml.getText())
                        .withConfigValue("core.trust_password", "pw-" + bridge), exported));
                ui.waitUntil(10, () -> Files.exists(exported) && Files.size(exported) > 0);
                String file = Files.readString(exported);
                assertThat(file).isEqualTo(yaml.getText()).doesNotContain("pw-" + bridge);
                // A hand-edited file with a password and a profile key no server knows: imported, the password
                // moves to its field, and the last step will be refused.
                Path edited = Path.of(exported + ".edited.yaml");
                Files.writeString(edited, file + "  - name: broken\n    config:\n      no.such.key: \"1\"\n"
                        .replace("\n", System.lineSeparator()));
                Files.writeString(edited, Files.readString(edited).replace("config:\n  core.https_address",
                        "config:\n  core.trust_password: from-file-" + bridge + "\n  core.https_address"));
                assertThat(Files.readString(edited)).contains("core.trust_password");
                ui.robot.interact(() -> draft.importFrom(edited));
                ui.waitUntil(10, () -> yaml.getText().contains("broken"));
                ui.settle();
                assertThat(yaml.getText()).doesNotContain("pw-" + bridge).doesNotContain("trust_password");
                assertThat(passwordField.getText()).isEqualTo("from-file-" + bridge);
                ui.screenshotDialog("init-6-preseed-imported-" + suffix);
                next(ui);

                ui.waitUntil(10, () -> ui.robot.lookup("#initStep4").tryQuery().isPresent());
                ui.settle();
                ui.screenshotDialog("init-7-apply-" + suffix);
                ui.robot.clickOn(button(ui, "wizardFinish"));
                closeDialogOfAfterShot(ui, "init-7-refused-error-" + suffix);
                ui.settle();
                ui.screenshotDialog("init-7-reverted-" + suffix);
                assertThat(ui.robot.lookup("#initStep4").queryAs(Label.class).getStyleClass()).contains("danger");
                assertThat(ui.robot.lookup("#initStep1").queryAs(Label.class).getStyleClass()).contains("success");
                assertThat(client.storage().pools()).isEmpty();
                assertThat(client.networks().list().stream().map(Network::name)).doesNotContain(bridge);
                assertThat(client.server().get().value().config()).doesNotContainKey("core.https_address");

                back(ui);
                ui.robot.clickOn("#initRebuild");
                ui.settle();
                assertThat(yaml.getText()).doesNotContain("broken");
                next(ui);
                ui.waitUntil(10, () -> ui.robot.lookup("#initStep3").tryQuery().isPresent()
                        && !button(ui, "wizardFinish").isDisabled());
                ui.robot.clickOn(button(ui, "wizardFinish"));
                ui.waitUntil(30, () -> ui.robot.lookup(".dialog-pane").match(n -> n.getScene().getWindow()
                        .isShowing() && n instanceof javafx.scene.control.DialogPane p
                        && p.getHeaderText() != null && p.getHeaderText().contains(remoteName)).tryQuery()
                        .isPresent());
                ui.settle();
                ui.screenshotDialog("init-8-done-" + suffix);
                ui.ok();

                Map<String, Object> config = client.server().get().value().config();
                assertThat(config).containsEntry("core.https_address", "127.0.0.1:" + port)
                        .containsEntry("images.auto_update_interval", "0").containsEntry("core.trust_password", true);
                assertThat(client.storage().pool("default").value().driver()).isEqualTo("dir");
                assertThat(client.networks().get(bridge).value().config()).containsEntry("ipv4.address", "none")
                        .containsEntry("ipv6.address", "none");
                assertThat(client.profiles().get("default").value().devices())
                        .containsEntry("root", Map.of("path", "/", "pool", "default", "type", "disk"))
                        .containsEntry("eth0", Map.of("name", "eth0", "network", bridge, "type", "nic"));
            } finally {
                ui.robot.interact(() -> ui.workspace().remove(remoteName));
                try {
                    client.profiles().update("default", new dev.hako.lxd.api.ProfilePut(Map.of(), "", Map.of()), null);
                    client.networks().delete(bridge);
                } catch (RuntimeException gone) {
                    // never created, or undone
                }
            }
        }
    }

    private static void closeDialogOfAfterShot(UiDriver ui, String shot) throws Exception {
        ui.waitUntil(30, () -> ui.robot.lookup("#errorServerMessage").match(Node::isVisible).tryQuery().isPresent());
        ui.settle();
        ui.screenshotDialog(shot);
        closeDialogOf(ui, "errorServerMessage");
    }

    /** On Incus, which already has a pool and a bridge: the pages say so, and there is no trust password. */
    @Test
    void incusHasNoTrustPasswordAndKeepsWhatIsThere() throws Exception {
        for (boolean dark : new boolean[] {false, true}) {
            String language = dark ? "ja" : "en";
            String suffix = "incus-" + (dark ? "dark-" : "light-") + language;
            try (UiDriver ui = new UiDriver(Daemon.INCUS).open(dark, Locale.forLanguageTag(language))) {
                ui.contextMenu("remote:local", "menuInitServer");
                ui.waitUntil(10, () -> ui.robot.lookup("#initClusterNone").tryQuery().isPresent());
                // Joining: the server's own pages say they do not apply, and their controls are off.
                ui.robot.clickOn("#initClusterJoin");
                ui.type("initJoinToken", java.util.Base64.getEncoder().encodeToString(
                        "{\"server_name\":\"n2\",\"fingerprint\":\"ab\",\"addresses\":[]}".getBytes()));
                ui.type("initJoinServerAddress", "10.0.0.2:8443");
                next(ui);
                assertThat(ui.robot.lookup("#initPoolEnabled").queryAs(javafx.scene.control.CheckBox.class)
                        .isDisabled()).isTrue();
                String joiningSkips = new dev.hako.ui.common.I18n(Locale.forLanguageTag(language))
                        .get("init.joiningSkips");
                assertThat(ui.robot.lookup(".label").queryAllAs(Label.class).stream().filter(Node::isVisible)
                        .map(Label::getText)).contains(joiningSkips);
                ui.screenshotDialog("init-2-storage-joining-" + suffix);
                back(ui);
                ui.robot.clickOn("#initClusterNone");
                next(ui);
                assertThat(ui.robot.lookup("#initExisting").tryQuery()).isPresent();
                assertThat(ui.robot.lookup("#initPoolEnabled").queryAs(javafx.scene.control.CheckBox.class)
                        .isSelected()).isFalse();
                ui.screenshotDialog("init-2-storage-existing-" + suffix);
                next(ui);
                ui.screenshotDialog("init-3-network-existing-" + suffix);
                next(ui);
                ui.robot.clickOn("#initAccessEnabled");
                ui.settle();
                assertThat(ui.robot.lookup("#initIncusTokens").tryQuery()).isPresent();
                assertThat(ui.robot.lookup("#initPassword").tryQuery()).isEmpty();
                ui.screenshotDialog("init-4-access-" + suffix);
                ui.robot.clickOn("#initAccessEnabled");
                next(ui);
                next(ui);
                ui.screenshotDialog("init-6-preseed-" + suffix);
                ui.robot.clickOn(button(ui, "wizardCancel"));
            }
        }
    }
}
