package dev.hako.ui.remotes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.CertificateFingerprint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.model.Workspace;
import dev.hako.remote.ClientIdentities;
import dev.hako.remote.RemoteAccess;
import dev.hako.remote.RemoteConfig;
import dev.hako.remote.RemotesFile;
import dev.hako.remote.ServerCertificate;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import dev.hako.ui.Screenshots;
import dev.hako.ui.TreeRows;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.UiSettings;
import dev.hako.ui.shell.MainWindow;
import dev.hako.ui.tree.TreeEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Clicks through "Add remote" against the real test-bed daemons, with a screenshot
 * of every page: LXD with its trust password, Incus with a token, in both themes and
 * both languages. The remote's tree appears live, and the saved file holds no secret.
 */
class AddRemoteWizardUiTest {

    private final FxRobot robot = new FxRobot();
    private Workspace workspace;
    private MainWindow window;
    private String addedFingerprint;
    private Daemon daemon;
    private LxdClient admin;
    private RemoteAccess.IssuedToken token;

    private void revokeToken() {
        if (token != null) {
            String operation = token.operationId();
            if (new RemoteAccess(admin).pendingTokens().stream().anyMatch(p -> p.operationId().equals(operation))) {
                new RemoteAccess(admin).revokeToken(operation);
            }
            token = null;
        }
    }

    static Stream<Arguments> variants() {
        return Stream.of(Arguments.of(Daemon.LXD, false, Locale.ENGLISH),
                Arguments.of(Daemon.LXD, true, Locale.JAPANESE),
                Arguments.of(Daemon.INCUS, true, Locale.ENGLISH),
                Arguments.of(Daemon.INCUS, false, Locale.JAPANESE));
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
        if (admin != null) {
            revokeToken();
            admin.close();
        }
        if (workspace != null) {
            workspace.close();
        }
        if (addedFingerprint != null) {
            try (LxdClient local = TestBed.connect(daemon)) {
                local.certificates().delete(addedFingerprint);
            } catch (NotFoundException never) {
                // enrolment did not go through
            }
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void addsARemoteStepByStep(Daemon daemon, boolean dark, Locale locale) throws Exception {
        this.daemon = daemon;
        String variant = daemon.name().toLowerCase(Locale.ROOT) + "-" + (dark ? "dark" : "light") + "-"
                + locale.getLanguage();
        I18n i18n = new I18n(locale);
        Path config = Files.createTempDirectory("hako-wizard");
        Path home = Files.createTempDirectory("hako-home");
        UiSettings settings = new UiSettings(config);
        settings.setDarkTheme(dark);
        settings.setLocale(locale);
        workspace = new Workspace(java.util.List.of());
        RemotesFile file = RemotesFile.load(config);
        ClientIdentities identities = new ClientIdentities(config);
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

        robot.clickOn("#remotesMenu");
        robot.clickOn(i18n.get("remotes.menu.add"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#addRemoteWizard").tryQuery().isPresent());
        Scene wizard = robot.lookup("#addRemoteWizard").query().getScene();

        // 1. Address: typed for LXD; for Incus the trust token is pasted instead, and names the address.
        String name = TestBed.uniqueName("tb-" + daemon.name().toLowerCase(Locale.ROOT));
        robot.clickOn("#remoteName").write(name);
        // A refused address says why in the window's language, and Next waits.
        robot.clickOn("#remoteAddress").write("http://" + TestBed.host(daemon));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(problem()).isEqualTo(i18n.format("remotes.add.badAddress", i18n.format("remotes.problem.notHttps",
                "http://" + TestBed.host(daemon))));
        assertThat(robot.lookup("#wizardNext").queryAs(Button.class).isDisabled()).isTrue();
        Screenshots.save(wizard, "add-remote-0-refused-" + variant);
        robot.interact(() -> robot.lookup("#remoteAddress").queryAs(TextInputControl.class).clear());
        admin = TestBed.connect(daemon);
        token = daemon == Daemon.INCUS
                ? new RemoteAccess(admin).issueToken(TestBed.uniqueName("hako-ui")) : null;
        if (token == null) {
            robot.clickOn("#remoteAddress").write(TestBed.host(daemon) + ":" + TestBed.port(daemon));
        } else {
            String pasted = token.token().encoded();
            robot.interact(() -> robot.lookup("#remoteAddress").queryAs(TextInputControl.class).setText(pasted));
        }
        Screenshots.save(wizard, "add-remote-1-address-" + variant);
        robot.clickOn("#wizardNext");

        // 2. Certificate: the server's own fingerprint, nothing sent yet; Next waits for the tick.
        waitForPage("certificate");
        waitWhileProblemIs(i18n.format("remotes.cert.reading", "https://" + TestBed.httpsAddress(daemon)));
        assertThat(robot.lookup("#certFingerprint").tryQuery()).as(problem()).isPresent();
        String expected = ServerCertificate.fromPem(Files.readString(Path.of(TestBed.env("HAKO_TB_" + daemon.name()
                + "_SERVER_CERT")))).fingerprint();
        assertThat(text("#certFingerprint").replaceAll("\\s", "")).isEqualTo(expected);
        if (token == null) {
            assertThat(robot.lookup("#wizardNext").queryAs(Button.class).isDisabled()).isTrue();
            assertThat(robot.lookup("#tokenCheck").tryQuery().map(Node::isVisible).orElse(false)).isFalse();
        } else {
            // The token's fingerprint vouches for the certificate, as with "incus remote add NAME TOKEN".
            assertThat(robot.lookup("#tokenCheck").tryQuery().map(Node::isVisible).orElse(false)).isTrue();
            assertThat(robot.lookup("#wizardNext").queryAs(Button.class).isDisabled()).isFalse();
            assertThat(robot.lookup("#page-certificate .label").queryAllAs(Label.class).stream()
                    .anyMatch(l -> l.getText().contains(TestBed.httpsAddress(daemon)))).isTrue();
            // The longer page scrolls: no sentence on it ends cut off in "…".
            Node page = robot.lookup("#page-certificate").query();
            java.util.function.Predicate<Node> visibleText = n -> n instanceof javafx.scene.control.Labeled
                    && n.isVisible();
            for (javafx.scene.control.Labeled shown : robot.from(page).lookup(visibleText)
                    .queryAllAs(javafx.scene.control.Labeled.class)) {
                javafx.scene.text.Text drawn = (javafx.scene.text.Text) shown.lookup(".text");
                if (drawn != null && shown.getText() != null && !shown.getText().isEmpty()) {
                    assertThat(drawn.getText()).as("shown whole").isEqualTo(shown.getText());
                }
            }
        }
        Screenshots.save(wizard, "add-remote-2-certificate-" + variant);
        if (token == null) {
            robot.clickOn("#acceptCertificate");
        }
        robot.clickOn("#wizardNext");

        // 3. Trust: a password on LXD; Incus has none, and the pasted token is already filled in.
        waitForPage("trust");
        waitWhileProblemIs(i18n.get("remotes.trust.detecting"));
        try {
            if (daemon == Daemon.LXD) {
                assertThat(robot.lookup("#usePassword").query().isVisible()).isTrue();
                // The key keeps its underscore: no mnemonic parsing on labels that name keys.
                javafx.scene.text.Text drawn = (javafx.scene.text.Text) robot.lookup("#usePassword").query()
                        .lookup(".text");
                assertThat(drawn.getText()).contains("core.trust_password");
                robot.clickOn("#trustPassword").write(TestBed.lxdTrustPassword());
            } else {
                assertThat(robot.lookup("#usePassword").query().isVisible()).isFalse();
                assertThat(robot.lookup("#trustToken").queryAs(TextArea.class).getText())
                        .isEqualTo(token.token().encoded());
            }
            Screenshots.save(wizard, "add-remote-3-trust-" + variant);
            robot.clickOn("#wizardNext");

            // 4. Finish: enrolment over the pinned connection (GET /1.0 then says trusted), then saved.
            waitForPage("connect");
            Screenshots.save(wizard, "add-remote-4-connect-" + variant);
            addedFingerprint = CertificateFingerprint.sha256(identities.own().certificate());
            robot.clickOn("#wizardFinish");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                    () -> !wizard.getWindow().isShowing() || !problem().isEmpty());
            assertThat(wizard.getWindow().isShowing()).as(problem()).isFalse();
        } finally {
            revokeToken();
        }

        // 5. The remote's tree appears live and connects.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> TreeRows.all(window.tree().view()).stream()
                .anyMatch(e -> e instanceof TreeEntry.RemoteEntry r && r.remote().equals(name) && r.state().online()));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(window.scene(), "add-remote-5-tree-" + variant);

        RemoteConfig saved = RemotesFile.load(config).find(name).orElseThrow();
        assertThat(saved.fingerprint()).isEqualTo(expected);
        assertThat(saved.address()).isEqualTo("https://" + TestBed.httpsAddress(daemon));
        String written = Files.readString(config.resolve(RemotesFile.FILE_NAME));
        if (daemon == Daemon.LXD) {
            assertThat(written).doesNotContain(TestBed.lxdTrustPassword());
        }
        assertThat(Files.getPosixFilePermissions(config.resolve(ClientIdentities.KEY_FILE)))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @org.junit.jupiter.api.Test
    void addsAnImageServerWithoutReviewOrTrust() throws Exception {
        I18n i18n = new I18n(Locale.JAPANESE);
        Path config = Files.createTempDirectory("hako-wizard");
        UiSettings settings = new UiSettings(config);
        settings.setDarkTheme(true);
        settings.setLocale(Locale.JAPANESE);
        workspace = new Workspace(java.util.List.of());
        RemotesController remotes = new RemotesController(workspace, RemotesFile.load(config),
                new ClientIdentities(config), settings, Map.of(), Files.createTempDirectory("hako-home"));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window = new MainWindow(s, workspace, settings, remotes);
            s.show();
        });
        robot.clickOn("#remotesMenu");
        robot.clickOn(i18n.get("remotes.menu.add"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#addRemoteWizard").tryQuery().isPresent());
        Scene wizard = robot.lookup("#addRemoteWizard").query().getScene();
        robot.clickOn("#remoteName").write("images");
        robot.clickOn("#kindImages");
        robot.clickOn("#remoteAddress").write("images.example.org");
        robot.clickOn("#wizardNext");
        waitForPage("certificate");
        assertThat(robot.lookup("#page-certificate .label").queryAllAs(Label.class).stream()
                .filter(AddRemoteWizardUiTest::shown).map(Label::getText))
                .containsExactly(i18n.get("remotes.cert.imagesNote"));
        Screenshots.save(wizard, "add-remote-images-2-certificate-dark-ja");
        robot.clickOn("#wizardNext");
        waitForPage("trust");
        robot.clickOn("#wizardNext");
        waitForPage("connect");
        Screenshots.save(wizard, "add-remote-images-4-connect-dark-ja");
        robot.clickOn("#wizardFinish");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !wizard.getWindow().isShowing());
        RemoteConfig saved = RemotesFile.load(config).find("images").orElseThrow();
        assertThat(saved.imageOnly()).isTrue();
        assertThat(saved.address()).isEqualTo("https://images.example.org");
    }

    /** Whether the node and all its parents are visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void waitForPage(String page) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#page-" + page).tryQuery().isPresent());
        assertThat(robot.lookup("#page-" + page).tryQuery()).as("page " + page + "; problem: " + problem())
                .isPresent();
    }

    /** What the wizard says is wrong with its page now ("" when nothing). */
    private String problem() {
        return robot.lookup("#wizardProblem").tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    /** Waits for the background work a page started (its problem says it runs) to end. */
    private void waitWhileProblemIs(String running) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !problem().equals(running));
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(TextInputControl.class).getText();
    }

    @SuppressWarnings("unused")
    private static Stage stageOf(Node node) {
        return (Stage) node.getScene().getWindow();
    }
}
