package dev.hako.ui.welcome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who this process runs as, for deciding whether a daemon's socket is usable: the
 * user's name, uid and the groups the process has now (from {@code /proc/self/status}),
 * which after {@code gpasswd -a} differ from the groups in {@code /etc/group} until the
 * user logs in again or runs {@code newgrp}.
 */
public record UserAccount(String name, long uid, Set<Long> processGroups) {

    public UserAccount {
        processGroups = Set.copyOf(processGroups);
    }

    public boolean isRoot() {
        return uid == 0;
    }

    /** This process's account; on systems without /proc the uid is unknown (-1) and no group is known. */
    public static UserAccount current() {
        String name = System.getProperty("user.name", "");
        long uid = -1;
        Set<Long> groups = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    // real, effective, saved, filesystem: access checks use the effective one.
                    uid = Long.parseLong(line.substring(4).trim().split("\\s+")[1]);
                } else if (line.startsWith("Gid:")) {
                    groups.add(Long.parseLong(line.substring(4).trim().split("\\s+")[1]));
                } else if (line.startsWith("Groups:")) {
                    for (String gid : line.substring(7).trim().split("\\s+")) {
                        if (!gid.isEmpty()) {
                            groups.add(Long.parseLong(gid));
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // Not Linux: the socket check then relies on what the file system says.
        }
        return new UserAccount(name, uid, groups);
    }

    /** Whether {@code /etc/group} lists this user as a member of {@code group} (true after gpasswd -a). */
    public boolean listedInGroupFile(String group, Path groupFile) {
        try {
            for (String line : Files.readAllLines(groupFile)) {
                String[] fields = line.split(":", -1);
                if (fields.length >= 4 && fields[0].equals(group)) {
                    List<String> members = new ArrayList<>(List.of(fields[3].split(",")));
                    return members.contains(name);
                }
            }
        } catch (IOException unreadable) {
            // Then we cannot tell; the advice covers both cases.
        }
        return false;
    }
}
