package dev.hako.ui.volumes;

import dev.hako.lxd.ServerKind;
import dev.hako.model.volumes.VolumeCommands;
import dev.hako.model.volumes.VolumeDisk;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Detaching a custom volume ({@code lxc storage volume detach}): one of the instance's own
 * disk devices that point at custom volumes.
 */
public final class DetachVolumeViewModel extends VolumeForm {

    /** Removes the device (blocking); {@code VolumeJobs::detach} in the application. */
    @FunctionalInterface
    public interface Detacher {
        void detach(String instance, String device) throws Exception;
    }

    private final String instance;
    private final List<VolumeDisk> disks;
    private final Detacher detacher;
    private final ObjectProperty<VolumeDisk> disk = new SimpleObjectProperty<>(this, "disk");

    public DetachVolumeViewModel(I18n i18n, TaskExecutor tasks, DialogService dialogs, ServerKind kind, String remote,
                                 String instance, List<VolumeDisk> disks, Detacher detacher) {
        super(i18n, tasks, dialogs, kind, remote);
        this.instance = instance;
        this.disks = List.copyOf(disks);
        this.detacher = detacher;
        if (this.disks.size() == 1) {
            disk.set(this.disks.get(0));
        }
        watch(disk);
    }

    public String instance() {
        return instance;
    }

    public List<VolumeDisk> disks() {
        return disks;
    }

    public ObjectProperty<VolumeDisk> diskProperty() {
        return disk;
    }

    @Override
    protected Optional<String> findProblem() {
        if (disks.isEmpty()) {
            return Optional.of(i18n.format("volumes.detach.none", instance));
        }
        return disk.get() == null ? Optional.of(i18n.get("volumes.detach.choose")) : Optional.empty();
    }

    @Override
    protected String commandLine() {
        return VolumeCommands.detach(kind, remote, instance, disk.get());
    }

    public void detach(Runnable reopen) {
        VolumeDisk chosen = disk.get();
        if (chosen == null) {
            return;
        }
        submit(i18n.format("volumes.detach.failed", chosen.volume(), instance),
                () -> detacher.detach(instance, chosen.device()), reopen);
    }
}
