package dev.hako.ui.images;

import dev.hako.lxd.BackupSet;
import dev.hako.lxd.InstanceBackups;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.Transfer;
import dev.hako.lxd.VolumeBackups;
import dev.hako.lxd.api.Backup;
import dev.hako.model.NameRules;
import dev.hako.model.RemoteModel;
import dev.hako.ui.actions.ActionContext;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.LatestTask;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The server-side backups of one object (an instance or a custom volume): the list,
 * read when asked and after each change, the selection, and create, export to a host
 * file and delete.
 */
final class BackupsViewModel {

    /** Compression choices the CLI offers; the first means the server's default. */
    static final List<String> COMPRESSIONS = List.of("", "gzip", "zstd", "xz", "bzip2", "lz4", "none");

    /**
     * Runs a transfer with progress and Cancel (the transfer window; at once in tests);
     * {@code failed} is the headline of its failure.
     */
    interface Transfers {
        <T> void run(Supplier<String> title, Supplier<String> failed, long total, boolean upload,
                     Function<Transfer, T> work, Consumer<T> onSuccess);
    }

    /** What a new backup is asked for; {@code name} null lets the server pick one. */
    record NewBackup(String name, boolean withoutSnapshots, boolean optimized, String compression) {
    }

    private final ActionContext context;
    private final I18n i18n;
    private final Transfers transfers;
    private final RemoteModel remote;
    private final String owner;
    private final Function<LxdClient, BackupSet<?>> server;
    private final LatestTask loading;
    private final ObservableList<Backup> backups = FXCollections.observableArrayList();
    private final ObjectProperty<Backup> selected = new SimpleObjectProperty<>(this, "selected");

    /** {@code owner} names the object in headers and file names. */
    BackupsViewModel(ActionContext context, Transfers transfers, RemoteModel remote, String owner,
                     Function<LxdClient, BackupSet<?>> server) {
        this.context = context;
        this.i18n = context.i18n();
        this.transfers = transfers;
        this.remote = remote;
        this.owner = owner;
        this.server = server;
        this.loading = new LatestTask(context.tasks());
    }

    /** The backups of an instance. */
    static BackupsViewModel ofInstance(ActionContext context, Transfers transfers, RemoteModel remote,
                                       String instance) {
        return new BackupsViewModel(context, transfers, remote, instance,
                client -> InstanceBackups.of(client).backupsOf(instance));
    }

    /** The backups of a custom volume. */
    static BackupsViewModel ofVolume(ActionContext context, Transfers transfers, RemoteModel remote, String pool,
                                     String volume) {
        return new BackupsViewModel(context, transfers, remote, volume,
                client -> VolumeBackups.of(client).backupsOf(pool, volume));
    }

    ObservableList<Backup> backups() {
        return backups;
    }

    ObjectProperty<Backup> selectedProperty() {
        return selected;
    }

    BooleanBinding nothingSelected() {
        return selected.isNull();
    }

    String owner() {
        return owner;
    }

    DialogService dialogs() {
        return context.dialogs();
    }

    /** The problem with a new backup's name (blank is fine: the server picks one), or null. */
    String nameProblem(String text) {
        return text.isBlank() ? null : NameRules.check(text.trim()).map(p -> i18n.get(p.messageKey)).orElse(null);
    }

    /** The file name offered for an export. */
    String suggestedFile(Backup backup) {
        return owner + "-" + backup.shortName() + ".tar.gz";
    }

    /** Reads the list again; a failure leaves it empty (the tab has nothing to act on then). */
    void reload() {
        LxdClient client = remote.client();
        if (client == null) {
            return;
        }
        String keep = selected.get() == null ? null : selected.get().shortName();
        loading.run(BackgroundTask.of(progress -> List.<Backup>copyOf(server.apply(client).list()))
                .onSuccess(list -> {
                    backups.setAll(list);
                    selected.set(list.stream().filter(b -> b.shortName().equals(keep)).findFirst().orElse(null));
                })
                .onFailure(failure -> backups.clear()));
    }

    void create(NewBackup request) {
        LxdClient client = context.clientOf(remote);
        if (client != null) {
            context.perform(i18n.format("backups.create.failed", owner), () -> server.apply(client).create(request.name(),
                    request.withoutSnapshots(), request.optimized(), request.compression(), null)
                    .awaitSuccess(ImageActions.OPERATION_TIMEOUT), this::reload);
        }
    }

    void export(Backup backup, Path target) {
        LxdClient client = context.clientOf(remote);
        if (client == null) {
            return;
        }
        Path path = target.toAbsolutePath();
        transfers.run(() -> i18n.format("backups.export.progress", backup.shortName(), path.getFileName()),
                () -> i18n.format("backups.export.failed", backup.shortName(), owner, path), 0, false, t -> {
                    server.apply(client).export(backup.shortName(), path, t);
                    return path;
                }, done -> context.dialogs().inform(i18n.get("backups.export.done"), done.toString()));
    }

    /** Deletes after asking. */
    void delete(Backup backup) {
        LxdClient client = context.clientOf(remote);
        if (client != null && context.dialogs().confirm(i18n.get("backups.delete"),
                i18n.format("backups.delete.confirm", backup.shortName(), owner))) {
            context.perform(i18n.format("backups.delete.failed", backup.shortName(), owner),
                    () -> server.apply(client).delete(backup.shortName()).awaitSuccess(ImageActions.OPERATION_TIMEOUT),
                    this::reload);
        }
    }
}
