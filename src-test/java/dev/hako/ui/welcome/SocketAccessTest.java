package dev.hako.ui.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.ServerKind;
import dev.hako.remote.LocalServers.LocalServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** The access decision on a real unix socket (root:root here, mode 0660 unless changed) for various accounts. */
class SocketAccessTest {

    private Path dir;
    private Path socket;
    private AFUNIXServerSocket server;
    private LocalServer local;

    @BeforeEach
    void bind() throws Exception {
        dir = Files.createTempDirectory(Path.of("/tmp"), "hako-sock");
        socket = dir.resolve("unix.socket");
        server = AFUNIXServerSocket.newInstance();
        server.bind(AFUNIXSocketAddress.of(socket));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw----"));
        local = new LocalServer("local", ServerKind.LXD, socket);
    }

    @AfterEach
    void close() throws Exception {
        server.close();
    }

    private long gid() throws Exception {
        return ((Number) Files.getAttribute(socket, "unix:gid")).longValue();
    }

    private long uid() throws Exception {
        return ((Number) Files.getAttribute(socket, "unix:uid")).longValue();
    }

    @Test
    void rootOwnerAndGroupMembersMayUseIt() throws Exception {
        assertThat(SocketAccess.check(local, new UserAccount("root", 0, Set.of(0L))).verdict())
                .isEqualTo(SocketAccess.Verdict.USABLE);
        assertThat(SocketAccess.check(local, new UserAccount("owner", uid(), Set.of())).verdict())
                .isEqualTo(SocketAccess.Verdict.USABLE);
        assertThat(SocketAccess.check(local, new UserAccount("bob", 1001, Set.of(1001L, gid()))).verdict())
                .isEqualTo(SocketAccess.Verdict.USABLE);
    }

    @Test
    void othersMayNotUnlessTheModeAllowsIt() throws Exception {
        UserAccount alice = new UserAccount("alice", 1000, Set.of(1000L));
        SocketAccess denied = SocketAccess.check(local, alice);
        assertThat(denied.verdict()).isEqualTo(SocketAccess.Verdict.NO_PERMISSION);
        assertThat(denied.group()).isEqualTo(Files.readAttributes(socket,
                java.nio.file.attribute.PosixFileAttributes.class).group().getName());
        assertThat(denied.joinedButNotActive()).isFalse();

        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(SocketAccess.check(local, alice).verdict()).isEqualTo(SocketAccess.Verdict.USABLE);
    }

    @Test
    void anAccountAddedToTheGroupAfterLoginIsToldToStartANewSession() throws Exception {
        String group = Files.readAttributes(socket, java.nio.file.attribute.PosixFileAttributes.class).group()
                .getName();
        Path groupFile = dir.resolve("group");
        Files.writeString(groupFile, "users:x:100:\n" + group + ":x:" + gid() + ":bob,alice\n");
        SocketAccess access = SocketAccess.check(local, new UserAccount("alice", 1000, Set.of(1000L)), groupFile);
        assertThat(access.verdict()).isEqualTo(SocketAccess.Verdict.NO_PERMISSION);
        assertThat(access.joinedButNotActive()).isTrue();
    }

    @Test
    void aSocketThatWentAwayIsReported() throws Exception {
        server.close();
        Files.deleteIfExists(socket);
        assertThat(SocketAccess.check(local, new UserAccount("alice", 1000, Set.of(1000L))).verdict())
                .isEqualTo(SocketAccess.Verdict.GONE);
    }

    @Test
    void theCurrentAccountIsReadFromTheProcess() {
        UserAccount me = UserAccount.current();
        assertThat(me.name()).isEqualTo(System.getProperty("user.name"));
        assertThat(me.uid()).isGreaterThanOrEqualTo(0);
        assertThat(me.processGroups()).isNotEmpty();
    }
}
