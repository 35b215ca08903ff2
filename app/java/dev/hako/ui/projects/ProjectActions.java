package dev.hako.ui.projects;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Project;
import dev.hako.model.CommandLine;
import dev.hako.model.NameRules;
import dev.hako.model.RemoteModel;
import dev.hako.ui.actions.ActionContext;
import dev.hako.ui.common.I18n;
import java.time.Duration;
import java.util.List;

/**
 * Projects of a remote: create, rename, delete. The default project is the server's own and
 * is neither renamed nor deleted; the servers rename and delete only projects that hold
 * nothing but their default profile, and say so in their own words otherwise.
 */
public final class ProjectActions {

    public static final String DEFAULT = "default";
    private static final Duration RENAME_TIMEOUT = Duration.ofMinutes(2);

    private final ActionContext context;
    private final I18n i18n;

    public ProjectActions(ActionContext context) {
        this.context = context;
        this.i18n = context.i18n();
    }

    public void create(RemoteModel remote) {
        LxdClient client = context.clientOf(remote);
        if (client != null) {
            NewProjectDialog.open(context.tasks(), context.dialogs(), remote.name(), client);
        }
    }

    public void rename(RemoteModel remote, Project project) {
        LxdClient client = context.clientOf(remote);
        if (client == null) {
            return;
        }
        context.dialogs().askName(i18n.get("project.rename"), i18n.format("project.rename.prompt", project.name()),
                        project.name(), typed -> {
                            if (typed.strip().equals(project.name())) {
                                return i18n.get("project.rename.same");
                            }
                            return NameRules.checkProject(typed.strip()).map(p -> i18n.get(p.messageKey)).orElse(null);
                        }, typed -> projectCommand(client).add("rename", remote.name() + ":" + project.name(), typed.strip())
                                .toString())
                .ifPresent(name -> context.perform(i18n.format("project.rename.failed", project.name(), name.strip()),
                        () -> client.projects().rename(project.name(), name.strip()).awaitSuccess(RENAME_TIMEOUT)));
    }

    /** {@code lxc project}/{@code incus project}. */
    private static CommandLine projectCommand(LxdClient client) {
        return CommandLine.of(client.kind()).add("project");
    }

    public void delete(RemoteModel remote, Project project) {
        LxdClient client = context.clientOf(remote);
        if (client == null) {
            return;
        }
        List<String> usedBy = project.usedBy() == null ? List.of() : project.usedBy();
        String details = i18n.format("project.delete.details", usedBy.isEmpty() ? "-" : String.join(", ", usedBy));
        if (context.dialogs().confirmByName(i18n.format("project.delete.confirm", project.name()), details,
                project.name(), projectCommand(client).add("delete", remote.name() + ":" + project.name()).toString())) {
            context.perform(i18n.format("project.delete.failed", project.name()),
                    () -> client.projects().delete(project.name()));
        }
    }
}
