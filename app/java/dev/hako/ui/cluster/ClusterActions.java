package dev.hako.ui.cluster;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.ClusterMember;
import dev.hako.model.NameRules;
import dev.hako.model.RemoteModel;
import dev.hako.remote.cluster.JoinToken;
import dev.hako.ui.common.Dialogs;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskRunner;
import java.time.Duration;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Evacuate, restore, remove a member, and hand out join tokens, on one clustered remote. */
public final class ClusterActions {

    /** Evacuation of a member with many instances can take long; the server decides. */
    private static final Duration STATE_TIMEOUT = Duration.ofHours(2);

    /** Where a running state change reports (the cluster view's status line). */
    interface Progress {
        void started(String text);

        void update(String text, Double fraction);

        void finished(String text);
    }

    private static final Progress SILENT = new Progress() {
        @Override
        public void started(String text) {
        }

        @Override
        public void update(String text, Double fraction) {
        }

        @Override
        public void finished(String text) {
        }
    };

    private final Supplier<Window> owner;
    private final I18n i18n;
    private final RemoteModel remote;

    public ClusterActions(Supplier<Window> owner, I18n i18n, RemoteModel remote) {
        this.owner = owner;
        this.i18n = i18n;
        this.remote = remote;
    }

    private LxdClient client() {
        LxdClient client = remote.client();
        if (client == null) {
            Dialogs.inform(owner.get(), i18n, i18n.format("cluster.offline", remote.name()),
                    remote.state().reason() == null ? "" : remote.state().reason());
        }
        return client;
    }

    /** Evacuates ({@code true}) or restores a member, after asking. */
    public void changeState(String member, boolean evacuate) {
        changeState(member, evacuate, SILENT);
    }

    void changeState(String member, boolean evacuate, Progress progress) {
        String verb = evacuate ? "evacuate" : "restore";
        boolean confirmed = evacuate
                ? confirm(i18n.format("cluster.evacuate.header", member), i18n.format("cluster.evacuate.text", member),
                        i18n.get("cluster.evacuate"))
                : confirm(i18n.format("cluster.restore.header", member), i18n.format("cluster.restore.text", member),
                        i18n.get("cluster.restore"));
        if (!confirmed) {
            return;
        }
        LxdClient client = client();
        if (client == null) {
            return;
        }
        String action = evacuate ? i18n.format("cluster.evacuate.action", member)
                : i18n.format("cluster.restore.action", member);
        progress.started(i18n.format("cluster.running", action));
        TaskRunner.run(() -> {
            var op = client.cluster().changeMemberState(member, verb);
            try (AutoCloseable watch = op.onUpdate(update -> Platform.runLater(() -> progress.update(
                    update.progressText().map(t -> action + ": " + t).orElse(i18n.format("cluster.running", action)),
                    update.progressPercent().isPresent() ? update.progressPercent().getAsInt() / 100.0 : null)))) {
                op.awaitSuccess(STATE_TIMEOUT);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception closing) {
                // closing a watch does not fail
            }
        }, () -> {
            remote.refresh();
            progress.finished(evacuate ? i18n.format("cluster.done.evacuate", member)
                    : i18n.format("cluster.done.restore", member));
        }, failure -> {
            remote.refresh();
            progress.finished("");
            Dialogs.showError(owner.get(), i18n, action, failure);
        });
    }

    /** Asks before an action, with the action's own name on its button. */
    private boolean confirm(String header, String text, String actionName) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dev.hako.ui.common.Theme.styleDialog(dialog.getDialogPane(), owner.get());
        dialog.setTitle(header);
        dialog.setHeaderText(header);
        Label explain = new Label(text);
        explain.setWrapText(true);
        explain.setPrefWidth(460);
        dialog.getDialogPane().setContent(explain);
        ButtonType go = new ButtonType(actionName, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(go, cancel());
        return dialog.showAndWait().filter(go::equals).isPresent();
    }

    private ButtonType cancel() {
        return new ButtonType(i18n.get("cluster.button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    /** Removes a member after its name is typed; force is offered with what it means. */
    public void remove(String member) {
        remove(member, SILENT);
    }

    void remove(String member, Progress progress) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dev.hako.ui.common.Theme.styleDialog(dialog.getDialogPane(), owner.get());
        dialog.setTitle(i18n.get("cluster.remove"));
        dialog.setHeaderText(i18n.format("cluster.remove.header", member));
        Label explain = new Label(i18n.get("cluster.remove.text"));
        explain.setWrapText(true);
        CheckBox force = new CheckBox(i18n.get("cluster.remove.force"));
        force.setId("clusterRemoveForce");
        force.setWrapText(true);
        Label forceHint = new Label(i18n.get("cluster.remove.forceHint"));
        forceHint.setWrapText(true);
        forceHint.getStyleClass().add("text-muted");
        Label ask = new Label(i18n.format("cluster.remove.typeName", member));
        TextField name = new TextField();
        name.setId("clusterRemoveName");
        VBox content = new VBox(10, explain, force, forceHint, ask, name);
        content.setPrefWidth(480);
        dialog.getDialogPane().setContent(content);
        ButtonType go = new ButtonType(i18n.get("cluster.button.remove"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(go, cancel());
        var ok = dialog.getDialogPane().lookupButton(go);
        ok.setId("clusterRemoveConfirm");
        ok.setDisable(true);
        name.textProperty().addListener((o, a, text) -> ok.setDisable(!member.equals(text.trim())));
        Platform.runLater(name::requestFocus);
        if (dialog.showAndWait().filter(go::equals).isEmpty()) {
            return;
        }
        LxdClient client = client();
        if (client == null) {
            return;
        }
        boolean forced = force.isSelected();
        String action = i18n.format("cluster.remove.action", member);
        progress.started(i18n.format("cluster.running", action));
        TaskRunner.run(() -> client.cluster().removeMember(member, forced), () -> {
            remote.refresh();
            progress.finished(i18n.format("cluster.removed", member));
        }, failure -> {
            progress.finished("");
            Dialogs.showError(owner.get(), i18n, action, failure);
        });
    }

    /** Asks for the new member's name, makes a join token for it and shows it. */
    public void addMember() {
        LxdClient client = client();
        if (client == null) {
            return;
        }
        java.util.Set<String> taken = remote.clusterMembers().snapshot().values().stream()
                .map(ClusterMember::serverName).collect(java.util.stream.Collectors.toSet());
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dev.hako.ui.common.Theme.styleDialog(dialog.getDialogPane(), owner.get());
        dialog.setTitle(i18n.get("cluster.token.title"));
        dialog.setHeaderText(i18n.get("cluster.token.title"));
        TextField name = new TextField();
        name.setId("clusterTokenName");
        Label hint = new Label(i18n.get("cluster.token.nameHint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        Label problem = new Label();
        problem.getStyleClass().add("danger");
        problem.setId("clusterTokenProblem");
        VBox content = new VBox(8, new Label(i18n.get("cluster.token.name")), name, hint, problem);
        content.setPrefWidth(440);
        dialog.getDialogPane().setContent(content);
        ButtonType create = new ButtonType(i18n.get("cluster.token.create"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(create, cancel());
        var ok = dialog.getDialogPane().lookupButton(create);
        ok.setId("clusterTokenCreate");
        Runnable check = () -> {
            String text = name.getText().trim();
            String message = memberNameProblem(i18n, text, taken);
            problem.setText(message == null || text.isEmpty() ? "" : message);
            ok.setDisable(message != null);
        };
        name.textProperty().addListener((o, a, b) -> check.run());
        check.run();
        Platform.runLater(name::requestFocus);
        if (dialog.showAndWait().filter(create::equals).isEmpty()) {
            return;
        }
        String member = name.getText().trim();
        TaskRunner.run(() -> JoinToken.create(client, member), this::showToken,
                failure -> Dialogs.showError(owner.get(), i18n, i18n.format("cluster.token.action", member), failure));
    }

    /** What is wrong with a new member's name, or null. */
    static String memberNameProblem(I18n i18n, String name, java.util.Set<String> taken) {
        if (name.isEmpty() || NameRules.check(name).isPresent() || !Character.isLetter(name.charAt(0))) {
            return i18n.get("cluster.problem.name");
        }
        if (taken.contains(name)) {
            return i18n.format("cluster.problem.nameTaken", name);
        }
        return null;
    }

    private void showToken(JoinToken token) {
        LxdClient client = remote.client();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dev.hako.ui.common.Theme.styleDialog(dialog.getDialogPane(), owner.get());
        dialog.setTitle(i18n.get("cluster.token.title"));
        dialog.setHeaderText(i18n.format("cluster.token.header", token.serverName()));
        Label explain = new Label(i18n.get("cluster.token.explain"));
        explain.setWrapText(true);
        TextArea text = new TextArea(token.token());
        text.setId("clusterToken");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(5);
        Label expiry = new Label(token.expiresAt() == null ? i18n.get("cluster.token.noExpiry")
                : i18n.format("cluster.token.expires", token.expiresAt()));
        expiry.setId("clusterTokenExpiry");
        expiry.setWrapText(true);
        Label note = new Label();
        note.setId("clusterTokenNote");
        Button copy = new Button(i18n.get("cluster.token.copy"));
        copy.setId("clusterTokenCopy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(token.token());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            note.setText(i18n.get("cluster.token.copied"));
        });
        Button revoke = new Button(i18n.get("cluster.token.revoke"));
        revoke.setId("clusterTokenRevoke");
        revoke.setOnAction(e -> {
            revoke.setDisable(true);
            TaskRunner.run(() -> token.revoke(client), () -> {
                note.setText(i18n.get("cluster.token.revoked"));
                copy.setDisable(true);
            }, failure -> {
                revoke.setDisable(false);
                Dialogs.showError(dialog.getDialogPane().getScene().getWindow(), i18n,
                        i18n.format("cluster.token.revokeAction", token.serverName()), failure);
            });
        });
        VBox content = new VBox(10, explain, text, expiry, new HBox(8, copy, revoke), note);
        content.setPrefWidth(520);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(new ButtonType(i18n.get("cluster.button.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.show();
    }
}
