package dev.hako.ui.imageservers;

import dev.hako.lxd.ImagesApi;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.UnreachableException;
import dev.hako.lxd.api.Image;
import dev.hako.model.CommandLine;
import dev.hako.model.RemoteModel;
import dev.hako.remote.simplestreams.ImageCopy;
import dev.hako.remote.simplestreams.ImageServer;
import dev.hako.remote.simplestreams.SimplestreamsImage;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Copy to server…": which remote gets the image, the aliases it gets there and whether the
 * server keeps it current, checked as the user types, with the equivalent {@code lxc image copy}
 * line. The server downloads the image itself; its operation shows in the operations drawer.
 */
public final class CopyToServerViewModel {

    /** Runs the copy on a server (blocking); the use case in the application, a recorder in tests. */
    public interface Copier {
        String copy(LxdClient target, String targetName, ImagesApi.Pull request,
                    Consumer<dev.hako.remote.creation.OperationProgress> progress);
    }

    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final ImageServer server;
    private final SimplestreamsImage image;
    private final Copier copier;
    private final ObservableList<RemoteModel> targets = FXCollections.observableArrayList();
    private final ObjectProperty<RemoteModel> target = new SimpleObjectProperty<>(this, "target");
    private final StringProperty aliases = new SimpleStringProperty(this, "aliases", "");
    private final BooleanProperty autoUpdate = new SimpleBooleanProperty(this, "autoUpdate", true);
    private final StringBinding problem;
    private final StringBinding command;

    /** {@code remotes}: the window's remotes; those that are connected and can pull the image are offered. */
    public CopyToServerViewModel(TaskExecutor tasks, DialogService dialogs, I18n i18n, ImageServer server,
                                 SimplestreamsImage image, List<RemoteModel> remotes, Copier copier) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.server = server;
        this.image = image;
        this.copier = copier;
        remotes.stream().filter(r -> canPull(r, image)).forEach(targets::add);
        target.set(targets.isEmpty() ? null : targets.get(0));
        problem = Bindings.createStringBinding(this::problemText, target, aliases, i18n.localeProperty());
        command = Bindings.createStringBinding(this::commandText, target, aliases, autoUpdate);
    }

    /** Whether {@code remote} is connected and its kind of daemon reads this image's metadata. */
    static boolean canPull(RemoteModel remote, SimplestreamsImage image) {
        if (remote.client() == null || remote.state() == null || remote.state().kind() == null) {
            return false;
        }
        return image.pullableBy(remote.state().kind() == ServerKind.INCUS ? SimplestreamsImage.INCUS
                : SimplestreamsImage.LXD);
    }

    public ObservableList<RemoteModel> targets() {
        return targets;
    }

    public ObjectProperty<RemoteModel> targetProperty() {
        return target;
    }

    public StringProperty aliasesProperty() {
        return aliases;
    }

    public BooleanProperty autoUpdateProperty() {
        return autoUpdate;
    }

    public SimplestreamsImage image() {
        return image;
    }

    public ImageServer server() {
        return server;
    }

    /** What keeps OK disabled, in the user's language; null when nothing. */
    public StringBinding problemProperty() {
        return problem;
    }

    /** {@code lxc image copy images:alpine/3.19 local: --alias a1 --auto-update}. */
    public StringBinding commandProperty() {
        return command;
    }

    /** The aliases typed, split at commas and white space, in order, each once. */
    public List<String> aliasList() {
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(aliases.get() == null ? new String[0] : aliases.get().split("[,\\s]+"))
                .map(String::trim).filter(a -> !a.isEmpty()).forEach(out::add);
        return new ArrayList<>(out);
    }

    private String problemText() {
        RemoteModel to = target.get();
        if (to == null) {
            return i18n.get("imageservers.problem.noTarget");
        }
        for (String alias : aliasList()) {
            if (alias.contains(":")) {
                return i18n.format("imageservers.problem.alias", alias);
            }
            if (aliasTaken(to, alias)) {
                return i18n.format("imageservers.problem.aliasTaken", alias, to.name());
            }
        }
        return null;
    }

    private static boolean aliasTaken(RemoteModel remote, String alias) {
        for (Image known : remote.images().snapshot().values()) {
            if (known.aliases() != null && known.aliases().stream().anyMatch(a -> a.name().equals(alias))) {
                return true;
            }
        }
        return false;
    }

    private String commandText() {
        RemoteModel to = target.get();
        ServerKind kind = to == null || to.state().kind() == null ? ServerKind.LXD : to.state().kind();
        CommandLine line = CommandLine.of(kind).add("image", "copy", server.name() + ":" + image.name(),
                (to == null ? "local" : to.name()) + ":");
        for (String alias : aliasList()) {
            line.option("--alias", alias);
        }
        return line.flag("--auto-update", autoUpdate.get()).flag("--vm", image.virtualMachine()).toString();
    }

    /**
     * Starts the copy; {@code activity} hears how far it got and how it ended (in the user's
     * language), and a failure is shown with the server's words.
     */
    public void copy(Consumer<String> activity) {
        RemoteModel to = target.get();
        if (problem.get() != null || to == null) {
            return;
        }
        LxdClient client = to.client();
        String name = image.name();
        if (client == null) {
            dialogs.showError(i18n.format("imageservers.copy.failed", name, to.name()),
                    new UnreachableException(to.name(), null));
            return;
        }
        ImagesApi.Pull request = ImageCopy.request(server, image, aliasList(), autoUpdate.get());
        activity.accept(i18n.format("imageservers.copy.started", name, to.name()));
        tasks.execute(BackgroundTask.of(work -> copier.copy(client, to.name(), request,
                        progress -> tasks.runOnUi(() -> activity.accept(i18n.format("imageservers.copy.progress",
                                name, to.name(), progress.text())))))
                .onSuccess(fingerprint -> activity.accept(i18n.format("imageservers.copy.done", name, to.name(),
                        Image.shortFingerprint(fingerprint))))
                .onFailure(failure -> {
                    activity.accept(i18n.format("imageservers.copy.failed", name, to.name()));
                    dialogs.showError(i18n.format("imageservers.copy.failed", name, to.name()), failure);
                }));
    }
}
