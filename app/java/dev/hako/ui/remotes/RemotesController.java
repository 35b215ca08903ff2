package dev.hako.ui.remotes;

import dev.hako.lxd.Endpoint;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.remote.AddRemote;
import dev.hako.remote.CliRemotes;
import dev.hako.remote.ClientIdentities;
import dev.hako.remote.RemoteConfig;
import dev.hako.remote.RemoteEndpoints;
import dev.hako.remote.RemotesFile;
import dev.hako.remote.ServerCertificate;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FxDialogService;
import dev.hako.ui.common.FxTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.Icons;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.common.UiSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Ties the saved remotes to the open window: opens saved remotes in the workspace,
 * offers the remote actions (add, import, manage, server access) from one tool-bar
 * menu, and watches for servers whose certificate changed.
 */
public final class RemotesController {

    private static final Logger LOG = Logger.getLogger(RemotesController.class.getName());

    private final Workspace workspace;
    private final RemotesFile file;
    private final ClientIdentities identities;
    private final UiSettings settings;
    private final Map<String, String> env;
    private final Path home;
    private final TaskExecutor executor;
    private final CertificateChangeWatch watch;
    /** Where the watch's review opens: the window's dialogs once the tool bar exists. */
    private volatile DialogService windowDialogs;

    public RemotesController(Workspace workspace, RemotesFile file, ClientIdentities identities, UiSettings settings,
                             Map<String, String> env, Path home) {
        this(workspace, file, identities, settings, env, home, FxTaskExecutor.get());
    }

    public RemotesController(Workspace workspace, RemotesFile file, ClientIdentities identities, UiSettings settings,
                             Map<String, String> env, Path home, TaskExecutor executor) {
        this.workspace = workspace;
        this.file = file;
        this.identities = identities;
        this.settings = settings;
        this.env = env;
        this.home = home;
        this.executor = executor;
        this.watch = new CertificateChangeWatch(this, executor, (remote, presented) -> review(dialogs(), remote,
                presented));
    }

    /** Loads {@code remotes.yml} from the config directory; a broken file is reported and left alone. */
    public static RemotesController load(Workspace workspace, Path configDirectory, UiSettings settings,
                                         Map<String, String> env) {
        RemotesFile file;
        try {
            file = RemotesFile.load(configDirectory);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot read " + configDirectory.resolve(RemotesFile.FILE_NAME)
                    + "; starting without saved remotes (the file is left as it is)", e);
            throw new IllegalStateException("cannot read " + configDirectory.resolve(RemotesFile.FILE_NAME) + ": "
                    + e.getMessage(), e);
        }
        return new RemotesController(workspace, file, new ClientIdentities(configDirectory), settings, env,
                Path.of(System.getProperty("user.home")));
    }

    /** Opens every saved API remote in the workspace (image servers have no tree), in the saved order. */
    public void openSaved() {
        for (RemoteConfig remote : file.remotes()) {
            if (!remote.imageOnly() && workspace.remote(remote.name()) == null) {
                try {
                    open(remote);
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "cannot open remote " + remote.name() + ": " + e.getMessage(), e);
                }
            }
        }
        watch.start();
    }

    /** Adds a saved remote's live model to the workspace; it connects at once if the workspace runs. */
    public RemoteModel open(RemoteConfig remote) throws IOException {
        Endpoint endpoint = RemoteEndpoints.of(remote, identities);
        RemoteModel model = new RemoteModel(remote.name(), endpoint, remote.project());
        workspace.add(model);
        return model;
    }

    /** Replaces an open remote's model, e.g. after its name or pinned certificate changed. */
    public void reopen(String oldName, RemoteConfig remote) throws IOException {
        workspace.remove(oldName);
        if (!remote.imageOnly()) {
            open(remote);
        }
    }

    public Workspace workspace() {
        return workspace;
    }

    public RemotesFile file() {
        return file;
    }

    public ClientIdentities identities() {
        return identities;
    }

    Map<String, String> env() {
        return env;
    }

    Path home() {
        return home;
    }

    I18n i18n() {
        return new I18n(settings.locale());
    }

    private DialogService dialogs() {
        DialogService known = windowDialogs;
        return known != null ? known : FxDialogService.forFocusedWindow(i18n());
    }

    // --- the screens --------------------------------------------------------------------------

    /** The "Add remote" wizard. */
    public void addRemote(DialogService dialogs) {
        AddRemoteViewModel model = new AddRemoteViewModel(executor, dialogs, dialogs.i18n(),
                new AddRemote(file, identities), workspace, () -> CliRemotes.discover(env, home), this::open);
        new AddRemoteWizard(model, dialogs).show();
    }

    /** "Import from CLI". */
    public void importRemotes(DialogService dialogs) {
        new ImportRemotesDialog(this, dialogs).show();
    }

    /** "Manage remotes". */
    public void manage(DialogService dialogs) {
        ManageRemotesViewModel model = new ManageRemotesViewModel(executor, dialogs.i18n(), file, workspace,
                identities, this::reopen);
        new ManageRemotesDialog(model, dialogs, remote -> review(dialogs, remote, null)).show();
    }

    /** The server's remote access, on {@code preferred} when it is connected. */
    public void access(DialogService dialogs, String preferred) {
        new RemoteAccessDialog(new RemoteAccessViewModel(executor, dialogs, dialogs.i18n(), workspace, preferred),
                dialogs).show();
    }

    /** The certificate review of a saved remote; {@code presented} null reads it now. */
    void review(DialogService dialogs, RemoteConfig remote, ServerCertificate presented) {
        if (remote.imageOnly() || remote.isLocal()) {
            return;
        }
        CertificateReviewViewModel model = new CertificateReviewViewModel(executor, dialogs.i18n(), remote, presented,
                (old, updated) -> {
                    file.replace(updated);
                    reopen(old.name(), updated);
                });
        new CertificateReviewDialog(model, dialogs).show();
    }

    /** The first-run page's buttons: import the CLIs' remotes, add one, set up a server on this computer. */
    public dev.hako.ui.welcome.WelcomePage.Actions welcomeActions(Supplier<Window> owner) {
        return new dev.hako.ui.welcome.WelcomePage.Actions() {
            @Override
            public java.util.Optional<Runnable> importCliRemotes() {
                return java.util.Optional.of(() -> importRemotes(new FxDialogService(owner, i18n())));
            }

            @Override
            public java.util.Optional<Runnable> addRemote() {
                return java.util.Optional.of(() -> RemotesController.this.addRemote(new FxDialogService(owner,
                        i18n())));
            }

            @Override
            public java.util.Optional<Runnable> initialiseLocalServer() {
                return java.util.Optional.of(() -> new LocalServerSetUp(workspace, env,
                        dev.hako.ui.welcome.UserAccount.current(), executor).run(new FxDialogService(owner, i18n()),
                        remote -> dev.hako.ui.wizard.init.InitialisationWizard.open(owner.get(), i18n(), remote)));
            }
        };
    }

    /**
     * The tool-bar menu of remote actions. {@code selectedRemote} names the remote
     * selected in the tree (or null); server access opens on it.
     */
    public MenuButton menuButton(Supplier<Window> owner, I18n i18n, Supplier<String> selectedRemote) {
        DialogService dialogs = new FxDialogService(owner, i18n);
        windowDialogs = dialogs;
        MenuItem add = item(i18n, "remotes.menu.add", "addRemote", Icons.of(Material2AL.ADD_CIRCLE_OUTLINE,
                "toolbar-icon"), () -> addRemote(dialogs));
        MenuItem importCli = item(i18n, "remotes.menu.import", "importRemotes", Icons.of(Material2AL.GET_APP,
                "toolbar-icon"), () -> importRemotes(dialogs));
        MenuItem manage = item(i18n, "remotes.menu.manage", "manageRemotes", Icons.of(Material2AL.LIST,
                "toolbar-icon"), () -> manage(dialogs));
        MenuItem access = item(i18n, "remotes.menu.access", "remoteAccess", Icons.of(Material2MZ.SECURITY,
                "toolbar-icon"), () -> access(dialogs, selectedRemote.get()));
        MenuButton button = new MenuButton(null, Icons.of(Material2AL.DNS, "toolbar-icon"), add, importCli, manage,
                new SeparatorMenuItem(), access);
        button.textProperty().bind(Texts.key(i18n, "remotes.menu"));
        button.setId("remotesMenu");
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(Texts.key(i18n, "remotes.menu.tooltip"));
        button.setTooltip(tooltip);
        return button;
    }

    private static MenuItem item(I18n i18n, String key, String id, javafx.scene.Node icon, Runnable action) {
        MenuItem item = new MenuItem(null, icon);
        item.textProperty().bind(Texts.key(i18n, key));
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
