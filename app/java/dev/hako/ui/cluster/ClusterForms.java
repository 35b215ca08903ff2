package dev.hako.ui.cluster;

import dev.hako.remote.cluster.JoinToken;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FitToText;
import dev.hako.ui.common.FormBuilder;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The questions the cluster actions ask, and the window that shows a join token. */
final class ClusterForms {

    /** The answer to "remove this member?". */
    record Removal(boolean force) {
    }

    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final I18n i18n;

    ClusterForms(TaskExecutor tasks, DialogService dialogs) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = dialogs.i18n();
    }


    private ButtonType cancel() {
        return new ButtonType(i18n.get("cluster.button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    private static boolean confirmed(Optional<ButtonType> pressed) {
        return pressed.filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).isPresent();
    }

    /** Asks before an action, with the action's own name on its button. */
    boolean confirm(String header, String text, String actionName) {
        Label explain = FitToText.wrapping(text);
        explain.setPrefWidth(460);
        return confirmed(dialogs.showForm(header, header, explain, null,
                new ButtonType(actionName, ButtonBar.ButtonData.OK_DONE), cancel()));
    }

    /** Asks to remove a member, confirmed by typing its name; force is offered with what it means. */
    Optional<Removal> askRemove(String member) {
        CheckBox force = new CheckBox(i18n.get("cluster.remove.force"));
        force.setId("clusterRemoveForce");
        force.setWrapText(true);
        Label forceHint = FitToText.wrapping(i18n.get("cluster.remove.forceHint"));
        forceHint.getStyleClass().add("text-muted");
        TextField name = new TextField();
        name.setId("clusterRemoveName");
        VBox content = new VBox(10, FitToText.wrapping(i18n.get("cluster.remove.text")), force, forceHint,
                new Label(i18n.format("cluster.remove.typeName", member)), name);
        content.setPrefWidth(480);
        FormBuilder.focusOnShow(content, name);
        boolean remove = confirmed(dialogs.showForm(i18n.get("cluster.remove"),
                i18n.format("cluster.remove.header", member), content,
                Bindings.createBooleanBinding(() -> !member.equals(name.getText().trim()), name.textProperty()),
                new ButtonType(i18n.get("cluster.button.remove"), ButtonBar.ButtonData.OK_DONE), cancel()));
        return remove ? Optional.of(new Removal(force.isSelected())) : Optional.empty();
    }

    /** Asks for a new member's name, checked as it is typed ({@code problemOf} gives the rule it breaks). */
    Optional<String> askNewMember(Function<String, String> problemOf) {
        TextField name = new TextField();
        name.setId("clusterTokenName");
        Label hint = FitToText.wrapping(i18n.get("cluster.token.nameHint"));
        hint.getStyleClass().add("text-muted");
        Label problem = new Label();
        problem.getStyleClass().add("danger");
        problem.setId("clusterTokenProblem");
        problem.textProperty().bind(Bindings.createStringBinding(() -> name.getText().trim().isEmpty() ? ""
                : nullToEmpty(problemOf.apply(name.getText().trim())), name.textProperty()));
        VBox content = new VBox(8, new Label(i18n.get("cluster.token.name")), name, hint, problem);
        content.setPrefWidth(440);
        FormBuilder.focusOnShow(content, name);
        boolean create = confirmed(dialogs.showForm(i18n.get("cluster.token.title"), i18n.get("cluster.token.title"),
                content, Bindings.createBooleanBinding(() -> problemOf.apply(name.getText().trim()) != null,
                        name.textProperty()),
                new ButtonType(i18n.get("cluster.token.create"), ButtonBar.ButtonData.OK_DONE), cancel()));
        return create ? Optional.of(name.getText().trim()) : Optional.empty();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** A window with the token to copy, and Revoke ({@code revoke} in the background, then {@code revoked}). */
    void showToken(JoinToken token, BackgroundTask.ThrowingRunnable revoke, Runnable revoked) {
        TextArea text = new TextArea(token.token());
        text.setId("clusterToken");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(5);
        Label expiry = FitToText.wrapping(token.expiresAt() == null ? i18n.get("cluster.token.noExpiry")
                : i18n.format("cluster.token.expires", token.expiresAt()));
        expiry.setId("clusterTokenExpiry");
        Label note = new Label();
        note.setId("clusterTokenNote");
        Button copy = new Button(i18n.get("cluster.token.copy"));
        copy.setId("clusterTokenCopy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(token.token());
            Clipboard.getSystemClipboard().setContent(content);
            note.setText(i18n.get("cluster.token.copied"));
        });
        Button revokeButton = new Button(i18n.get("cluster.token.revoke"));
        revokeButton.setId("clusterTokenRevoke");
        revokeButton.setOnAction(e -> {
            revokeButton.setDisable(true);
            tasks.execute(BackgroundTask.ofRunnable(revoke)
                    .onSuccess(done -> {
                        note.setText(i18n.get("cluster.token.revoked"));
                        copy.setDisable(true);
                        revoked.run();
                    })
                    .onFailure(failure -> {
                        revokeButton.setDisable(false);
                        dialogs.showError(i18n.format("cluster.token.revokeFailed", token.serverName()), failure);
                    }));
        });
        Button close = new Button(i18n.get("cluster.button.close"));
        close.setCancelButton(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label header = new Label(i18n.format("cluster.token.header", token.serverName()));
        header.getStyleClass().add("title-4");
        VBox content = new VBox(10, header, FitToText.wrapping(i18n.get("cluster.token.explain")), text, expiry,
                new HBox(8, copy, revokeButton), note, new HBox(spacer, close));
        content.setPadding(new Insets(16));
        content.setPrefWidth(520);
        Stage window = dialogs.window(i18n.get("cluster.token.title"), content);
        close.setOnAction(e -> window.close());
        window.show();
    }
}
