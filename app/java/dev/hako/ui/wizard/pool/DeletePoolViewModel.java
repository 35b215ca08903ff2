package dev.hako.ui.wizard.pool;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.UnreachableException;
import dev.hako.model.RemoteModel;
import dev.hako.model.pool.PoolUsage;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Deleting a pool: what still uses it, what the user agreed to clear first (profile
 * devices, custom volumes — each only after its own box is ticked), and the pool's
 * name typed to confirm. Instances and other users block it: then nothing is sent.
 */
public final class DeletePoolViewModel {

    /** Clears what was agreed to, then deletes the pool (blocking); {@link PoolUsage#clearAndDelete} in the app. */
    @FunctionalInterface
    public interface Deleter {
        void delete(List<String> profiles, List<String> volumes) throws Exception;
    }

    private final I18n i18n;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final PoolUsage usage;
    private final Deleter deleter;
    private final BooleanProperty clearProfiles = new SimpleBooleanProperty(this, "clearProfiles");
    private final BooleanProperty clearVolumes = new SimpleBooleanProperty(this, "clearVolumes");
    private final StringProperty typedName = new SimpleStringProperty(this, "typedName", "");
    private final BooleanBinding invalid;

    public DeletePoolViewModel(I18n i18n, TaskExecutor tasks, DialogService dialogs, PoolUsage usage,
                               Deleter deleter) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.usage = usage;
        this.deleter = deleter;
        this.invalid = Bindings.createBooleanBinding(() -> usage.blocked()
                || !typedName.get().trim().equals(usage.pool())
                || !usage.profiles().isEmpty() && !clearProfiles.get()
                || !usage.volumes().isEmpty() && !clearVolumes.get(), typedName, clearProfiles, clearVolumes);
    }

    /**
     * Reads what uses the pool now, then hands the view model to {@code ask}; says why when
     * the remote is not connected or the pool cannot be read.
     */
    public static void load(TaskExecutor tasks, DialogService dialogs, RemoteModel remote, String pool,
                            Consumer<DeletePoolViewModel> ask) {
        I18n i18n = dialogs.i18n();
        LxdClient client = remote.client();
        String headline = i18n.format("pool.deleteFailed", pool);
        if (client == null) {
            dialogs.showError(headline, new UnreachableException(remote.name(), null));
            return;
        }
        tasks.execute(BackgroundTask.of(progress -> PoolUsage.of(pool, client.storage().pool(pool).value().usedBy()))
                .onSuccess(usage -> ask.accept(new DeletePoolViewModel(i18n, tasks, dialogs, usage,
                        (profiles, volumes) -> PoolUsage.clearAndDelete(client, pool, profiles, volumes))))
                .onFailure(failure -> dialogs.showError(headline, failure)));
    }

    public PoolUsage usage() {
        return usage;
    }

    public BooleanProperty clearProfilesProperty() {
        return clearProfiles;
    }

    public BooleanProperty clearVolumesProperty() {
        return clearVolumes;
    }

    public StringProperty typedNameProperty() {
        return typedName;
    }

    /** True while Delete must stay disabled. */
    public BooleanBinding invalidProperty() {
        return invalid;
    }

    /** Clears what was agreed to and deletes the pool in the background; a refusal is shown. */
    public void delete() {
        if (invalid.get()) {
            return;
        }
        List<String> profiles = clearProfiles.get() ? usage.profiles() : List.of();
        List<String> volumes = clearVolumes.get() ? usage.volumes() : List.of();
        tasks.execute(BackgroundTask.ofRunnable(() -> deleter.delete(profiles, volumes))
                .onFailure(failure -> dialogs.showError(i18n.format("pool.deleteFailed", usage.pool()), failure)));
    }
}
