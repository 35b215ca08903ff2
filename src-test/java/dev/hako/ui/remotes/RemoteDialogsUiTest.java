package dev.hako.ui.remotes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.Endpoint;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.remote.ClientIdentities;
import dev.hako.remote.Enrolment;
import dev.hako.remote.RemoteAddress;
import dev.hako.remote.RemoteConfig;
import dev.hako.remote.RemotesFile;
import dev.hako.remote.ServerCertificate;
import dev.hako.remote.ServerCertificateProbe;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.ExtraLxd;
import dev.hako.testbed.TestBed;
import dev.hako.ui.Screenshots;
import dev.hako.ui.TreeRows;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.UiSettings;
import dev.hako.ui.shell.MainWindow;
import dev.hako.ui.tree.TreeEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Import from the CLI, manage remotes, the server's remote access, and a server that
 * comes back with another certificate, against a private extra LXD daemon (so that
 * its password, trust store and certificate can be changed freely) next to the
 * shared test-bed LXD. Screenshots of every dialog in both themes and languages.
 */
class RemoteDialogsUiTest {

    private final FxRobot robot = new FxRobot();
    private Workspace workspace;
    private MainWindow window;
    private ExtraLxd extra;

    static Stream<Arguments> variants() {
        return Stream.of(Arguments.of(false, Locale.ENGLISH), Arguments.of(true, Locale.JAPANESE));
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
        if (workspace != null) {
            workspace.close();
        }
        if (extra != null) {
            extra.close();
        }
    }

    private static void lxc(Path conf, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("lxc"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LXD_CONF", conf.toString());
        builder.environment().put("NO_PROXY", "127.0.0.0/8,localhost");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private boolean online(String remote) {
        return TreeRows.all(window.tree().view()).stream()
                .anyMatch(e -> e instanceof TreeEntry.RemoteEntry r && r.remote().equals(remote) && r.state().online());
    }

    private Scene sceneOf(String id) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup(id).tryQuery().isPresent());
        return robot.lookup(id).query().getScene();
    }

    @ParameterizedTest
    @MethodSource("variants")
    void importManageAccessAndAChangedCertificate(boolean dark, Locale locale) throws Exception {
        String variant = (dark ? "dark" : "light") + "-" + locale.getLanguage();
        I18n i18n = new I18n(locale);
        extra = ExtraLxd.start("dialogs");
        RemoteAddress address = new RemoteAddress(extra.host(), extra.port());

        // Hako's config with one saved, enrolled remote on the extra daemon.
        Path config = Files.createTempDirectory("hako-dialogs");
        ClientIdentities identities = new ClientIdentities(config);
        ServerCertificate certificate = ServerCertificateProbe.probe(address);
        Enrolment.enrol(address, certificate, identities.own(), new Enrolment.Password(extra.trustPassword()));
        RemotesFile file = RemotesFile.load(config);
        file.add(new RemoteConfig("extra", address.url(), RemoteConfig.Protocol.LXD, null, certificate.pem(),
                certificate.fingerprint(), null));
        file.add(new RemoteConfig("images", "https://images.linuxcontainers.org", RemoteConfig.Protocol.SIMPLESTREAMS,
                null, null, null, null));
        // An lxc CLI that knows the extra daemon as "cli-extra".
        Path home = Files.createTempDirectory("hako-home");
        Path conf = Files.createDirectories(home.resolve(".config/lxc"));
        lxc(conf, "remote", "add", "cli-extra", address.url(), "--password", extra.trustPassword(),
                "--accept-certificate");

        UiSettings settings = new UiSettings(config);
        settings.setDarkTheme(dark);
        settings.setLocale(locale);
        workspace = new Workspace(List.of(new RemoteModel("local", new Endpoint.UnixSocket(
                TestBed.socket(Daemon.LXD)))));
        RemotesController remotes = new RemotesController(workspace, file, identities, settings, Map.of(), home);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window = new MainWindow(s, workspace, settings, remotes);
            s.setWidth(1100);
            s.setHeight(700);
            s.show();
        });
        workspace.start();
        remotes.openSaved();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> online("local") && online("extra"));

        // Import from the CLI: the lxc remote is offered and chosen; its tree appears, trusted via the CLI's key.
        robot.clickOn("#remotesMenu");
        robot.clickOn(i18n.get("remotes.menu.import"));
        Scene importScene = sceneOf("#importRemotesDialog");
        assertThat(robot.lookup("#import-lxc-cli-extra").queryAs(CheckBox.class).isSelected()).isTrue();
        Screenshots.save(importScene, "remotes-import-" + variant);
        robot.clickOn("#importButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> online("cli-extra"));
        assertThat(RemotesFile.load(config).find("cli-extra").orElseThrow().clientCertificate())
                .isEqualTo(conf.toString());

        // Manage: make "extra" the default, move it down, remove the imported one.
        robot.clickOn("#remotesMenu");
        robot.clickOn(i18n.get("remotes.menu.manage"));
        Scene manage = sceneOf("#manageRemotesDialog");
        @SuppressWarnings("unchecked")
        TableView<RemoteConfig> table = robot.lookup("#remotesTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#setDefaultRemote");
        robot.clickOn("#moveDown");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(RemotesFile.load(config).defaultRemote()).isEqualTo("extra");
        assertThat(RemotesFile.load(config).remotes()).extracting(RemoteConfig::name)
                .containsExactly("images", "extra", "cli-extra");
        Screenshots.save(manage, "remotes-manage-" + variant);
        robot.interact(() -> table.getSelectionModel().select(2));
        robot.clickOn("#removeRemote");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#alsoUntrust").tryQuery().isPresent());
        assertThat(robot.lookup("#alsoUntrust").queryAs(CheckBox.class).isDisabled())
                .as("a CLI's certificate is never removed from the server").isTrue();
        Screenshots.save(robot.lookup("#alsoUntrust").query().getScene(), "remotes-remove-" + variant);
        robot.clickOn(robot.lookup(".dialog-pane .button").match(n -> n instanceof Button b && b.isDefaultButton())
                .queryAs(Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workspace.remote("cli-extra") == null);
        assertThat(RemotesFile.load(config).find("cli-extra")).isEmpty();
        robot.interact(() -> ((javafx.stage.Stage) manage.getWindow()).close());

        // Remote access of the extra server: password, a token issued / listed / revoked, the trust store.
        robot.interact(() -> window.tree().view().getSelectionModel().select(
                window.tree().view().getRoot().getChildren().stream()
                        .filter(i -> i.getValue().remote().equals("extra")).findFirst().orElseThrow()));
        robot.clickOn("#remotesMenu");
        robot.clickOn(i18n.get("remotes.menu.access"));
        Scene access = sceneOf("#remoteAccessDialog");
        @SuppressWarnings("unchecked")
        ComboBox<String> chosen = robot.lookup("#accessRemote").queryAs(ComboBox.class);
        assertThat(chosen.getValue()).isEqualTo("extra");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#trustPasswordState")
                .queryAs(Label.class).getText().equals(i18n.get("remotes.access.passwordSet")));
        assertThat(robot.lookup("#httpsAddress").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo(address.hostAndPort());
        robot.clickOn("#clearTrustPassword");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#trustPasswordState")
                .queryAs(Label.class).getText().equals(i18n.get("remotes.access.passwordNotSet")));
        robot.clickOn("#newTrustPassword").write(extra.trustPassword());
        robot.clickOn("#setTrustPassword");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#trustPasswordState")
                .queryAs(Label.class).getText().equals(i18n.get("remotes.access.passwordSet")));
        Screenshots.save(access, "remotes-access-listen-" + variant);

        TabPane tabs = robot.lookup("#accessTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        robot.clickOn("#tokenClientName").write("ui-token");
        robot.clickOn("#issueToken");
        @SuppressWarnings("unchecked")
        ListView<dev.hako.remote.RemoteAccess.PendingToken> pending = robot.lookup("#pendingTokens")
                .queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#issuedToken").queryAs(TextArea.class)
                .getText().isBlank() && pending.getItems().stream().anyMatch(t -> t.clientName().equals("ui-token")));
        String token = robot.lookup("#issuedToken").queryAs(TextArea.class).getText();
        assertThat(dev.hako.remote.TrustToken.decode(token).fingerprint()).isEqualTo(certificate.fingerprint());
        Screenshots.save(access, "remotes-access-tokens-" + variant);
        robot.interact(() -> pending.getSelectionModel().select(pending.getItems().stream()
                .filter(t -> t.clientName().equals("ui-token")).findFirst().orElseThrow()));
        robot.clickOn("#revokeToken");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pending.getItems().isEmpty());

        robot.interact(() -> tabs.getSelectionModel().select(2));
        @SuppressWarnings("unchecked")
        TableView<dev.hako.lxd.api.Certificate> trusted = robot.lookup("#trustedCertificates").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> trusted.getItems().size() >= 2);
        Screenshots.save(access, "remotes-access-trusted-" + variant);
        robot.interact(() -> ((javafx.stage.Stage) access.getWindow()).close());

        // The server is reinstalled with a new certificate: refused, explained, and accepted only on purpose.
        extra.stop();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !online("extra"));
        Files.delete(extra.socket().resolveSibling("server.crt"));
        Files.delete(extra.socket().resolveSibling("server.key"));
        extra.start();
        Scene review = sceneOf("#certificateReviewDialog");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#confirmNewCertificate").tryQuery()
                .isPresent());
        assertThat(online("extra")).isFalse();
        Button accept = robot.lookup("#acceptNewCertificate").queryAs(Button.class);
        assertThat(accept.isDisabled()).isTrue();
        Screenshots.save(review, "remotes-certificate-changed-" + variant);
        robot.clickOn("#confirmNewCertificate");
        robot.clickOn("#acceptNewCertificate");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> online("extra"));
        String renewed = ServerCertificateProbe.probe(address).fingerprint();
        assertThat(renewed).isNotEqualTo(certificate.fingerprint());
        assertThat(RemotesFile.load(config).find("extra").orElseThrow().fingerprint()).isEqualTo(renewed);
        assertThat(online("local")).isTrue();
        Screenshots.save(window.scene(), "remotes-tree-" + variant);
    }

    @SuppressWarnings("unused")
    private static Node node(Scene scene) {
        return scene.getRoot();
    }
}
