package dev.hako.ui.volumes;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.UnreachableException;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.StorageVolume;
import dev.hako.model.PoolVolume;
import dev.hako.model.RemoteModel;
import dev.hako.model.volumes.VolumeDisk;
import dev.hako.model.volumes.VolumeJobs;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
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

    private static Set<String> running(RemoteModel remote) {
        return remote.instances().snapshot().values().stream().filter(Instance::running).map(Instance::name)
                .collect(Collectors.toSet());
    }

    private static Set<String> customNamesIn(RemoteModel remote, String pool) {
        return remote.volumes().snapshot().values().stream()
                .filter(v -> v.pool().equals(pool) && "custom".equals(v.volume().type()))
                .map(v -> v.volume().name()).collect(Collectors.toSet());
    }

    /**
     * Reads what the form checks against from the server, then opens it: the model's copy
     * may lag (attaching changes a volume's {@code used_by} without an event for the volume).
     */
    private <T> void readThen(String what, BackgroundTask.Work<T> read, Consumer<T> open) {
        tasks.execute(BackgroundTask.of(read).onSuccess(open::accept).onFailure(failure -> dialogs.showError(
                dialogs.i18n().format("volumes.readFailed", what), failure)));
    }

    private static PoolVolume fresh(LxdClient client, PoolVolume volume) {
        return new PoolVolume(volume.pool(), client.storage().volume(volume.pool(), "custom",
                volume.volume().name()).value());
    }

    public void attachVolume(RemoteModel remote, PoolVolume volume) {
        LxdClient client = client(remote);
        if (client == null) {
            return;
        }
        record Read(PoolVolume volume, List<Instance> instances) {
        }
        readThen(volume.volume().name(), progress -> new Read(fresh(client, volume), client.instances().list()
                .stream().sorted(Comparator.comparing(Instance::name)).toList()), read -> {
                    AttachVolumeViewModel model = new AttachVolumeViewModel(dialogs.i18n(), tasks, dialogs,
                            client.kind(), remote.name(), read.instances(), List.of(read.volume()),
                            new VolumeJobs(client)::attach);
                    AttachVolumeDialog.showAttach(dialogs, model, client.kind().cli(), dialogs.i18n().format(
                            "volumes.attach.headerVolume", volume.volume().name(), volume.pool()));
                });
    }

    public void attachToInstance(RemoteModel remote, Instance instance) {
        LxdClient client = client(remote);
        if (client == null) {
            return;
        }
        List<String> pools = remote.storagePools().snapshot().keySet().stream().sorted().toList();
        record Read(Instance instance, List<PoolVolume> volumes) {
        }
        readThen(instance.name(), progress -> {
            List<PoolVolume> volumes = new ArrayList<>();
            for (String pool : pools) {
                client.storage().volumes(pool).stream().filter(v -> "custom".equals(v.type()))
                        .sorted(Comparator.comparing(StorageVolume::name))
                        .forEach(v -> volumes.add(new PoolVolume(pool, v)));
            }
            return new Read(client.instances().get(instance.name()).value(), volumes);
        }, read -> {
            AttachVolumeViewModel model = new AttachVolumeViewModel(dialogs.i18n(), tasks, dialogs, client.kind(), remote.name(),
                    List.of(read.instance()), read.volumes(), new VolumeJobs(client)::attach);
            AttachVolumeDialog.showAttach(dialogs, model, client.kind().cli(), dialogs.i18n().format(
                    "volumes.attach.headerInstance", instance.name()));
        });
    }

    public void detachFromInstance(RemoteModel remote, Instance instance) {
        LxdClient client = client(remote);
        if (client == null) {
            return;
        }
        readThen(instance.name(), progress -> client.instances().get(instance.name()).value(), now -> {
            DetachVolumeViewModel model = new DetachVolumeViewModel(dialogs.i18n(), tasks, dialogs, client.kind(), remote.name(),
                    instance.name(), VolumeDisk.of(now), new VolumeJobs(client)::detach);
            AttachVolumeDialog.showDetach(dialogs, model, client.kind().cli());
        });
    }

    public void rename(RemoteModel remote, PoolVolume volume) {
        LxdClient client = client(remote);
        if (client == null) {
            return;
        }
        readThen(volume.volume().name(), progress -> fresh(client, volume), now -> VolumeDialogs.showRename(dialogs,
                new VolumeRenameViewModel(dialogs.i18n(), tasks, dialogs, client.kind(), remote.name(), now,
                        customNamesIn(remote, volume.pool()), running(remote), new VolumeJobs(client)::rename),
                client.kind().cli()));
    }

    public void resize(RemoteModel remote, PoolVolume volume) {
        LxdClient client = client(remote);
        if (client == null) {
            return;
        }
        VolumeJobs jobs = new VolumeJobs(client);
        readThen(volume.volume().name(), progress -> fresh(client, volume), now -> {
            VolumeResizeViewModel model = new VolumeResizeViewModel(dialogs.i18n(), tasks, dialogs, client.kind(), remote.name(),
                    now, jobs::resize);
            model.readUsage(jobs::used);
            VolumeDialogs.showResize(dialogs, model, client.kind().cli());
        });
    }

    /** Copies ({@code move} false) or moves the volume to a pool. */
    public void copyOrMove(RemoteModel remote, PoolVolume volume, boolean move) {
        LxdClient client = client(remote);
        if (client == null) {
            return;
        }
        List<String> pools = remote.storagePools().snapshot().keySet().stream().sorted().toList();
        readThen(volume.volume().name(), progress -> fresh(client, volume), now -> VolumeDialogs.showCopy(dialogs,
                new VolumeCopyViewModel(dialogs.i18n(), tasks, dialogs, client.kind(), remote.name(), move, now, pools,
                        pool -> customNamesIn(remote, pool), running(remote), new VolumeJobs(client)::copyOrMove),
                client.kind().cli()));
    }
}
