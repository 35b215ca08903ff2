package dev.hako.ui.cluster;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.ClusterMember;
import dev.hako.model.NameRules;
import dev.hako.model.RemoteModel;
import dev.hako.remote.cluster.JoinToken;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Evacuate, restore, remove a member, and hand out join tokens, on one clustered remote.
 * Each asks first (forms in {@link ClusterForms}), runs its server calls on the task
 * executor and reports through a {@link Progress} (the cluster view's status line).
 */
public final class ClusterActions {

    /** Evacuation of a member with many instances can take long; the server decides. */
    private static final Duration STATE_TIMEOUT = Duration.ofHours(2);

    /**
     * Where a running change reports. Texts come as suppliers so that a language switch
     * while it runs can read them again.
     */
    interface Progress {
        void started(Supplier<String> text);

        /** {@code fraction} from 0 to 1, or negative when unknown. */
        void update(Supplier<String> text, double fraction);

        void finished(Supplier<String> text);
    }

    static final Progress SILENT = new Progress() {
        @Override
        public void started(Supplier<String> text) {
        }

        @Override
        public void update(Supplier<String> text, double fraction) {
        }

        @Override
        public void finished(Supplier<String> text) {
        }
    };

    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final RemoteModel remote;
    private final ClusterForms forms;

    public ClusterActions(TaskExecutor tasks, DialogService dialogs, RemoteModel remote) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = dialogs.i18n();
        this.remote = remote;
        this.forms = new ClusterForms(tasks, dialogs);
    }

    private LxdClient client() {
        LxdClient client = remote.client();
        if (client == null) {
            dialogs.inform(i18n.format("cluster.offline", remote.name()),
                    remote.state().reason() == null ? "" : remote.state().reason());
        }
        return client;
    }

    /** Evacuates ({@code true}) or restores a member, after asking. */
    public void changeState(String member, boolean evacuate) {
        changeState(member, evacuate, SILENT);
    }

    void changeState(String member, boolean evacuate, Progress progress) {
        String which = evacuate ? "evacuate" : "restore";
        boolean confirmed = evacuate
                ? forms.confirm(i18n.format("cluster.evacuate.header", member),
                        i18n.format("cluster.evacuate.text", member), i18n.get("cluster.evacuate"))
                : forms.confirm(i18n.format("cluster.restore.header", member),
                        i18n.format("cluster.restore.text", member), i18n.get("cluster.restore"));
        if (!confirmed) {
            return;
        }
        LxdClient client = client();
        if (client == null) {
            return;
        }
        Supplier<String> action = () -> evacuate ? i18n.format("cluster.evacuate.action", member)
                : i18n.format("cluster.restore.action", member);
        Supplier<String> done = () -> evacuate ? i18n.format("cluster.done.evacuate", member)
                : i18n.format("cluster.done.restore", member);
        Supplier<String> running = () -> i18n.format("cluster.running", action.get());
        progress.started(running);
        tasks.execute(BackgroundTask.<Void>of(p -> {
            var op = client.cluster().changeMemberState(member, which);
            try (AutoCloseable watch = op.onUpdate(update -> p.update(update.progressPercent().isPresent()
                    ? update.progressPercent().getAsInt() / 100.0 : -1, update.progressText().orElse(null)))) {
                op.awaitSuccess(STATE_TIMEOUT);
            }
            return null;
        }).onProgress(update -> progress.update(update.text() == null ? running
                : () -> action.get() + ": " + update.text(), update.fraction()))
                .onSuccess(ignored -> {
                    remote.refresh();
                    progress.finished(done);
                })
                .onFailure(failure -> {
                    remote.refresh();
                    progress.finished(() -> "");
                    dialogs.showError(evacuate ? i18n.format("cluster.evacuate.failed", member)
                            : i18n.format("cluster.restore.failed", member), failure);
                }));
    }

    /** Removes a member after its name is typed; force is offered with what it means. */
    public void remove(String member) {
        remove(member, SILENT);
    }

    void remove(String member, Progress progress) {
        ClusterForms.Removal removal = forms.askRemove(member).orElse(null);
        if (removal == null) {
            return;
        }
        LxdClient client = client();
        if (client == null) {
            return;
        }
        Supplier<String> action = () -> i18n.format("cluster.remove.action", member);
        progress.started(() -> i18n.format("cluster.running", action.get()));
        tasks.execute(BackgroundTask.ofRunnable(() -> client.cluster().removeMember(member, removal.force()))
                .onSuccess(done -> {
                    remote.refresh();
                    progress.finished(() -> i18n.format("cluster.removed", member));
                })
                .onFailure(failure -> {
                    progress.finished(() -> "");
                    dialogs.showError(i18n.format("cluster.remove.failed", member), failure);
                }));
    }

    /** Asks for the new member's name, makes a join token for it and shows it. */
    public void addMember() {
        addMember(() -> { });
    }

    /** The same; {@code made} runs once the token exists (to list it), and again once it is revoked. */
    void addMember(Runnable made) {
        LxdClient client = client();
        if (client == null) {
            return;
        }
        Set<String> taken = remote.clusterMembers().snapshot().values().stream()
                .map(ClusterMember::serverName).collect(Collectors.toSet());
        forms.askNewMember(name -> memberNameProblem(i18n, name, taken)).ifPresent(member ->
                tasks.execute(BackgroundTask.of(p -> JoinToken.create(client, member))
                        .onSuccess(token -> {
                            made.run();
                            // Revoked from its window: the view lists the tokens again, as after making one.
                            forms.showToken(token, () -> token.revoke(client), made);
                        })
                        .onFailure(failure -> dialogs.showError(i18n.format("cluster.token.failed", member),
                                failure))));
    }

    /** Revokes a pending join token; {@code after} runs once it is gone (or failed to go). */
    void revokeToken(JoinToken token, Runnable after) {
        LxdClient client = client();
        if (client == null) {
            return;
        }
        tasks.execute(BackgroundTask.ofRunnable(() -> token.revoke(client))
                .onSuccess(done -> after.run())
                .onFailure(failure -> {
                    after.run();
                    dialogs.showError(i18n.format("cluster.token.revokeFailed", token.serverName()), failure);
                }));
    }

    /** What is wrong with a new member's name, or null. */
    static String memberNameProblem(I18n i18n, String name, Set<String> taken) {
        if (name.isEmpty() || NameRules.check(name).isPresent() || !Character.isLetter(name.charAt(0))) {
            return i18n.get("cluster.problem.name");
        }
        if (taken.contains(name)) {
            return i18n.format("cluster.problem.nameTaken", name);
        }
        return null;
    }
}
