package dev.hako.ui.remotes;

import dev.hako.lxd.Endpoint;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.remote.ClientIdentities;
import dev.hako.remote.RemoteConfig;
import dev.hako.remote.RemoteEndpoints;
import dev.hako.remote.RemotesFile;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.Icons;
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
    private final CertificateChangeWatch watch;

    public RemotesController(Workspace workspace, RemotesFile file, ClientIdentities identities, UiSettings settings,
                             Map<String, String> env, Path home) {
        this.workspace = workspace;
        this.file = file;
        this.identities = identities;
        this.settings = settings;
        this.env = env;
        this.home = home;
        this.watch = new CertificateChangeWatch(this);
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

    boolean dark() {
        return settings.darkTheme();
    }

    I18n i18n() {
        return new I18n(settings.locale());
    }

    /** The first-run page's buttons for importing the CLIs' remotes and adding one. */
    public dev.hako.ui.welcome.WelcomePage.Actions welcomeActions(Supplier<Window> owner) {
        RemotesController controller = this;
        return new dev.hako.ui.welcome.WelcomePage.Actions() {
            @Override
            public java.util.Optional<Runnable> importCliRemotes() {
                return java.util.Optional.of(() -> new ImportRemotesDialog(controller, i18n()).show(owner.get()));
            }

            @Override
            public java.util.Optional<Runnable> addRemote() {
                return java.util.Optional.of(() -> new AddRemoteWizard(controller, i18n()).show(owner.get()));
            }
        };
    }

    /**
     * The tool-bar menu of remote actions. {@code selectedRemote} names the remote
     * selected in the tree (or null); server access opens on it.
     */
    public MenuButton menuButton(Supplier<Window> owner, I18n i18n, Supplier<String> selectedRemote) {
        MenuItem add = new MenuItem(i18n.get("remotes.menu.add"), Icons.of(Material2AL.ADD_CIRCLE_OUTLINE,
                "toolbar-icon"));
        add.setId("addRemote");
        add.setOnAction(e -> new AddRemoteWizard(this, i18n).show(owner.get()));
        MenuItem importCli = new MenuItem(i18n.get("remotes.menu.import"), Icons.of(Material2AL.GET_APP,
                "toolbar-icon"));
        importCli.setId("importRemotes");
        importCli.setOnAction(e -> new ImportRemotesDialog(this, i18n).show(owner.get()));
        MenuItem manage = new MenuItem(i18n.get("remotes.menu.manage"), Icons.of(Material2AL.LIST, "toolbar-icon"));
        manage.setId("manageRemotes");
        manage.setOnAction(e -> new ManageRemotesDialog(this, i18n).show(owner.get()));
        MenuItem access = new MenuItem(i18n.get("remotes.menu.access"), Icons.of(Material2MZ.SECURITY,
                "toolbar-icon"));
        access.setId("remoteAccess");
        access.setOnAction(e -> new RemoteAccessDialog(this, i18n, selectedRemote.get()).show(owner.get()));
        MenuButton button = new MenuButton(i18n.get("remotes.menu"), Icons.of(Material2AL.DNS, "toolbar-icon"),
                add, importCli, manage, new SeparatorMenuItem(), access);
        button.setId("remotesMenu");
        button.setTooltip(new Tooltip(i18n.get("remotes.menu.tooltip")));
        watch.setOwner(owner);
        return button;
    }
}
