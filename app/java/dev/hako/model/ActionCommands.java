package dev.hako.model;

import dev.hako.lxd.ServerKind;
import java.util.List;

/**
 * The {@code lxc}/{@code incus} command line that does what an action of the window does, for
 * the user to read and copy: objects are named {@code remote:name} the way the CLI names them,
 * and a remote working in a project other than the default gets {@code --project}.
 * Where the two CLIs differ (snapshots, resuming a frozen instance), each gets its own words.
 */
public final class ActionCommands {

    private final ServerKind kind;
    private final String remote;
    private final String project;

    /** Commands for objects of {@code remote}, a server of {@code kind} used in {@code project} (null: default). */
    public ActionCommands(ServerKind kind, String remote, String project) {
        this.kind = kind;
        this.remote = remote;
        this.project = project == null || project.isBlank() || "default".equals(project) ? null : project;
    }

    /** The CLI these commands are for ({@code lxc} or {@code incus}). */
    public String program() {
        return kind.cli();
    }

    /** {@code remote:name}, as the CLI names an object of another remote. */
    public String ref(String name) {
        return remote + ":" + name;
    }

    private CommandLine line(String... words) {
        return CommandLine.of(kind).add(words);
    }

    private String done(CommandLine line) {
        return line.option("--project", project).toString();
    }

    private CommandLine withRefs(CommandLine line, List<String> names) {
        names.forEach(name -> line.add(ref(name)));
        return line;
    }

    // ---- instances ----

    public String start(List<String> instances) {
        return done(withRefs(line("start"), instances));
    }

    /** {@code timeout} in seconds, or null for the server's default; {@code force} kills at once. */
    public String stop(List<String> instances, Integer timeout, boolean force) {
        return done(stopOptions(withRefs(line("stop"), instances), timeout, force));
    }

    public String restart(List<String> instances, Integer timeout, boolean force) {
        return done(stopOptions(withRefs(line("restart"), instances), timeout, force));
    }

    private static CommandLine stopOptions(CommandLine line, Integer timeout, boolean force) {
        return line.flag("--force", force).option("--timeout", force || timeout == null ? null : timeout.toString());
    }

    public String freeze(List<String> instances) {
        return done(withRefs(line("pause"), instances));
    }

    /** LXD resumes a frozen instance with {@code start}; Incus has {@code resume}. */
    public String unfreeze(List<String> instances) {
        return done(withRefs(line(kind == ServerKind.INCUS ? "resume" : "start"), instances));
    }

    /** {@code force} deletes running instances too (they are stopped first). */
    public String delete(List<String> instances, boolean force) {
        return done(withRefs(line("delete"), instances).flag("--force", force));
    }

    public String rename(String instance, String newName) {
        return done(line("rename", ref(instance), newName));
    }

    /** A copy on the same remote; {@code instanceOnly} leaves the snapshots behind. */
    public String copy(String instance, String newName, boolean instanceOnly) {
        return done(line("copy", ref(instance), ref(newName)).flag("--instance-only", instanceOnly));
    }

    // ---- snapshots ----

    /** {@code name} null or blank lets the server choose one. */
    public String snapshot(String instance, String name, boolean stateful) {
        CommandLine line = kind == ServerKind.INCUS ? line("snapshot", "create", ref(instance))
                : line("snapshot", ref(instance));
        if (name != null && !name.isBlank()) {
            line.add(name);
        }
        return done(line.flag("--stateful", stateful));
    }

    public String restoreSnapshot(String instance, String snapshot) {
        return done(kind == ServerKind.INCUS ? line("snapshot", "restore", ref(instance), snapshot)
                : line("restore", ref(instance), snapshot));
    }

    public String deleteSnapshot(String instance, String snapshot) {
        return done(kind == ServerKind.INCUS ? line("snapshot", "delete", ref(instance), snapshot)
                : line("delete", ref(instance + "/" + snapshot)));
    }

    public String renameSnapshot(String instance, String snapshot, String newName) {
        return done(kind == ServerKind.INCUS ? line("snapshot", "rename", ref(instance), snapshot, newName)
                : line("rename", ref(instance + "/" + snapshot), instance + "/" + newName));
    }

    /** A new instance from {@code instance/snapshot} on the same remote. */
    public String copySnapshot(String instance, String snapshot, String newName) {
        return done(line("copy", ref(instance + "/" + snapshot), ref(newName)));
    }

    // ---- images ----

    public String deleteImages(List<String> fingerprints) {
        return done(withRefs(line("image", "delete"), fingerprints));
    }

    public String createAlias(String alias, String fingerprint) {
        return done(line("image", "alias", "create", ref(alias), fingerprint));
    }

    public String renameAlias(String alias, String newName) {
        return done(line("image", "alias", "rename", ref(alias), newName));
    }

    public String deleteAlias(String alias) {
        return done(line("image", "alias", "delete", ref(alias)));
    }

    /** The CLI adds the file's extension itself, so the target is named without it. */
    public String exportImage(String fingerprint, String target) {
        String base = target.replaceFirst("\\.(tar\\.(gz|xz|bz2|zst|lzma)|tar|squashfs|qcow2)$", "");
        return done(line("image", "export", ref(fingerprint), base));
    }

    /** A copy into {@code targetRemote}'s store; aliases named one by one, as the CLI takes them. */
    public String copyImage(String fingerprint, String targetRemote, List<String> aliases, boolean autoUpdate) {
        CommandLine line = line("image", "copy", ref(fingerprint), targetRemote + ":");
        aliases.forEach(alias -> line.add("--alias", alias));
        return done(line.flag("--auto-update", autoUpdate));
    }

    /** An image from an instance, or from {@code instance/snapshot}. */
    public String publish(String source, List<String> aliases, boolean isPublic, List<String> properties) {
        CommandLine line = line("publish", ref(source), remote + ":");
        aliases.forEach(alias -> line.add("--alias", alias));
        line.flag("--public", isPublic);
        properties.forEach(line::add);
        return done(line);
    }

    /** {@code rootfs} null for a unified tarball. */
    public String importImage(String file, String rootfs, List<String> aliases, boolean isPublic,
                              List<String> properties) {
        CommandLine line = line("image", "import", file);
        if (rootfs != null) {
            line.add(rootfs);
        }
        line.add(remote + ":");
        aliases.forEach(alias -> line.add("--alias", alias));
        line.flag("--public", isPublic);
        properties.forEach(line::add);
        return done(line);
    }

    // ---- profiles ----

    public String createProfile(String name) {
        return done(line("profile", "create", ref(name)));
    }

    public String copyProfile(String profile, String newName) {
        return done(line("profile", "copy", ref(profile), ref(newName)));
    }

    public String renameProfile(String profile, String newName) {
        return done(line("profile", "rename", ref(profile), newName));
    }

    public String deleteProfile(String profile) {
        return done(line("profile", "delete", ref(profile)));
    }

    // ---- networks ----

    public String deleteNetwork(String network) {
        return done(line("network", "delete", ref(network)));
    }

    // ---- remotes ----

    /**
     * {@code lxc remote add name address}. A token is a secret: it stands as {@code <token>} for the
     * user to paste over. With an address, the CLI itself shows the server's fingerprint and asks
     * for the password when one is needed, so neither is on the line. {@code kind} null (not
     * known yet, or an image server, which serves both) is taken as LXD's {@code lxc}.
     */
    public static String addRemote(ServerKind kind, String name, String address, boolean imageServer, boolean token) {
        CommandLine line = CommandLine.of(kind == null ? ServerKind.LXD : kind).add("remote", "add", name,
                token && !imageServer ? "<token>" : address);
        return (imageServer ? line.add("--protocol=simplestreams", "--public") : line).toString();
    }
}
