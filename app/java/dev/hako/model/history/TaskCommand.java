package dev.hako.model.history;

import dev.hako.lxd.ServerKind;
import dev.hako.model.ActionCommands;
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
        ActionCommands commands = new ActionCommands(kind, remote, projectOf(resources));
        String[] one = instances.size() == 1 ? instances.get(0) : null;
        String[] snap = snapshots.size() == 1 ? snapshots.get(0) : null;
        boolean oneInstance = one != null && snap == null;
        return switch (description) {
            case "Starting instance" -> oneInstance ? commands.start(List.of(one[0])) : "";
            case "Stopping instance" -> oneInstance ? commands.stop(List.of(one[0]), null, false) : "";
            case "Restarting instance" -> oneInstance ? commands.restart(List.of(one[0]), null, false) : "";
            case "Freezing instance" -> oneInstance ? commands.freeze(List.of(one[0])) : "";
            case "Deleting instance" -> oneInstance ? commands.delete(List.of(one[0]), false) : "";
            // LXD 5.0 does not name the new snapshot; Incus does.
            case "Snapshotting instance" -> snap == null ? "" : commands.snapshot(snap[0], snap[1], false);
            case "Deleting snapshot" -> snap == null ? "" : commands.deleteSnapshot(snap[0], snap[1]);
            case "Deleting image" -> images.size() == 1 ? commands.deleteImages(List.of(images.get(0)[0])) : "";
            // "Restoring snapshot" names the instance only, not the snapshot: no clear command.
            default -> "";
        };
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
