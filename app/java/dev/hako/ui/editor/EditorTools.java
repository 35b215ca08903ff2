package dev.hako.ui.editor;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.ServerKind;
import dev.hako.model.RemoteModel;
import dev.hako.model.config.EditTarget;
import java.util.List;
import java.util.Map;

/**
 * The editor toolbar's tools over the view model's draft: the same change as
 * {@code lxc}/{@code incus} commands, the Docker preset and the limits form.
 * Facts about the server come from the remote's connection, without a request.
 */
public final class EditorTools {

    private final ConfigEditorViewModel model;
    private final EditTarget target;
    private final RemoteModel remote;
    private final ConfigCatalog catalog;

    EditorTools(ConfigEditorViewModel model, EditTarget target, RemoteModel remote, ConfigCatalog catalog) {
        this.model = model;
        this.target = target;
        this.remote = remote;
        this.catalog = catalog;
    }

    public void showCli() {
        model.showTool(ConfigEditorState.Overlay.CLI);
    }

    public void showDockerPreset() {
        model.showTool(ConfigEditorState.Overlay.DOCKER);
    }

    public void showLimitsForm() {
        model.showTool(ConfigEditorState.Overlay.LIMITS);
    }

    /**
     * Opens "Forward a port…" for the instance being edited (its own dialog, which writes with
     * the instance's ETag; this editor then reloads or offers a merge as for any change elsewhere).
     */
    public void forwardPort(java.util.function.BiConsumer<RemoteModel, String> open) {
        if (remote != null && model.kind() == dev.hako.model.config.ObjectKind.INSTANCE) {
            open.accept(remote, target.name());
        }
    }

    private LxdClient client() {
        return remote == null ? null : remote.client();
    }

    /** The kind of server, for the CLI's name ({@code lxc} or {@code incus}). */
    public ServerKind serverKind() {
        LxdClient client = client();
        return client == null ? ServerKind.LXD : client.kind();
    }

    /** The commands that make the draft's change with the server's CLI. */
    public List<String> cliCommands() {
        return model.draft() == null || model.loaded() == null ? List.of()
                : target.cliCommands(serverKind(), model.loaded().document(), model.draft());
    }

    /** Whether the server can intercept mknod and setxattr for containers (Docker preset). */
    public boolean interceptAvailable() {
        LxdClient client = client();
        return client != null && client.serverInfo() != null
                && client.serverInfo().hasExtension("container_syscall_intercept");
    }

    /** Applies the Docker preset to the draft; otherwise the problems that keep it from being applied. */
    public List<Problem> applyDockerPreset(Presets.DockerChoice choice) {
        return model.applyPreset(Presets.docker(catalog, model.kind(), model.draft(), choice, interceptAvailable()));
    }

    /** The root disk the limits form sizes: the draft's own, or the inherited one. */
    public Map<String, String> rootDisk() {
        Map<String, String> own = model.draft() == null ? null : model.draft().devices().get("root");
        return own != null || model.loaded() == null ? own : inheritedRoot();
    }

    private Map<String, String> inheritedRoot() {
        return model.loaded() == null ? null : model.loaded().inheritedDevices().get("root");
    }

    /** Applies CPU, memory and root disk limits (empty: no limit); otherwise the problems found. */
    public List<Problem> applyLimits(String cpu, String memory, String disk) {
        return model.applyPreset(Presets.limits(catalog, model.kind(), model.draft(), inheritedRoot(), cpu, memory,
                disk));
    }
}
