package dev.hako.ui.welcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.hako.model.Workspace;
import dev.hako.remote.LocalServers;
import dev.hako.ui.Screenshots;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.Theme;
import dev.hako.ui.common.UiSettings;
import dev.hako.ui.shell.MainWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Scene;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first-run page: with no server at all (the main window with an empty workspace),
 * and with LXD and Incus sockets that exist but that the user's account may not use
 * (real unix sockets, mode 0660, owned by the daemons' groups). The test runs as root,
 * for whom every socket is open, so the account the page decides for is given: a
 * plain user in no group.
 */
class WelcomePageUiTest {

    private static final UserAccount PLAIN_USER = new UserAccount("alice", 1000, Set.of(1000L));

    private final FxRobot robot = new FxRobot();
    private final List<AFUNIXServerSocket> listening = new ArrayList<>();
    private Workspace workspace;

    static Stream<Arguments> looks() {
        return Stream.of(Arguments.of(false, Locale.ENGLISH), Arguments.of(true, Locale.ENGLISH),
                Arguments.of(false, Locale.JAPANESE), Arguments.of(true, Locale.JAPANESE));
    }

    private static String suffix(boolean dark, Locale locale) {
        return (dark ? "dark" : "light") + "-" + locale.getLanguage();
    }

    @org.junit.jupiter.api.BeforeEach
    void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (workspace != null) {
            workspace.close();
        }
        for (AFUNIXServerSocket socket : listening) {
            socket.close();
        }
    }

    @ParameterizedTest
    @MethodSource("looks")
    void greetsWhenTheWorkspaceHasNoRemote(boolean dark, Locale locale) throws Exception {
        // The page searches the system paths too; on a machine with a system daemon this case does not apply.
        assumeThat(LocalServers.discover(Map.of())).isEmpty();
        UiSettings settings = new UiSettings(Files.createTempDirectory("hako-welcome"));
        settings.setDarkTheme(dark);
        settings.setLocale(locale);
        workspace = new Workspace(List.of());
        MainWindow[] window = new MainWindow[1];
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            window[0] = new MainWindow(stage, workspace, settings);
            stage.setWidth(1200);
            stage.setHeight(820);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#details #welcomePage").tryQuery()).isPresent();
        assertThat(robot.lookup("#welcomeLxd").query().getStyleClass()).contains("welcome-absent");
        assertThat(robot.lookup("#welcomeIncus").query().getStyleClass()).contains("welcome-absent");
        // No action is wired in this build: each way is explained with its commands, not a dead button.
        assertThat(robot.lookup("#welcomeImportButton").tryQuery()).isEmpty();
        assertThat(WelcomePage.commandsOf(robot.lookup("#welcomeStart").query()))
                .contains("lxc remote list", "incus remote list", "lxc config trust add --name hako",
                        "sudo lxd init --minimal", "sudo incus admin init --minimal");
        Screenshots.save(window[0].scene(), "welcome-no-server-" + suffix(dark, locale));
    }

    private Path socketOwnedBy(String daemonDir, String group) throws IOException {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), daemonDir);
        Path socket = dir.resolve("unix.socket");
        AFUNIXServerSocket server = AFUNIXServerSocket.newInstance();
        server.bind(AFUNIXSocketAddress.of(socket));
        listening.add(server);
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw----"));
        try {
            GroupPrincipal principal = socket.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByGroupName(group);
            Files.getFileAttributeView(socket, java.nio.file.attribute.PosixFileAttributeView.class)
                    .setGroup(principal);
        } catch (UserPrincipalNotFoundException absent) {
            // The group comes with the daemon's package; without it the socket keeps root's group.
        }
        return socket;
    }

    private Scene show(WelcomePage page, boolean dark) throws Exception {
        Scene[] scene = new Scene[1];
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Theme.apply(dark);
            scene[0] = new Scene((javafx.scene.Parent) page.node(), 860, 1000);
            Theme.decorate(scene[0], dark);
            stage.setScene(scene[0]);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return scene[0];
    }

    @ParameterizedTest
    @MethodSource("looks")
    void explainsHowToGetAccessToASocketThatIsClosedToTheUser(boolean dark, Locale locale) throws Exception {
        Path lxd = socketOwnedBy("hako-lxd", "lxd");
        Path incus = socketOwnedBy("hako-incus", "incus-admin");
        Map<String, String> env = Map.of("LXD_DIR", lxd.getParent().toString(),
                "INCUS_DIR", incus.getParent().toString());
        String lxdGroup = Files.readAttributes(lxd, java.nio.file.attribute.PosixFileAttributes.class).group()
                .getName();
        String incusGroup = Files.readAttributes(incus, java.nio.file.attribute.PosixFileAttributes.class).group()
                .getName();
        WelcomePage page = new WelcomePage(new I18n(locale), LocalServers.discover(env), PLAIN_USER,
                WelcomePage.Actions.NONE);
        assertThat(page.sockets()).extracting(SocketAccess::verdict)
                .containsExactly(SocketAccess.Verdict.NO_PERMISSION, SocketAccess.Verdict.NO_PERMISSION);
        Scene scene = show(page, dark);

        Node lxdBox = scene.lookup("#welcomeLxd");
        assertThat(lxdBox.getStyleClass()).contains("welcome-denied");
        assertThat(WelcomePage.commandsOf(lxdBox)).containsExactly("sudo gpasswd -a alice " + lxdGroup,
                "newgrp " + lxdGroup);
        Node incusBox = scene.lookup("#welcomeIncus");
        assertThat(incusBox.getStyleClass()).contains("welcome-denied");
        assertThat(WelcomePage.commandsOf(incusBox)).containsExactly("sudo gpasswd -a alice " + incusGroup,
                "newgrp " + incusGroup);
        assertThat(robot.from(lxdBox).lookup(".label").queryAll()).anySatisfy(label ->
                assertThat(((javafx.scene.control.Label) label).getText()).contains(lxd.toString()));
        Screenshots.save(scene, "welcome-no-permission-" + suffix(dark, locale));

        // The same sockets are usable for their group's members, and the page says so.
        Set<Long> groups = Set.of(1000L, ((Number) Files.getAttribute(lxd, "unix:gid")).longValue(),
                ((Number) Files.getAttribute(incus, "unix:gid")).longValue());
        WelcomePage member = new WelcomePage(new I18n(locale), LocalServers.discover(env),
                new UserAccount("alice", 1000, groups), WelcomePage.Actions.NONE);
        assertThat(member.sockets()).extracting(SocketAccess::verdict)
                .containsExactly(SocketAccess.Verdict.USABLE, SocketAccess.Verdict.USABLE);
    }

    @Test
    void wiredActionsAreButtonsThatRun() throws Exception {
        AtomicInteger imported = new AtomicInteger();
        AtomicInteger added = new AtomicInteger();
        WelcomePage.Actions actions = new WelcomePage.Actions() {
            @Override
            public java.util.Optional<Runnable> importCliRemotes() {
                return java.util.Optional.of(imported::incrementAndGet);
            }

            @Override
            public java.util.Optional<Runnable> addRemote() {
                return java.util.Optional.of(added::incrementAndGet);
            }
        };
        WelcomePage page = new WelcomePage(new I18n(Locale.ENGLISH), List.of(), PLAIN_USER, actions);
        show(page, false);
        robot.clickOn("#welcomeImportButton");
        robot.clickOn("#welcomeAddRemoteButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(imported).hasValue(1);
        assertThat(added).hasValue(1);
        // The one left unwired is still explained, with its commands.
        assertThat(robot.lookup("#welcomeInitButton").tryQuery()).isEmpty();
        assertThat(WelcomePage.commandsOf(robot.lookup("#welcomeInit").query())).contains("sudo lxd init --minimal");
    }
}
