package dev.hako.ui.shell;

import dev.hako.model.ConnectionState;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** One line at the bottom: each remote's connection and instance count, or that none was found. */
final class StatusBar {

    private final HBox box = new HBox(24);

    private final List<Runnable> relabels = new ArrayList<>();

    StatusBar(Workspace workspace, I18n i18n, TaskExecutor tasks) {
        box.setPadding(new Insets(4, 10, 4, 10));
        box.getStyleClass().add("status-bar");
        box.setId("statusBar");
        Label none = new Label();
        none.textProperty().bind(i18n.text("status.noLocalServer"));
        i18n.localeProperty().addListener((o, was, now) -> relabels.forEach(Runnable::run));
        if (workspace.remotes().isEmpty()) {
            box.getChildren().add(none);
        }
        workspace.remotes().forEach(remote -> follow(remote, i18n, tasks));
        workspace.addListener(new Workspace.Listener() {
            @Override
            public void added(RemoteModel remote) {
                tasks.runOnUi(() -> {
                    box.getChildren().remove(none);
                    follow(remote, i18n, tasks);
                });
            }

            @Override
            public void removed(RemoteModel remote) {
                tasks.runOnUi(() -> box.getChildren().removeIf(n -> remote.name().equals(n.getUserData())));
            }
        });
    }

    private void follow(RemoteModel remote, I18n i18n, TaskExecutor tasks) {
        Label label = new Label();
        label.setUserData(remote.name());
        box.getChildren().add(label);
        Runnable update = () -> label.setText(describe(i18n, remote));
        relabels.add(update);
        remote.addStateListener(state -> tasks.runOnUi(update));
        remote.instances().addListener(change -> tasks.runOnUi(update));
    }

    private static String describe(I18n i18n, RemoteModel remote) {
        ConnectionState state = remote.state();
        return switch (state.status()) {
            case CONNECTING -> i18n.format("status.connecting", remote.name(), remote.endpoint().display());
            case ONLINE -> i18n.format("status.online", remote.name(), remote.instances().snapshot().size());
            case OFFLINE -> i18n.format("status.offline", remote.name(),
                    state.reason() == null ? "" : state.reason());
            case TOO_OLD -> i18n.format("status.tooOld", remote.name(), FailureText.of(i18n, state.failure()));
        };
    }

    Node node() {
        return box;
    }
}
