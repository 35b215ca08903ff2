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
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Copying or moving a custom volume to a pool under a name ({@code lxc storage volume
 * copy|move pool/vol pool2/vol2}): the name rules, a name free in the target pool, not
 * onto itself, and, for a move, no running instance using the volume (the server refuses
 * that; the form says so before anything is sent).
 */
public final class VolumeCopyViewModel extends VolumeForm {

    /** Copies or moves and waits (blocking); {@code VolumeJobs::copyOrMove} in the application. */
    @FunctionalInterface
    public interface Transfer {
        void run(boolean move, String pool, String volume, String targetPool, String newName) throws Exception;
    }

    private final boolean move;
    private final PoolVolume volume;
    private final List<String> pools;
    private final Function<String, Set<String>> namesIn;
    private final List<String> runningUsers;
    private final Transfer transfer;
    private final ObjectProperty<String> targetPool = new SimpleObjectProperty<>(this, "targetPool");
    private final StringProperty newName;

    /**
     * {@code pools}: the remote's pools; {@code namesIn}: a pool's custom volume names;
     * {@code running}: the remote's running instances.
     */
    public VolumeCopyViewModel(I18n i18n, TaskExecutor tasks, DialogService dialogs, ServerKind kind, String remote, boolean move,
                               PoolVolume volume, List<String> pools, Function<String, Set<String>> namesIn,
                               Set<String> running, Transfer transfer) {
        super(i18n, tasks, dialogs, kind, remote);
        this.move = move;
        this.volume = volume;
        this.pools = List.copyOf(pools);
        this.namesIn = namesIn;
        this.runningUsers = instancesIn(volume.volume().usedBy()).stream().filter(running::contains).toList();
        this.transfer = transfer;
        this.newName = new SimpleStringProperty(this, "newName", volume.volume().name());
        // Another pool first: copying or moving within the pool needs a new name.
        targetPool.set(this.pools.stream().filter(p -> !p.equals(volume.pool())).findFirst().orElse(volume.pool()));
        watch(targetPool, newName);
    }

    public boolean move() {
        return move;
    }

    public PoolVolume volume() {
        return volume;
    }

    public List<String> pools() {
        return pools;
    }

    public ObjectProperty<String> targetPoolProperty() {
        return targetPool;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    @Override
    protected Optional<String> findProblem() {
        if (move && !runningUsers.isEmpty()) {
            return Optional.of(i18n.format("volumes.inUseRunning", volume.volume().name(),
                    String.join(", ", runningUsers)));
        }
        String pool = targetPool.get();
        if (pool == null) {
            return Optional.of(i18n.get("volumes.copy.choosePool"));
        }
        String name = newName.get().trim();
        Optional<NameRules.Problem> bad = NameRules.check(name);
        if (bad.isPresent()) {
            return Optional.of(i18n.get(bad.get().messageKey));
        }
        if (pool.equals(volume.pool()) && name.equals(volume.volume().name())) {
            return Optional.of(i18n.get("volumes.copy.same"));
        }
        if (namesIn.apply(pool).contains(name)) {
            return Optional.of(i18n.format("volumes.nameTaken", pool, name));
        }
        return Optional.empty();
    }

    @Override
    protected String commandLine() {
        return VolumeCommands.copyOrMove(kind, remote, move, volume.pool(), volume.volume().name(), targetPool.get(),
                newName.get().trim());
    }

    public void run(Runnable reopen) {
        String pool = targetPool.get();
        String name = newName.get().trim();
        String from = volume.pool() + "/" + volume.volume().name();
        String to = pool + "/" + name;
        submit(move ? i18n.format("volumes.move.failed", from, to) : i18n.format("volumes.copy.failed", from, to),
                () -> transfer.run(move, volume.pool(), volume.volume().name(), pool, name), reopen);
    }
}
