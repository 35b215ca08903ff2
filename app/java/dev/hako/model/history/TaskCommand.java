package dev.hako.model.history;

import dev.hako.lxd.ServerKind;
import dev.hako.model.CommandLine;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code lxc}/{@code incus} command that does what an operation did, read from the
 * server's description of it and the objects it names, only where that is unambiguous (one
 * instance started, one snapshot deleted …). Anything else gets none: an exec's command line
 * or an update's new configuration are not in what is kept, so no command is guessed for them.
 */
public final class TaskCommand {

    private static final Pattern INSTANCE = Pattern.compile("/1\\.0/instances/([^/?]+)(?:\\?.*)?");
    /** LXD 5.0 names a deleted snapshot {@code /1.0/instances/c1/s1}; Incus {@code …/c1/snapshots/s1}. */
    static final Pattern SNAPSHOT = Pattern.compile("/1\\.0/instances/([^/?]+)/(?:snapshots/)?([^/?]+)(?:\\?.*)?");
    private static final Pattern IMAGE = Pattern.compile("/1\\.0/images/([0-9a-f]{64})(?:\\?.*)?");
    private static final Pattern PROJECT = Pattern.compile("[?&]project=([^&]+)");

    private TaskCommand() {
    }

    /** The command, or {@code ""} when there is no clear one. */
    public static String of(ServerKind kind, String remote, String description, Map<String, List<String>> resources) {
        if (description == null) {
            return "";
        }
        List<String> urls = urlsOf(resources);
        List<String[]> instances = matches(INSTANCE, urls);
        List<String[]> snapshots = matches(SNAPSHOT, urls);
        List<String[]> images = matches(IMAGE, urls);
        CommandLine line = CommandLine.of(kind);
        String[] one = instances.size() == 1 ? instances.get(0) : null;
        String[] snap = snapshots.size() == 1 ? snapshots.get(0) : null;
        switch (description) {
            case "Starting instance", "Stopping instance", "Restarting instance", "Freezing instance",
                    "Deleting instance" -> {
                if (one == null || snap != null) {
                    return "";
                }
                line.add(verbOf(description), remote + ":" + one[0]);
            }
            case "Snapshotting instance" -> {
                // LXD 5.0 does not name the new snapshot; Incus does.
                if (snap == null) {
                    return "";
                }
                if (kind == ServerKind.INCUS) {
                    line.add("snapshot", "create", remote + ":" + snap[0], snap[1]);
                } else {
                    line.add("snapshot", remote + ":" + snap[0], snap[1]);
                }
            }
            case "Deleting snapshot" -> {
                if (snap == null) {
                    return "";
                }
                if (kind == ServerKind.INCUS) {
                    line.add("snapshot", "delete", remote + ":" + snap[0], snap[1]);
                } else {
                    line.add("delete", remote + ":" + snap[0] + "/" + snap[1]);
                }
            }
            case "Restoring snapshot" -> {
                // The server names the instance only; the snapshot restored is not in what it says.
                return "";
            }
            case "Deleting image" -> {
                if (images.size() != 1) {
                    return "";
                }
                line.add("image", "delete", remote + ":" + images.get(0)[0]);
            }
            default -> {
                return "";
            }
        }
        String project = projectOf(resources);
        return line.option("--project", project == null || "default".equals(project) ? null : project).toString();
    }

    /** The project an operation's objects are in, from their URLs; null when they do not say. */
    public static String projectOf(Map<String, List<String>> resources) {
        for (String url : urlsOf(resources)) {
            Matcher m = PROJECT.matcher(url);
            if (m.find()) {
                return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String verbOf(String description) {
        return switch (description) {
            case "Starting instance" -> "start";
            case "Stopping instance" -> "stop";
            case "Restarting instance" -> "restart";
            case "Freezing instance" -> "pause";
            default -> "delete";
        };
    }

    private static List<String> urlsOf(Map<String, List<String>> resources) {
        List<String> urls = new ArrayList<>();
        if (resources != null) {
            resources.values().stream().filter(Objects::nonNull).forEach(urls::addAll);
        }
        return urls;
    }

    /** The distinct matches of {@code pattern} among the URLs, each as its groups (decoded). */
    private static List<String[]> matches(Pattern pattern, List<String> urls) {
        List<String[]> found = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String url : urls) {
            Matcher m = pattern.matcher(url);
            if (!m.matches()) {
                continue;
            }
            String[] groups = new String[m.groupCount()];
            for (int i = 0; i < groups.length; i++) {
                groups[i] = URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8);
            }
            String key = String.join("/", groups);
            if (!seen.contains(key)) {
                seen.add(key);
                found.add(groups);
            }
        }
        return found;
    }
}
