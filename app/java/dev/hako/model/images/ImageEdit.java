package dev.hako.model.images;

import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.ImagePut;
import dev.hako.model.CommandLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A change to an image's editable part: what it was when read ({@code base}) and what the
 * user wants ({@code draft}). Knows the CLI commands that make the same change, and how to
 * lay the user's change over a newer server version so that another client's change to
 * fields the user did not touch survives.
 */
public record ImageEdit(ImagePut base, ImagePut draft) {

    public ImageEdit {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(draft, "draft");
    }

    public boolean changed() {
        return !propertiesOf(base).equals(propertiesOf(draft)) || base.isPublic() != draft.isPublic()
                || base.autoUpdate() != draft.autoUpdate();
    }

    /**
     * The user's change laid over {@code newer} (what the server holds now): the properties
     * and flags the user changed take the user's value, everything else the server's.
     */
    public ImagePut over(ImagePut newer) {
        Map<String, String> before = propertiesOf(base);
        Map<String, String> wanted = propertiesOf(draft);
        Map<String, String> merged = new LinkedHashMap<>(propertiesOf(newer));
        before.keySet().stream().filter(k -> !wanted.containsKey(k)).forEach(merged::remove);
        wanted.forEach((key, value) -> {
            if (!value.equals(before.get(key))) {
                merged.put(key, value);
            }
        });
        boolean isPublic = base.isPublic() != draft.isPublic() ? draft.isPublic() : newer.isPublic();
        boolean autoUpdate = base.autoUpdate() != draft.autoUpdate() ? draft.autoUpdate() : newer.autoUpdate();
        return new ImagePut(autoUpdate, merged, isPublic, newer.expiresAt(), newer.profiles());
    }

    /**
     * The commands of the CLI for servers of {@code kind}: {@code set-property} and
     * {@code unset-property} per property; the flags have no command of their own, so
     * {@code image edit} is named with what to change there.
     */
    public List<String> commands(ServerKind kind, String project, String fingerprint) {
        List<String> lines = new ArrayList<>();
        Map<String, String> before = propertiesOf(base);
        Map<String, String> wanted = propertiesOf(draft);
        wanted.forEach((key, value) -> {
            if (!value.equals(before.get(key))) {
                lines.add(command(kind, project, "set-property", fingerprint).add(key, value).toString());
            }
        });
        before.keySet().stream().filter(k -> !wanted.containsKey(k)).forEach(key ->
                lines.add(command(kind, project, "unset-property", fingerprint).add(key).toString()));
        List<String> flags = new ArrayList<>();
        if (base.isPublic() != draft.isPublic()) {
            flags.add("public: " + draft.isPublic());
        }
        if (base.autoUpdate() != draft.autoUpdate()) {
            flags.add("auto_update: " + draft.autoUpdate());
        }
        if (!flags.isEmpty()) {
            lines.add("# " + command(kind, project, "edit", fingerprint) + "   (" + String.join(", ", flags) + ")");
        }
        return lines;
    }

    /** {@code lxc image refresh <fingerprint>}. */
    public static String refreshCommand(ServerKind kind, String project, String fingerprint) {
        return command(kind, project, "refresh", fingerprint).toString();
    }

    private static CommandLine command(ServerKind kind, String project, String verb, String fingerprint) {
        CommandLine line = CommandLine.of(kind).add("image", verb, fingerprint);
        return project == null || project.isEmpty() || "default".equals(project) ? line
                : line.option("--project", project);
    }

    private static Map<String, String> propertiesOf(ImagePut put) {
        return put.properties() == null ? Map.of() : put.properties();
    }
}
