package dev.hako.ui.volumes;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.UnreachableException;
import dev.hako.lxd.api.Instance;
import dev.hako.model.PoolVolume;
import dev.hako.model.RemoteModel;
import dev.hako.model.volumes.VolumeDisk;
import dev.hako.model.volumes.VolumeJobs;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.TaskExecutor;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The custom-volume actions of the context menus: attach (from the volume, choosing the
 * instance, or from the instance, choosing the volume), detach, rename, resize, copy and
 * move. Each reads what its checks need from the remote's model and opens its form.
 */
public final class VolumeActions {

    private final TaskExecutor tasks;
    private final DialogService dialogs;

    public VolumeActions(TaskExecutor tasks, DialogService dialogs) {
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    private LxdClient client(RemoteModel remote) {
        LxdClient client = remote.client();
        if (client == null) {
            dialogs.showError(dialogs.i18n().format("action.notConnected", remote.name()),
                    new UnreachableException(remote.name(), null));
        }
        return client;
    }

    /** The instance as the model has it now (the menu's copy may be older). */
    private static Instance fresh(RemoteModel remote, Instance instance) {
        Instance now = remote.instances().snapshot().get(instance.name());
        return now == null ? instance : now;
    }

    private static Set<String> running(RemoteModel remote) {
        return remote.instances().snapshot().values().stream().filter(Instance::running).map(Instance::name)
                .collect(Collectors.toSet());
    }

    private static Set<String> customNamesIn(RemoteModel remote, String pool) {
        return remote.volumes().snapshot().values().stream()
                .filter(v -> v.pool().equals(pool) && "custom".equals(v.volume().type()))
                .map(v -> v.volume().name()).collect(Collectors.toSet());
    }

    public void attachVolume(RemoteModel remote, PoolVolume volume) {
        LxdClient client = client(remote);
        if (client == null) {
            return;
        }
        List<Instance> instances = remote.instances().snapshot().values().stream()
                .sorted(Comparator.comparing(Instance::name)).toList();
        AttachVolumeViewModel model = new AttachVolumeViewModel(dialogs.i18n(), tasks, dialogs, client.kind(),
                instances, List.of(volume), new VolumeJobs(client)::attach);
        AttachVolumeDialog.showAttach(dialogs, model, client.kind().cli(), dialogs.i18n().format(
                "volumes.attach.headerVolume", volume.volume().name(), volume.pool()));
    }

    public void attachToInstance(RemoteModel remote, Instance instance) {
        LxdClient client = client(remote);
        if (client == null) {
            return;
        }
        List<PoolVolume> volumes = remote.volumes().snapshot().values().stream()
                .filter(v -> "custom".equals(v.volume().type()))
                .sorted(Comparator.comparing(PoolVolume::key)).toList();
        AttachVolumeViewModel model = new AttachVolumeViewModel(dialogs.i18n(), tasks, dialogs, client.kind(),
                List.of(fresh(remote, instance)), volumes, new VolumeJobs(client)::attach);
        AttachVolumeDialog.showAttach(dialogs, model, client.kind().cli(), dialogs.i18n().format(
                "volumes.attach.headerInstance", instance.name()));
    }

    public void detachFromInstance(RemoteModel remote, Instance instance) {
        LxdClient client = client(remote);
        if (client == null) {
            return;
        }
        DetachVolumeViewModel model = new DetachVolumeViewModel(dialogs.i18n(), tasks, dialogs, client.kind(),
                instance.name(), VolumeDisk.of(fresh(remote, instance)), new VolumeJobs(client)::detach);
        AttachVolumeDialog.showDetach(dialogs, model, client.kind().cli());
    }

    public void rename(RemoteModel remote, PoolVolume volume) {
        LxdClient client = client(remote);
        if (client == null) {
            return;
        }
        VolumeDialogs.showRename(dialogs, new VolumeRenameViewModel(dialogs.i18n(), tasks, dialogs, client.kind(),
                volume, customNamesIn(remote, volume.pool()), running(remote), new VolumeJobs(client)::rename),
                client.kind().cli());
    }

    public void resize(RemoteModel remote, PoolVolume volume) {
        LxdClient client = client(remote);
        if (client == null) {
            return;
        }
        VolumeJobs jobs = new VolumeJobs(client);
        VolumeResizeViewModel model = new VolumeResizeViewModel(dialogs.i18n(), tasks, dialogs, client.kind(),
                volume, jobs::resize);
        model.readUsage(jobs::used);
        VolumeDialogs.showResize(dialogs, model, client.kind().cli());
    }

    /** Copies ({@code move} false) or moves the volume to a pool. */
    public void copyOrMove(RemoteModel remote, PoolVolume volume, boolean move) {
        LxdClient client = client(remote);
        if (client == null) {
            return;
        }
        List<String> pools = remote.storagePools().snapshot().keySet().stream().sorted().toList();
        VolumeDialogs.showCopy(dialogs, new VolumeCopyViewModel(dialogs.i18n(), tasks, dialogs, client.kind(), move,
                volume, pools, pool -> customNamesIn(remote, pool), running(remote),
                new VolumeJobs(client)::copyOrMove), client.kind().cli());
    }
}
