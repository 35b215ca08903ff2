package dev.hako.ui.images;

import dev.hako.lxd.ImageTransfers;
import dev.hako.lxd.InstanceBackups;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.VolumeBackups;
import dev.hako.lxd.api.Image;
import dev.hako.lxd.api.StoragePool;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.ui.actions.ActionContext;
import dev.hako.ui.common.Dialogs;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/**
 * Images in and out of servers: import from host files, export to a host file,
 * publish an instance or snapshot, and import an instance backup file.
 */
public final class ImageActions {

    static final Duration OPERATION_TIMEOUT = Duration.ofMinutes(30);

    private final Supplier<Window> owner;
    private final I18n i18n;
    private final Workspace workspace;

    public ImageActions(ActionContext context) {
        this(context::owner, context.i18n(), context.workspace());
    }

    public ImageActions(Supplier<Window> owner, I18n i18n, Workspace workspace) {
        this.owner = owner;
        this.i18n = i18n;
        this.workspace = workspace;
    }

    I18n i18n() {
        return i18n;
    }

    Window owner() {
        return owner.get();
    }

    /** The connected client, or null after saying the remote is offline. */
    LxdClient clientOf(RemoteModel remote) {
        LxdClient client = remote.client();
        if (client == null) {
            Dialogs.showError(owner(), i18n, i18n.format("action.reachRemote", remote.name()),
                    new dev.hako.lxd.UnreachableException(remote.name(), null));
        }
        return client;
    }

    /** Runs a server call in the background; failures are shown with the server's words. */
    void perform(String action, Runnable work, Runnable onSuccess) {
        TaskRunner.run(work, onSuccess, failure -> Dialogs.showError(owner(), i18n, action, failure));
    }

    // ---- import ----

    public void importImage(RemoteModel remote) {
        LxdClient client = clientOf(remote);
        if (client == null) {
            return;
        }
        String title = i18n.get("images.import");
        FormDialog form = new FormDialog(owner(), i18n, title, i18n.format("images.import.header", remote.name()));
        TextField file = form.file("images.import.file", "imageFile", false, null);
        TextField rootfs = form.file("images.import.rootfs", "imageRootfs", false, null);
        rootfs.setPromptText(i18n.get("images.import.rootfsPrompt"));
        TextField aliases = form.text("images.aliases", "imageAliases", "", "images.aliasesPrompt");
        TextArea properties = new TextArea();
        properties.setId("imageProperties");
        properties.setPrefRowCount(3);
        properties.setPromptText(i18n.get("images.propertiesPrompt"));
        form.row("images.properties", properties);
        CheckBox isPublic = form.wide(new CheckBox(i18n.get("images.public")));
        isPublic.setId("imagePublic");
        form.check(() -> form.readableFile(file.getText()));
        form.check(() -> rootfs.getText().isBlank() ? null : form.readableFile(rootfs.getText()));
        form.check(() -> form.aliasProblem(aliases.getText()));
        form.check(() -> form.propertiesProblem(properties.getText()));
        if (!form.showAndWait()) {
            return;
        }
        Path first = Path.of(file.getText().trim());
        Path second = rootfs.getText().isBlank() ? null : Path.of(rootfs.getText().trim());
        ImageTransfers.ImageOptions options = new ImageTransfers.ImageOptions(isPublic.isSelected(),
                FormDialog.aliases(aliases.getText()), FormDialog.properties(properties.getText()));
        long total = size(first) + (second == null ? 0 : size(second));
        TransferWindow.run(owner(), i18n, i18n.format("images.import.progress", first.getFileName(), remote.name()),
                total, true, t -> ImageTransfers.of(client).importImage(first, second, options, t),
                fingerprint -> { });
    }

    // ---- export ----

    public void exportImage(RemoteModel remote, Image image) {
        LxdClient client = clientOf(remote);
        if (client == null) {
            return;
        }
        String title = i18n.get("images.export");
        String shortFp = image.fingerprint().substring(0, 12);
        FormDialog form = new FormDialog(owner(), i18n, title, i18n.format("images.export.header", shortFp,
                remote.name()));
        String suggested = image.filename() == null || image.filename().isBlank() ? shortFp + ".tar.gz"
                : image.filename();
        TextField target = form.file("images.export.target", "exportTarget", true, suggested);
        target.setText(Path.of(System.getProperty("user.home"), suggested).toString());
        form.wide(new javafx.scene.control.Label(i18n.get("images.export.note"))).setWrapText(true);
        form.check(() -> form.writableTarget(target.getText()));
        if (!form.showAndWait()) {
            return;
        }
        Path path = Path.of(target.getText().trim()).toAbsolutePath();
        TransferWindow.run(owner(), i18n, i18n.format("images.export.progress", shortFp, path.getFileName()),
                image.size(), false, t -> ImageTransfers.of(client).export(image.fingerprint(), path, t),
                files -> Dialogs.inform(owner(), i18n, i18n.get("images.export.done"),
                        String.join("\n", files.stream().map(Path::toString).toList())));
    }

    // ---- copy ----

    /** Copies an image to another connected remote, through this computer. */
    public void copyImage(RemoteModel remote, Image image) {
        LxdClient client = clientOf(remote);
        if (client == null) {
            return;
        }
        List<RemoteModel> targets = workspace == null ? List.of() : workspace.remotes().stream()
                .filter(r -> r != remote && r.client() != null).toList();
        String title = i18n.get("images.copy");
        if (targets.isEmpty()) {
            Dialogs.inform(owner(), i18n, title, i18n.get("images.copy.noTarget"));
            return;
        }
        String shortFp = image.fingerprint().substring(0, 12);
        FormDialog form = new FormDialog(owner(), i18n, title, i18n.format("images.copy.header", shortFp,
                remote.name()));
        ChoiceBox<RemoteModel> target = remoteChoice("copyTarget", targets, targets.get(0));
        form.row("images.copy.target", target);
        List<String> aliasNames = image.aliases() == null ? List.of()
                : image.aliases().stream().map(Image.ImageAlias::name).toList();
        CheckBox withAliases = form.wide(new CheckBox(i18n.format("images.copy.aliases",
                aliasNames.isEmpty() ? "-" : String.join(", ", aliasNames))));
        withAliases.setSelected(!aliasNames.isEmpty());
        withAliases.setDisable(aliasNames.isEmpty());
        CheckBox autoUpdate = form.wide(new CheckBox(i18n.format("images.copy.autoUpdate", remote.name())));
        autoUpdate.setId("copyAutoUpdate");
        autoUpdate.setWrapText(true);
        autoUpdate.setDisable(!image.isPublic());
        if (!image.isPublic()) {
            form.wide(new javafx.scene.control.Label(i18n.get("images.copy.autoUpdatePrivate"))).setWrapText(true);
        }
        form.wide(new javafx.scene.control.Label(i18n.get("images.copy.note"))).setWrapText(true);
        if (!form.showAndWait()) {
            return;
        }
        boolean follow = autoUpdate.isSelected();
        RemoteModel to = target.getValue();
        LxdClient targetClient = clientOf(to);
        if (targetClient == null) {
            return;
        }
        List<String> aliases = withAliases.isSelected() ? aliasNames : List.of();
        TransferWindow.run(owner(), i18n, i18n.format("images.copy.progress", shortFp, remote.name(), to.name()),
                follow ? 0 : 2 * image.size(), false, t -> ImageTransfers.of(client).copyTo(targetClient,
                        image.fingerprint(), aliases, follow, t), fp -> { });
    }

    // ---- publish ----

    /** Publishes an instance, or one of its snapshots when {@code snapshot} is not null. */
    public void publish(RemoteModel remote, String instance, String snapshot) {
        LxdClient client = clientOf(remote);
        if (client == null) {
            return;
        }
        String source = snapshot == null ? instance : instance + "/" + snapshot;
        String title = i18n.get("images.publish");
        FormDialog form = new FormDialog(owner(), i18n, title, i18n.format("images.publish.header", source));
        TextField aliases = form.text("images.aliases", "publishAliases", "", "images.aliasesPrompt");
        TextArea properties = new TextArea();
        properties.setId("publishProperties");
        properties.setPrefRowCount(3);
        properties.setPromptText(i18n.get("images.propertiesPrompt"));
        form.row("images.properties", properties);
        CheckBox isPublic = form.wide(new CheckBox(i18n.get("images.public")));
        if (snapshot == null) {
            form.wide(new javafx.scene.control.Label(i18n.get("images.publish.stopNote"))).setWrapText(true);
        }
        form.check(() -> form.aliasProblem(aliases.getText()));
        form.check(() -> form.propertiesProblem(properties.getText()));
        if (!form.showAndWait()) {
            return;
        }
        ImageTransfers.ImageOptions options = new ImageTransfers.ImageOptions(isPublic.isSelected(),
                FormDialog.aliases(aliases.getText()), FormDialog.properties(properties.getText()));
        TransferWindow.run(owner(), i18n, i18n.format("images.publish.progress", source), 0, false,
                t -> ImageTransfers.of(client).publish(source, options, t), fp -> { });
    }

    // ---- backups ----

    /** Asks for a backup file, a remote, a pool and a name, and creates a new instance from the file. */
    public void importBackup(RemoteModel initial) {
        importBackupFile(initial, null, false);
    }

    /**
     * Asks for a custom-volume backup file, a remote that supports volume backups, a pool
     * (preselected when given) and a name, and creates a new custom volume from the file.
     */
    public void importVolumeBackup(RemoteModel initial, String initialPool) {
        importBackupFile(initial, initialPool, true);
    }

    private void importBackupFile(RemoteModel initial, String initialPool, boolean volume) {
        List<RemoteModel> remotes = workspace == null ? List.of(initial) : workspace.remotes().stream()
                .filter(r -> r.client() != null && (!volume || VolumeBackups.supportedBy(r.client()))).toList();
        if (remotes.isEmpty() || remotes.get(0).client() == null) {
            clientOf(initial);
            return;
        }
        String prefix = volume ? "backups.volume" : "backups";
        String title = i18n.get(prefix + ".import");
        FormDialog form = new FormDialog(owner(), i18n, title, i18n.get(prefix + ".import.header"));
        TextField file = form.file("backups.import.file", "backupFile", false, null);
        ChoiceBox<RemoteModel> remote = remoteChoice("backupRemote", remotes,
                remotes.contains(initial) ? initial : remotes.get(0));
        form.row("backups.import.remote", remote);
        ChoiceBox<String> pool = new ChoiceBox<>();
        pool.setId("backupPool");
        form.row("backups.import.pool", pool);
        Runnable fillPools = () -> {
            pool.getItems().clear();
            if (!volume) {
                pool.getItems().add(i18n.get("backups.import.poolFromBackup"));
            }
            remote.getValue().storagePools().snapshot().values().stream().map(StoragePool::name).sorted()
                    .forEach(pool.getItems()::add);
            // A concrete pool by default: without one, Incus restores an instance whose root disk may
            // come only from a profile, and it then cannot start ("Instance storage pool not found").
            // A volume always goes to the pool it is sent to.
            int chosen = initialPool != null && remote.getValue() == initial ? pool.getItems().indexOf(initialPool) : -1;
            int preferred = chosen >= 0 ? chosen : pool.getItems().indexOf("default");
            pool.getSelectionModel().select(preferred >= 0 && (volume || preferred > 0) ? preferred
                    : Math.min(volume ? 0 : 1, pool.getItems().size() - 1));
        };
        fillPools.run();
        remote.valueProperty().addListener((obs, old, r) -> fillPools.run());
        TextField name = form.text(prefix + ".import.name", "backupName", "", "backups.import.namePrompt");
        form.check(() -> form.readableFile(file.getText()));
        form.check(() -> volume && pool.getValue() == null ? i18n.get("backups.volume.import.noPool") : null);
        form.check(() -> name.getText().isBlank() ? null
                : dev.hako.model.NameRules.check(name.getText().trim()).map(p -> i18n.get(p.messageKey))
                        .orElse(null));
        if (!form.showAndWait()) {
            return;
        }
        Path path = Path.of(file.getText().trim());
        RemoteModel target = remote.getValue();
        LxdClient client = clientOf(target);
        if (client == null) {
            return;
        }
        String chosenPool = !volume && pool.getSelectionModel().getSelectedIndex() <= 0 ? null : pool.getValue();
        String chosenName = name.getText().isBlank() ? null : name.getText().trim();
        TransferWindow.run(owner(), i18n, i18n.format("backups.import.progress", path.getFileName(), target.name()),
                size(path), true, t -> {
                    if (volume) {
                        VolumeBackups.of(client).importBackup(path, chosenPool, chosenName, t);
                    } else {
                        InstanceBackups.of(client).importBackup(path, chosenPool, chosenName, t);
                    }
                    return Boolean.TRUE;
                }, done -> { });
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** A choice of remotes shown by name. */
    private static ChoiceBox<RemoteModel> remoteChoice(String id, List<RemoteModel> remotes, RemoteModel chosen) {
        ChoiceBox<RemoteModel> box = new ChoiceBox<>();
        box.setId(id);
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(RemoteModel r) {
                return r == null ? "" : r.name();
            }

            @Override
            public RemoteModel fromString(String s) {
                return null;
            }
        });
        box.getItems().setAll(remotes);
        box.setValue(chosen);
        return box;
    }
}
