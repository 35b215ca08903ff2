package dev.hako.ui.volumes;

import dev.hako.lxd.ServerKind;
import dev.hako.model.NameRules;
import dev.hako.model.PoolVolume;
import dev.hako.model.volumes.VolumeCommands;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Renaming a custom volume in its pool ({@code lxc storage volume rename}): the name
 * rules, not taken in the pool, and not while a running instance uses the volume (the
 * server refuses that with "Volume is still in use by running instances").
 */
public final class VolumeRenameViewModel extends VolumeForm {

    /** Renames (blocking); {@code VolumeJobs::rename} in the application. */
    @FunctionalInterface
    public interface Renamer {
        void rename(String pool, String volume, String newName) throws Exception;
    }

    private final PoolVolume volume;
    private final Set<String> taken;
    private final List<String> runningUsers;
    private final Renamer renamer;
    private final StringProperty newName;

    /** {@code taken}: the pool's custom volume names; {@code running}: the remote's running instances. */
    public VolumeRenameViewModel(I18n i18n, TaskExecutor tasks, DialogService dialogs, ServerKind kind, String remote,
                                 PoolVolume volume, Set<String> taken, Set<String> running, Renamer renamer) {
        super(i18n, tasks, dialogs, kind, remote);
        this.volume = volume;
        this.taken = Set.copyOf(taken);
        this.runningUsers = instancesIn(volume.volume().usedBy()).stream().filter(running::contains).toList();
        this.renamer = renamer;
        this.newName = new SimpleStringProperty(this, "newName", volume.volume().name());
        watch(newName);
    }

    public PoolVolume volume() {
        return volume;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    @Override
    protected Optional<String> findProblem() {
        if (!runningUsers.isEmpty()) {
            return Optional.of(i18n.format("volumes.inUseRunning", volume.volume().name(),
                    String.join(", ", runningUsers)));
        }
        String name = newName.get().trim();
        if (name.equals(volume.volume().name())) {
            return Optional.of(i18n.get("volumes.rename.same"));
        }
        Optional<NameRules.Problem> bad = NameRules.check(name);
        if (bad.isPresent()) {
            return Optional.of(i18n.get(bad.get().messageKey));
        }
        if (taken.contains(name)) {
            return Optional.of(i18n.format("volumes.nameTaken", volume.pool(), name));
        }
        return Optional.empty();
    }

    @Override
    protected String commandLine() {
        return VolumeCommands.rename(kind, remote, volume.pool(), volume.volume().name(), newName.get().trim());
    }

    public void rename(Runnable reopen) {
        String from = volume.volume().name();
        String to = newName.get().trim();
        submit(i18n.format("volumes.rename.failed", from, to), () -> renamer.rename(volume.pool(), from, to), reopen);
    }
}
