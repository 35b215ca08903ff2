package dev.hako.ui.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.ServerKind;
import dev.hako.remote.LocalServers.LocalServer;
import dev.hako.ui.common.I18n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** What the first-run page says, on a real socket (root's group, mode 0660) closed to a plain user. */
class WelcomeViewModelTest {

    private static final UserAccount ALICE = new UserAccount("alice", 1000, Set.of(1000L));

    private Path socket;
    private AFUNIXServerSocket server;

    @BeforeEach
    void bind() throws Exception {
        socket = Files.createTempDirectory(Path.of("/tmp"), "hako-wvm").resolve("unix.socket");
        server = AFUNIXServerSocket.newInstance();
        server.bind(AFUNIXSocketAddress.of(socket));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw----"));
    }

    @AfterEach
    void close() throws Exception {
        server.close();
    }

    private static List<String> commands(List<WelcomeViewModel.Step> steps) {
        return steps.stream().filter(WelcomeViewModel.Step::command).map(WelcomeViewModel.Step::text).toList();
    }

    @Test
    void aClosedSocketIsExplainedWithTheCommandsThatOpenItInTheLanguageOfTheMoment() throws Exception {
        I18n i18n = new I18n(Locale.ENGLISH);
        String group = Files.readAttributes(socket, java.nio.file.attribute.PosixFileAttributes.class).group()
                .getName();
        WelcomeViewModel model = new WelcomeViewModel(i18n, List.of(new LocalServer("local", ServerKind.LXD, socket)),
                ALICE, WelcomePage.Actions.NONE);

        List<WelcomeViewModel.LocalStatus> local = model.local();
        assertThat(local).extracting(WelcomeViewModel.LocalStatus::kind)
                .containsExactly(ServerKind.LXD, ServerKind.INCUS);
        assertThat(local.get(0).look()).isEqualTo(WelcomeViewModel.Look.DENIED);
        assertThat(local.get(0).headline()).contains(socket.toString(), "alice", group);
        assertThat(commands(local.get(0).steps())).containsExactly("sudo gpasswd -a alice " + group,
                "newgrp " + group);
        assertThat(local.get(1).look()).isEqualTo(WelcomeViewModel.Look.ABSENT);
        String english = local.get(0).headline();

        i18n.setLocale(Locale.JAPANESE);
        WelcomeViewModel.LocalStatus again = model.local().get(0);
        assertThat(again.headline()).isEqualTo(i18n.format("welcome.local.denied", "LXD", socket.toString(), "alice",
                group)).isNotEqualTo(english);
        assertThat(commands(again.steps())).containsExactly("sudo gpasswd -a alice " + group, "newgrp " + group);
    }

    @Test
    void aWayIsAnActionWhenWiredElseItsCommands() {
        Runnable add = () -> { };
        WelcomePage.Actions actions = new WelcomePage.Actions() {
            @Override
            public Optional<Runnable> addRemote() {
                return Optional.of(add);
            }
        };
        WelcomeViewModel model = new WelcomeViewModel(new I18n(Locale.ENGLISH), List.of(), ALICE, actions);
        List<WelcomeViewModel.Way> ways = model.ways();
        assertThat(ways).extracting(WelcomeViewModel.Way::id)
                .containsExactly("welcomeImport", "welcomeAddRemote", "welcomeInit");
        assertThat(ways.get(1).action()).containsSame(add);
        assertThat(ways.get(1).steps()).isEmpty();
        assertThat(commands(ways.get(0).steps())).containsExactly("lxc remote list", "incus remote list");
        assertThat(commands(ways.get(2).steps())).contains("sudo lxd init --minimal");
    }
}
