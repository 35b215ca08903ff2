package dev.hako.ui.images;

import dev.hako.lxd.ImageTransfers;
import dev.hako.lxd.InstanceBackups;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.VolumeBackups;
import dev.hako.lxd.api.Image;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.ui.actions.ActionContext;
import dev.hako.model.images.ImageEdit;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.FormBuilder;
import dev.hako.ui.common.I18n;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/**
 * Images in and out of servers: import from host files, export to a host file, copy
 * to another remote, publish an instance or snapshot, and import a backup file.
 */
public final class ImageActions {

    static final Duration OPERATION_TIMEOUT = Duration.ofMinutes(30);

    private final ActionContext context;
    private final I18n i18n;
    private final ImageFormChecks checks;

    public ImageActions(ActionContext context) {
        this.context = context;
        this.i18n = context.i18n();
        this.checks = new ImageFormChecks(i18n);
    }

    private FormBuilder form() {
        return new FormBuilder(i18n);
    }

    /** A transfer window for {@code work}; its title and the headline of its failure follow the language. */
    <T> void transfer(Supplier<String> title, Supplier<String> failed, long total, boolean upload,
                      Function<dev.hako.lxd.Transfer, T> work, Consumer<T> onSuccess) {
        TransferWindow.run(context.tasks(), context.dialogs(), title, failed, total, upload, work, onSuccess);
    }

    // ---- import ----

    public void importImage(RemoteModel remote) {
        LxdClient client = context.clientOf(remote);
        if (client == null) {
            return;
        }
        FormBuilder form = form();
        TextField file = form.file("images.import.file", "imageFile", false, null);
        TextField rootfs = form.file("images.import.rootfs", "imageRootfs", false, null);
        rootfs.setPromptText(i18n.get("images.import.rootfsPrompt"));
        TextField aliases = form.text("images.aliases", "imageAliases", "", "images.aliasesPrompt");
        TextArea properties = form.row("images.properties", propertiesArea("imageProperties"));
        CheckBox isPublic = form.wide(new CheckBox(i18n.get("images.public")));
        isPublic.setId("imagePublic");
        form.check(() -> checks.readableFile(file.getText()));
        form.check(() -> rootfs.getText().isBlank() ? null : checks.readableFile(rootfs.getText()));
        form.check(() -> checks.aliasProblem(aliases.getText()));
        form.check(() -> checks.propertiesProblem(properties.getText()));
        form.command(client.kind().cli(), () -> ActionContext.commands(remote, client).importImage(file.getText().trim(),
                rootfs.getText().isBlank() ? null : rootfs.getText().trim(), ImageFormChecks.aliases(aliases.getText()),
                isPublic.isSelected(), propertyWords(properties.getText())));
        if (!form.show(context.dialogs(), i18n.get("images.import"), i18n.format("images.import.header",
                remote.name()))) {
            return;
        }
        Path first = Path.of(file.getText().trim());
        Path second = rootfs.getText().isBlank() ? null : Path.of(rootfs.getText().trim());
        ImageTransfers.ImageOptions options = new ImageTransfers.ImageOptions(isPublic.isSelected(),
                ImageFormChecks.aliases(aliases.getText()), ImageFormChecks.properties(properties.getText()));
        long total = size(first) + (second == null ? 0 : size(second));
        transfer(() -> i18n.format("images.import.progress", first.getFileName(), remote.name()),
                () -> i18n.format("images.import.failed", first.getFileName(), remote.name()), total, true,
                t -> ImageTransfers.of(client).importImage(first, second, options, t), fingerprint -> { });
    }

    /** The properties typed, as the {@code key=value} words the CLI takes them in. */
    private static List<String> propertyWords(String text) {
        return ImageFormChecks.properties(text).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toList();
    }

    private TextArea propertiesArea(String id) {
        TextArea properties = new TextArea();
        properties.setId(id);
        properties.setPrefRowCount(3);
        properties.setPromptText(i18n.get("images.propertiesPrompt"));
        return properties;
    }

    // ---- export ----

    public void exportImage(RemoteModel remote, Image image) {
        LxdClient client = context.clientOf(remote);
        if (client == null) {
            return;
        }
        String shortFp = image.shortFingerprint();
        FormBuilder form = form();
        String suggested = image.filename() == null || image.filename().isBlank() ? shortFp + ".tar.gz"
                : image.filename();
        TextField target = form.file("images.export.target", "exportTarget", true, suggested);
        target.setText(Path.of(System.getProperty("user.home"), suggested).toString());
        form.note(i18n.get("images.export.note"));
        form.check(() -> checks.writableTarget(target.getText()));
        form.command(client.kind().cli(), () -> ActionContext.commands(remote, client).exportImage(image.fingerprint(),
                target.getText().trim()));
        if (!form.show(context.dialogs(), i18n.get("images.export"), i18n.format("images.export.header", shortFp,
                remote.name()))) {
            return;
        }
        Path path = Path.of(target.getText().trim()).toAbsolutePath();
        transfer(() -> i18n.format("images.export.progress", shortFp, path.getFileName()),
                () -> i18n.format("images.export.failed", shortFp, path), image.size(), false,
                t -> ImageTransfers.of(client).export(image.fingerprint(), path, t),
                files -> context.dialogs().inform(i18n.get("images.export.done"),
                        String.join("\n", files.stream().map(Path::toString).toList())));
    }

    // ---- edit and refresh ----

    /** Properties, description, public and auto-update, saved with the image's ETag. */
    public void editImage(RemoteModel remote, Image image) {
        ImageEditDialog.open(context.tasks(), context.dialogs(), remote.name(), context.clientOf(remote),
                image.fingerprint());
    }

    /**
     * Asks the server to fetch a newer version from the image's source now, as {@code lxc image
     * refresh} does, and says whether there was one.
     */
    public void refreshImage(RemoteModel remote, Image image) {
        LxdClient client = context.clientOf(remote);
        if (client == null) {
            return;
        }
        String shortFp = image.shortFingerprint();
        context.tasks().execute(BackgroundTask.of(progress -> client.images().refresh(image.fingerprint())
                        .awaitSuccess(OPERATION_TIMEOUT))
                .onSuccess(done -> {
                    var refreshed = done.metadata() == null ? null : done.metadata().get("refreshed");
                    String key = refreshed == null ? "images.refresh.done"
                            : refreshed.asBoolean() ? "images.refresh.newer" : "images.refresh.current";
                    context.dialogs().inform(i18n.get("images.refresh"), i18n.format(key, shortFp, remote.name(),
                            ImageEdit.refreshCommand(client.kind(), client.project(), remote.name() + ":" + shortFp)));
                })
                .onFailure(failure -> context.dialogs().showError(i18n.format("images.refresh.failed", shortFp,
                        remote.name()), failure)));
    }

    // ---- copy ----

    /** Copies an image to another connected remote, through this computer. */
    public void copyImage(RemoteModel remote, Image image) {
        LxdClient client = context.clientOf(remote);
        if (client == null) {
            return;
        }
        Workspace workspace = context.workspace();
        List<RemoteModel> targets = workspace == null ? List.of() : workspace.remotes().stream()
                .filter(r -> r != remote && r.client() != null).toList();
        String title = i18n.get("images.copy");
        if (targets.isEmpty()) {
            context.dialogs().inform(title, i18n.get("images.copy.noTarget"));
            return;
        }
        String shortFp = image.shortFingerprint();
        FormBuilder form = form();
        ChoiceBox<RemoteModel> target = form.row("images.copy.target", remoteChoice("copyTarget", targets,
                targets.get(0)));
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
            form.note(i18n.get("images.copy.autoUpdatePrivate"));
        }
        form.note(i18n.get("images.copy.note"));
        form.command(client.kind().cli(), () -> ActionContext.commands(remote, client).copyImage(image.fingerprint(),
                target.getValue().name(), withAliases.isSelected() ? aliasNames : List.of(), autoUpdate.isSelected()));
        if (!form.show(context.dialogs(), title, i18n.format("images.copy.header", shortFp, remote.name()))) {
            return;
        }
        boolean follow = autoUpdate.isSelected();
        RemoteModel to = target.getValue();
        LxdClient targetClient = context.clientOf(to);
        if (targetClient == null) {
            return;
        }
        List<String> aliases = withAliases.isSelected() ? aliasNames : List.of();
        transfer(() -> i18n.format("images.copy.progress", shortFp, remote.name(), to.name()),
                () -> i18n.format("images.copy.failed", shortFp, remote.name(), to.name()),
                follow ? 0 : 2 * image.size(), false, t -> ImageTransfers.of(client).copyTo(targetClient,
                        image.fingerprint(), aliases, follow, t), fp -> { });
    }

    // ---- publish ----

    /** Publishes an instance, or one of its snapshots when {@code snapshot} is not null. */
    public void publish(RemoteModel remote, String instance, String snapshot) {
        LxdClient client = context.clientOf(remote);
        if (client == null) {
            return;
        }
        String source = snapshot == null ? instance : instance + "/" + snapshot;
        FormBuilder form = form();
        TextField aliases = form.text("images.aliases", "publishAliases", "", "images.aliasesPrompt");
        TextArea properties = form.row("images.properties", propertiesArea("publishProperties"));
        CheckBox isPublic = form.wide(new CheckBox(i18n.get("images.public")));
        if (snapshot == null) {
            form.note(i18n.get("images.publish.stopNote"));
        }
        form.check(() -> checks.aliasProblem(aliases.getText()));
        form.check(() -> checks.propertiesProblem(properties.getText()));
        form.command(client.kind().cli(), () -> ActionContext.commands(remote, client).publish(source,
                ImageFormChecks.aliases(aliases.getText()), isPublic.isSelected(), propertyWords(properties.getText())));
        if (!form.show(context.dialogs(), i18n.get("images.publish"), i18n.format("images.publish.header",
                source))) {
            return;
        }
        ImageTransfers.ImageOptions options = new ImageTransfers.ImageOptions(isPublic.isSelected(),
                ImageFormChecks.aliases(aliases.getText()), ImageFormChecks.properties(properties.getText()));
        transfer(() -> i18n.format("images.publish.progress", source),
                () -> i18n.format("images.publish.failed", source), 0, false,
                t -> ImageTransfers.of(client).publish(source, options, t), fp -> { });
    }

    // ---- backups ----

    /** Whether a remote is connected and can back up custom volumes ({@value VolumeBackups#EXTENSION}). */
    public static boolean volumeBackupsSupported(RemoteModel remote) {
        LxdClient client = remote == null ? null : remote.client();
        return client != null && VolumeBackups.supportedBy(client);
    }

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
        Workspace workspace = context.workspace();
        List<RemoteModel> remotes = workspace == null ? List.of(initial) : workspace.remotes().stream()
                .filter(r -> r.client() != null && (!volume || VolumeBackups.supportedBy(r.client()))).toList();
        if (remotes.isEmpty() || remotes.get(0).client() == null) {
            context.clientOf(initial);
            return;
        }
        String prefix = volume ? "backups.volume" : "backups";
        FormBuilder form = form();
        TextField file = form.file("backups.import.file", "backupFile", false, null);
        ChoiceBox<RemoteModel> remote = form.row("backups.import.remote", remoteChoice("backupRemote", remotes,
                remotes.contains(initial) ? initial : remotes.get(0)));
        ChoiceBox<String> pool = new ChoiceBox<>();
        pool.setId("backupPool");
        form.row("backups.import.pool", pool);
        BackupImportPools pools = new BackupImportPools(volume, i18n.get("backups.import.poolFromBackup"));
        Runnable fillPools = () -> {
            pools.offer(remote.getValue(), remote.getValue() == initial ? initialPool : null);
            pool.getItems().setAll(pools.choices());
            pool.getSelectionModel().select(pools.preselected());
        };
        fillPools.run();
        remote.valueProperty().addListener((obs, old, r) -> fillPools.run());
        TextField name = form.text(prefix + ".import.name", "backupName", "", "backups.import.namePrompt");
        form.check(() -> checks.readableFile(file.getText()));
        form.check(() -> volume && pool.getValue() == null ? i18n.get("backups.volume.import.noPool") : null);
        form.check(() -> checks.optionalName(name.getText()));
        if (!form.show(context.dialogs(), i18n.get(prefix + ".import"), i18n.get(prefix + ".import.header"))) {
            return;
        }
        Path path = Path.of(file.getText().trim());
        RemoteModel target = remote.getValue();
        LxdClient client = context.clientOf(target);
        if (client == null) {
            return;
        }
        String chosenPool = pools.poolOf(pool.getSelectionModel().getSelectedIndex());
        String chosenName = name.getText().isBlank() ? null : name.getText().trim();
        transfer(() -> i18n.format("backups.import.progress", path.getFileName(), target.name()),
                () -> volume ? i18n.format("backups.volume.import.failed", path.getFileName(), target.name())
                        : i18n.format("backups.import.failed", path.getFileName(), target.name()),
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
