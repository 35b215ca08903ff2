package dev.hako.ui.wizard.init;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.hako.ui.WizardSteps.button;
import static dev.hako.ui.WizardSteps.next;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.ClusterMember;
import dev.hako.lxd.api.ClusterPut;
import dev.hako.model.RemoteModel;
import dev.hako.remote.cluster.ClusterIT;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.ExtraLxd;
import dev.hako.ui.UiDriver;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.TextArea;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Joins an LXD 5.0 server to a cluster the way the operator's notes do: the cluster's trust
 * password (cluster_password) and its certificate (cluster_certificate, pasted line by line
 * into a quoted YAML string), through the initialisation wizard's window.
 */
class PasswordJoinUiTest {

    @ParameterizedTest
    @CsvSource({"true,en", "false,ja"})
    void joinsWithTheClustersTrustPasswordAndCertificate(boolean dark, String language) throws Exception {
        String suffix = (dark ? "dark-" : "light-") + language;
        String remoteName = "joining-" + suffix;
        ExtraLxd first = ExtraLxd.start("pwja");
        ExtraLxd second = ExtraLxd.start("pwjb");
        try (LxdClient a = LxdClient.connect(new Endpoint.UnixSocket(first.socket()));
             LxdClient b = LxdClient.connect(new Endpoint.UnixSocket(second.socket()));
             UiDriver ui = new UiDriver(Daemon.LXD).open(dark, Locale.forLanguageTag(language))) {
            // The bootstrap member, as the notes' node01.yml makes it: HTTPS and a trust password, then clustering.
            a.cluster().update(ClusterPut.bootstrap("node01")).awaitSuccess(Duration.ofMinutes(2));
            String pem = a.refreshServer().environment().certificate();
            String clusterAddress = first.host() + ":" + first.port();
            String serverAddress = second.host() + ":" + second.port();

            RemoteModel remote = new RemoteModel(remoteName, new Endpoint.UnixSocket(second.socket()));
            ui.robot.interact(() -> ui.workspace().add(remote));
            ui.waitUntil(20, () -> remote.state().online() && remote.client() != null);
            ui.contextMenu("remote:" + remoteName, "menuInitServer");
            ui.waitUntil(10, () -> ui.robot.lookup("#initClusterJoin").tryQuery().isPresent());
            ui.robot.clickOn("#initClusterJoin");
            ui.type("initServerName", "node02");
            ui.type("initJoinToken", first.trustPassword());
            ui.type("initJoinServerAddress", serverAddress);
            ui.settle();
            // A password (not a token) needs a member to ask.
            assertThat(button(ui, "wizardNext").isDisabled()).isTrue();
            ui.type("initJoinClusterAddress", clusterAddress);
            ui.settle();
            assertThat(button(ui, "wizardNext").isDisabled()).isFalse();
            ui.screenshotDialog("init-join-password-1-cluster-" + suffix);
            ui.waitUntil(30, () -> {
                next(ui);
                return ui.robot.lookup("#initPreseed").tryQuery().isPresent();
            });

            // Without the cluster's certificate the preseed page says what is missing.
            TextArea yaml = ui.robot.lookup("#initPreseed").queryAs(TextArea.class);
            assertThat(yaml.getText()).doesNotContain(first.trustPassword());
            ui.waitUntil(10, () -> button(ui, "wizardNext").isDisabled());
            ui.screenshotDialog("init-join-password-2-no-certificate-" + suffix);

            // The notes' node02.yml, pasted: the certificate line by line inside double quotes.
            String notes = "cluster:\n  enabled: true\n  server_name: node02\n  server_address: " + serverAddress
                    + "\n  cluster_address: " + clusterAddress + "\n  cluster_certificate: \"\n" + pem.strip()
                    + "\n\"\n";
            ui.robot.interact(() -> yaml.setText(notes));
            ui.waitUntil(10, () -> !button(ui, "wizardNext").isDisabled());
            ui.settle();
            ui.screenshotDialog("init-join-password-3-preseed-" + suffix);
            next(ui);
            ui.waitUntil(10, () -> ui.robot.lookup("#initStep0").tryQuery().isPresent()
                    && !button(ui, "wizardFinish").isDisabled());
            ui.settle();
            ui.screenshotDialog("init-join-password-4-apply-" + suffix);
            ui.robot.clickOn(button(ui, "wizardFinish"));
            ui.waitUntil(120, () -> ui.robot.lookup(".dialog-pane").match(n -> n.getScene().getWindow()
                    .isShowing() && n instanceof javafx.scene.control.DialogPane p
                    && p.getHeaderText() != null && p.getHeaderText().contains(remoteName)).tryQuery().isPresent());
            ui.settle();
            ui.screenshotDialog("init-join-password-5-done-" + suffix);
            ui.ok();

            assertThat(b.refreshServer().environment().serverClustered()).isTrue();
            ui.waitUntil(60, () -> a.cluster().members().size() == 2
                    && a.cluster().members().stream().allMatch(m -> "Online".equalsIgnoreCase(m.status())));
            assertThat(a.cluster().members()).extracting(ClusterMember::serverName)
                    .containsExactlyInAnyOrder("node01", "node02");
            assertThat(ui.robot.lookup("#errorServerMessage").tryQuery()).isEmpty();
            ui.robot.interact(() -> ui.workspace().remove(remoteName));
        } finally {
            for (ExtraLxd d : List.of(second, first)) {
                d.stop();
                ClusterIT.unmountLeftovers(d);
                d.close();
            }
        }
    }

}
