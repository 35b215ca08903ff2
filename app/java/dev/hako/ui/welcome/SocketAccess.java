package dev.hako.ui.welcome;

import dev.hako.remote.LocalServers.LocalServer;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Map;

/**
 * Whether the user may talk to a local daemon's socket. Connecting to a unix socket
 * needs write permission on it; the daemons create it owned by root and a group
 * ({@code lxd} for LXD, {@code incus-admin} for Incus) with mode 0660.
 *
 * @param group the socket's group name, or null when it cannot be read
 * @param joinedButNotActive the user is listed in the group but this session started before
 */
public record SocketAccess(LocalServer server, Verdict verdict, String group, boolean joinedButNotActive) {

    public enum Verdict { USABLE, NO_PERMISSION, GONE }

    static final Path GROUP_FILE = Path.of("/etc/group");

    /** Reads the socket's owner, group and mode and decides for {@code user}; local file metadata only. */
    public static SocketAccess check(LocalServer server, UserAccount user) {
        return check(server, user, GROUP_FILE);
    }

    static SocketAccess check(LocalServer server, UserAccount user, Path groupFile) {
        Path socket = server.socket();
        PosixFileAttributes attributes;
        Map<String, Object> unix;
        try {
            attributes = Files.readAttributes(socket, PosixFileAttributes.class);
            unix = Files.readAttributes(socket, "unix:uid,gid,mode");
        } catch (NoSuchFileException gone) {
            return new SocketAccess(server, Verdict.GONE, null, false);
        } catch (AccessDeniedException denied) {
            // A directory on the way is closed to this user.
            return new SocketAccess(server, Verdict.NO_PERMISSION, null, false);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException noUnixView) {
            boolean writable = Files.isWritable(socket);
            return new SocketAccess(server, writable ? Verdict.USABLE : Verdict.NO_PERMISSION, null, false);
        }
        String group = attributes.group().getName();
        if (user.uid() < 0) {
            // Unknown identity (no /proc): ask the operating system.
            return new SocketAccess(server, Files.isWritable(socket) ? Verdict.USABLE : Verdict.NO_PERMISSION,
                    group, false);
        }
        int mode = (Integer) unix.get("mode");
        long ownerUid = ((Number) unix.get("uid")).longValue();
        long groupGid = ((Number) unix.get("gid")).longValue();
        boolean writable;
        if (user.isRoot()) {
            writable = true;
        } else if (user.uid() == ownerUid) {
            writable = (mode & 0200) != 0;
        } else if (user.processGroups().contains(groupGid)) {
            writable = (mode & 0020) != 0;
        } else {
            writable = (mode & 0002) != 0;
        }
        if (writable) {
            return new SocketAccess(server, Verdict.USABLE, group, false);
        }
        boolean joined = !user.processGroups().contains(groupGid) && user.listedInGroupFile(group, groupFile);
        return new SocketAccess(server, Verdict.NO_PERMISSION, group, joined);
    }

    /** The group that grants full use of this kind of daemon when the socket's own group is unknown. */
    public String groupToJoin() {
        if (group != null) {
            return group;
        }
        return server.expectedKind() == dev.hako.lxd.ServerKind.INCUS ? "incus-admin" : "lxd";
    }
}
