package dev.hako.ui.imageservers;

import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.remote.simplestreams.ImageCopy;
import dev.hako.remote.simplestreams.ImageServer;
import dev.hako.remote.simplestreams.SimplestreamsImage;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FormBuilder;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ShownAs;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.tree.TreeEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.stage.Window;

/**
 * The browsers of the image servers in the tree, one per server, kept for the window's life so
 * that a catalogue is read once (when its server is first opened) and the filters stay as the
 * user left them; and the actions on an image: copy to a server, launch on a server.
 */
public final class ImageServerBrowsers {

    private final Supplier<Window> owner;
    private final I18n i18n;
    private final Workspace workspace;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final BiConsumer<String, String> showInstance;
    private final ImageServerBrowserViewModel.Catalogue catalogue;
    private final Map<String, Opened> opened = new HashMap<>();

    private record Opened(ImageServer server, ImageServerBrowserViewModel model, Node node) {
    }

    /** {@code showInstance} (remote, instance) brings an instance launched from here up in the tree. */
    public ImageServerBrowsers(Supplier<Window> owner, I18n i18n, Workspace workspace, TaskExecutor tasks,
                               DialogService dialogs, BiConsumer<String, String> showInstance) {
        this(owner, i18n, workspace, tasks, dialogs, showInstance, ImageServerBrowserViewModel.Catalogue.simplestreams());
    }

    ImageServerBrowsers(Supplier<Window> owner, I18n i18n, Workspace workspace, TaskExecutor tasks,
                        DialogService dialogs, BiConsumer<String, String> showInstance,
                        ImageServerBrowserViewModel.Catalogue catalogue) {
        this.owner = owner;
        this.i18n = i18n;
        this.workspace = workspace;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.showInstance = showInstance;
        this.catalogue = catalogue;
    }

    /** The browser of a tree row's image server; its catalogue is read now if it has not been yet. */
    public Node viewOf(TreeEntry.ImageServerEntry entry) {
        ImageServer server = entry.server();
        Opened known = opened.get(server.key());
        if (known == null || !known.server().equals(server)) {
            ImageServerBrowserViewModel model = new ImageServerBrowserViewModel(tasks, i18n, server, catalogue);
            ImageServerBrowser view = new ImageServerBrowser(i18n, model, cliOf(server), image -> copy(model, image),
                    image -> launch(server, image));
            known = new Opened(server, model, view.node());
            opened.put(server.key(), known);
        }
        known.model().open();
        return known.node();
    }

    /**
     * The CLI whose command line the browser shows: the one that has the server built in when only
     * one does, else {@code incus} when every remote is Incus, else {@code lxc}.
     */
    private dev.hako.lxd.ServerKind cliOf(ImageServer server) {
        if (server.builtIn().size() == 1) {
            return server.builtIn().iterator().next();
        }
        java.util.Set<dev.hako.lxd.ServerKind> kinds = java.util.EnumSet.noneOf(dev.hako.lxd.ServerKind.class);
        workspace.remotes().forEach(r -> {
            if (r.state() != null && r.state().kind() != null) {
                kinds.add(r.state().kind());
            }
        });
        return kinds.equals(java.util.Set.of(dev.hako.lxd.ServerKind.INCUS)) ? dev.hako.lxd.ServerKind.INCUS
                : dev.hako.lxd.ServerKind.LXD;
    }

    /** Reads a server's catalogue again (its tree row's "Read again"). */
    public void reload(ImageServer server) {
        Opened known = opened.get(server.key());
        if (known != null) {
            known.model().reload();
        }
    }

    private void copy(ImageServerBrowserViewModel browser, SimplestreamsImage image) {
        if (image == null) {
            return;
        }
        CopyToServerViewModel model = new CopyToServerViewModel(tasks, dialogs, i18n, browser.server(), image,
                workspace.remotes(), ImageCopy::run);
        CopyToServerDialog.show(dialogs, i18n, model, browser.activityProperty()::set);
    }

    /** Opens the new instance wizard on a server that can pull the image, with the image chosen. */
    private void launch(ImageServer server, SimplestreamsImage image) {
        if (image == null) {
            return;
        }
        List<RemoteModel> targets = workspace.remotes().stream()
                .filter(r -> CopyToServerViewModel.canPull(r, image)).toList();
        String title = i18n.get("imageservers.launch.title");
        if (targets.isEmpty()) {
            dialogs.inform(title, i18n.format("imageservers.copy.noTarget", image.name()));
            return;
        }
        RemoteModel target = targets.get(0);
        if (targets.size() > 1) {
            FormBuilder form = new FormBuilder(i18n);
            ChoiceBox<RemoteModel> choice = form.row("imageservers.launch.target",
                    new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(targets)));
            choice.setId("imageLaunchTarget");
            choice.setConverter(ShownAs.text(r -> r == null ? "" : r.name()));
            choice.setValue(target);
            if (!form.show(dialogs, title, i18n.format("imageservers.launch.header", image.name(),
                    server.name()))) {
                return;
            }
            target = choice.getValue();
        }
        RemoteModel on = target;
        dev.hako.ui.wizard.instance.NewInstanceWizard.openOn(owner.get(), i18n, workspace, on, server.config(),
                image.fingerprint(), created -> showInstance.accept(on.name(), created));
    }
}
