package dev.hako.ui.projects;

import dev.hako.lxd.Endpoint;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.remote.RemoteConfig;
import dev.hako.remote.RemotesFile;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

/**
 * Which project a remote works in, chosen from the tree ({@code lxc project switch remote:p}):
 * the remote reconnects in that project and its tree reloads, and the choice is kept as the
 * remote's {@code project} in {@code remotes.yml}, so the next start opens it there too.
 */
public final class ProjectSwitch {

    /** The application's one copy of the remotes file; null (tests, an unreadable file): nothing is kept. */
    private static volatile RemotesFile sessionFile;

    private ProjectSwitch() {
    }

    /**
     * Keeps switches in {@code file} from now on. A local server is opened from the environment
     * before the file is read, so the project saved for it is applied here.
     */
    public static void useRemotesFile(RemotesFile file, Workspace workspace) {
        sessionFile = file;
        if (file == null || workspace == null) {
            return;
        }
        for (RemoteModel remote : workspace.remotes()) {
            file.find(remote.name()).filter(RemoteConfig::isLocal).map(RemoteConfig::project)
                    .filter(p -> !p.equals(remote.project())).ifPresent(remote::switchProject);
        }
    }

    /** The project the remote works in now ("default" when it names none). */
    public static String current(RemoteModel remote) {
        return remote.project() == null ? ProjectActions.DEFAULT : remote.project();
    }

    /** The remote's "Project ▸" menu: its projects, the current one checked. */
    public static Menu menu(I18n i18n, TaskExecutor tasks, DialogService dialogs, RemoteModel remote) {
        Menu menu = new Menu(i18n.get("project.switch.menu"));
        menu.setId("menuProject");
        ToggleGroup group = new ToggleGroup();
        String current = current(remote);
        remote.projects().snapshot().keySet().stream().sorted().forEach(name -> {
            RadioMenuItem item = new RadioMenuItem(name);
            item.setId("menuProject-" + name);
            item.setToggleGroup(group);
            item.setSelected(name.equals(current));
            item.setOnAction(e -> switchTo(tasks, dialogs, remote, name));
            menu.getItems().add(item);
        });
        if (menu.getItems().isEmpty()) {
            MenuItem none = new MenuItem(current);
            none.setDisable(true);
            menu.getItems().add(none);
        }
        return menu;
    }

    /**
     * Points {@code remote} at {@code project} now and keeps the choice in the remotes file (on
     * the task executor: it writes a file). A file that cannot be written is reported; the
     * remote stays switched for this session.
     */
    public static void switchTo(TaskExecutor tasks, DialogService dialogs, RemoteModel remote, String project) {
        String wanted = ProjectActions.DEFAULT.equals(project) ? null : project;
        if (Objects.equals(wanted, remote.project())) {
            return;
        }
        remote.switchProject(wanted);
        RemotesFile file = sessionFile;
        if (file == null) {
            return;
        }
        Endpoint endpoint = remote.endpoint();
        tasks.execute(BackgroundTask.ofRunnable(() -> keep(file, remote.name(), endpoint, wanted))
                .onFailure(failure -> dialogs.showError(dialogs.i18n().format("project.switch.notSaved",
                        remote.name(), project), failure)));
    }

    /** Writes the remote's project into the file; a local server not saved yet is saved with it. */
    static void keep(RemotesFile file, String remote, Endpoint endpoint, String project) throws Exception {
        Optional<RemoteConfig> saved = file.find(remote);
        if (saved.isPresent()) {
            RemoteConfig c = saved.get();
            if (!Objects.equals(c.project(), project)) {
                file.replace(new RemoteConfig(c.name(), c.address(), c.protocol(), project, c.serverCertificate(),
                        c.fingerprint(), c.clientCertificate()));
            }
        } else if (project != null && endpoint instanceof Endpoint.UnixSocket local) {
            file.add(new RemoteConfig(remote, "unix://" + local.socket().toAbsolutePath(), RemoteConfig.Protocol.LXD,
                    project, null, null, null));
        }
    }
}
