package dev.hako.ui.images;

import dev.hako.lxd.api.StoragePool;
import dev.hako.model.RemoteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The storage pools a backup import offers for one remote, and which is chosen first.
 * An instance backup may also keep the pool named in the backup (the first choice); a
 * volume always goes to the pool it is sent to.
 */
final class BackupImportPools {

    private final boolean volume;
    private final String fromBackup;
    private final List<String> choices = new ArrayList<>();
    private int preselected = -1;

    /** {@code fromBackup} labels the "as in the backup" choice of an instance backup. */
    BackupImportPools(boolean volume, String fromBackup) {
        this.volume = volume;
        this.fromBackup = fromBackup;
    }

    /** The pools of {@code remote}, from its live collection. */
    void offer(RemoteModel remote, String initialPool) {
        offer(remote.storagePools().snapshot().values().stream().map(StoragePool::name).toList(), initialPool);
    }

    /**
     * Offers {@code pools}; {@code initialPool} (may be null) is chosen when present, else
     * {@code default}. A concrete pool rather than the backup's own by default: without one,
     * Incus restores an instance whose root disk may come only from a profile, and it then
     * cannot start ("Instance storage pool not found").
     */
    void offer(Collection<String> pools, String initialPool) {
        choices.clear();
        if (!volume) {
            choices.add(fromBackup);
        }
        pools.stream().sorted().forEach(choices::add);
        int chosen = initialPool == null ? -1 : choices.indexOf(initialPool);
        int preferred = chosen >= 0 ? chosen : choices.indexOf("default");
        preselected = preferred >= 0 && (volume || preferred > 0) ? preferred
                : Math.min(volume ? 0 : 1, choices.size() - 1);
    }

    List<String> choices() {
        return List.copyOf(choices);
    }

    /** The index chosen first (-1: none). */
    int preselected() {
        return preselected;
    }

    /** The pool to send for the choice at {@code index}; null keeps the backup's own. */
    String poolOf(int index) {
        if (index < 0 || index >= choices.size() || !volume && index == 0) {
            return null;
        }
        return choices.get(index);
    }
}
