package dev.hako.ui.remotes;

import dev.hako.lxd.CertificateFingerprint;
import dev.hako.lxd.ClientIdentity;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.model.ConnectionState;
import dev.hako.model.RemoteModel;
import dev.hako.remote.RemoteConfig;
import dev.hako.remote.RemotesFile;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Manage remotes: rename, remove (optionally taking our certificate out of the
 * server's trust store first), set the default, reorder, and review a server's
 * certificate. Every change is saved to {@code remotes.yml} at once.
 */
public final class ManageRemotesDialog {

    private final RemotesController remotes;
    private final I18n i18n;
    private final TableView<RemoteConfig> table = new TableView<>();
    private final Label error = RemoteDialogs.errorLabel("manageError");
    private final Consumer<RemotesFile> refresh = f -> Platform.runLater(this::reload);
    private Stage stage;

    ManageRemotesDialog(RemotesController remotes, I18n i18n) {
        this.remotes = remotes;
        this.i18n = i18n;
    }

    public void show(Window owner) {
        table.setId("remotesTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(i18n.get("remotes.manage.empty")));
        table.getColumns().add(column(i18n.get("remotes.manage.name"), r ->
                (r.name().equals(remotes.file().defaultRemote()) ? "★ " : "") + r.name(), 140));
        table.getColumns().add(column(i18n.get("remotes.manage.address"), RemoteConfig::address, 220));
        table.getColumns().add(column(i18n.get("remotes.manage.kind"), r -> i18n.get(r.imageOnly()
                ? "remotes.manage.kindImages" : "remotes.manage.kindServer"), 110));
        table.getColumns().add(column(i18n.get("remotes.manage.state"), this::stateOf, 200));
        reload();
        remotes.file().addListener(refresh);

        Button rename = button("remotes.manage.rename", "renameRemote", this::rename);
        Button remove = button("remotes.manage.remove", "removeRemote", this::remove);
        Button setDefault = button("remotes.manage.setDefault", "setDefaultRemote", r -> {
            save(() -> remotes.file().setDefault(r.name()));
        });
        Button up = button("remotes.manage.up", "moveUp", r -> save(() -> remotes.file().move(r.name(), -1)));
        Button down = button("remotes.manage.down", "moveDown", r -> save(() -> remotes.file().move(r.name(), 1)));
        Button review = button("remotes.manage.review", "reviewCertificate", r -> {
            if (!r.imageOnly() && !r.isLocal()) {
                new CertificateReviewDialog(remotes, i18n, r, null).show(stage);
            }
        });
        Button close = new Button(i18n.get("remotes.dialog.close"));
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        for (Button b : new Button[] {rename, remove, setDefault, up, down, review, close}) {
            b.setMaxWidth(Double.MAX_VALUE);
        }
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            boolean none = r == null;
            for (Button b : new Button[] {rename, remove, setDefault, up, down}) {
                b.setDisable(none);
            }
            review.setDisable(none || r.imageOnly() || r.isLocal());
        });
        table.getSelectionModel().clearSelection();
        for (Button b : new Button[] {rename, remove, setDefault, up, down, review}) {
            b.setDisable(true);
        }
        VBox side = new VBox(8, rename, remove, setDefault, up, down, review);
        VBox.setMargin(close, new Insets(24, 0, 0, 0));
        side.getChildren().add(close);
        side.setPrefWidth(170);
        side.setAlignment(Pos.TOP_CENTER);
        Label hint = RemoteDialogs.value(i18n.format("remotes.manage.hint", remotes.file().file()));
        hint.getStyleClass().add("text-muted");
        BorderPane root = new BorderPane(table, null, side, new VBox(6, error, hint), null);
        BorderPane.setMargin(side, new Insets(0, 0, 0, 12));
        BorderPane.setMargin(table, new Insets(0, 0, 8, 0));
        root.setPadding(RemoteDialogs.padding());
        root.setId("manageRemotesDialog");
        stage = RemoteDialogs.stage(owner, i18n.get("remotes.manage.title"), root, remotes.dark(), 860, 440);
        stage.setOnHidden(e -> remotes.file().removeListener(refresh));
        stage.show();
    }

    private TableColumn<RemoteConfig, String> column(String title, java.util.function.Function<RemoteConfig, String> text,
                                                     double width) {
        TableColumn<RemoteConfig, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    private String stateOf(RemoteConfig remote) {
        if (remote.imageOnly()) {
            return i18n.get("remotes.manage.stateImages");
        }
        RemoteModel model = remotes.workspace().remote(remote.name());
        if (model == null) {
            return i18n.get("remotes.manage.stateClosed");
        }
        ConnectionState state = model.state();
        return switch (state.status()) {
            case ONLINE -> i18n.get("remotes.manage.stateOnline");
            case CONNECTING -> i18n.get("remotes.manage.stateConnecting");
            case OFFLINE -> i18n.format("remotes.manage.stateOffline", state.reason() == null ? "" : state.reason());
        };
    }

    private void reload() {
        String selected = Optional.ofNullable(table.getSelectionModel().getSelectedItem()).map(RemoteConfig::name)
                .orElse(null);
        table.getItems().setAll(remotes.file().remotes());
        if (selected != null) {
            table.getItems().stream().filter(r -> r.name().equals(selected)).findFirst()
                    .ifPresent(r -> table.getSelectionModel().select(r));
        }
    }

    private Button button(String key, String id, Consumer<RemoteConfig> action) {
        Button button = new Button(i18n.get(key));
        button.setId(id);
        button.setOnAction(e -> {
            RemoteConfig selected = table.getSelectionModel().getSelectedItem();
            if (selected != null) {
                RemoteDialogs.showError(error, null);
                action.accept(selected);
            }
        });
        return button;
    }

    private interface Change {
        void run() throws IOException;
    }

    private boolean save(Change change) {
        try {
            change.run();
            return true;
        } catch (IOException | RuntimeException e) {
            RemoteDialogs.showError(error, i18n.format("remotes.error.save", RemoteDialogs.messageOf(e)));
            return false;
        }
    }

    private void rename(RemoteConfig remote) {
        TextInputDialog ask = new TextInputDialog(remote.name());
        ask.initOwner(stage);
        ask.setTitle(i18n.get("remotes.manage.renameTitle"));
        ask.setHeaderText(i18n.format("remotes.manage.renameHeader", remote.name()));
        ask.getEditor().setId("renameField");
        Optional<String> answer = ask.showAndWait().map(String::strip);
        if (answer.isEmpty() || answer.get().equals(remote.name())) {
            return;
        }
        String newName = answer.get();
        if (remotes.workspace().remote(newName) != null) {
            RemoteDialogs.showError(error, i18n.format("remotes.add.nameTaken", newName));
            return;
        }
        try {
            RemoteConfig.checkName(newName);
        } catch (IllegalArgumentException e) {
            RemoteDialogs.showError(error, i18n.format("remotes.add.badName", newName));
            return;
        }
        if (save(() -> remotes.file().rename(remote.name(), newName))) {
            remotes.file().find(newName).ifPresent(renamed -> {
                if (remotes.workspace().remote(remote.name()) != null) {
                    save(() -> remotes.reopen(remote.name(), renamed));
                }
            });
        }
    }

    private void remove(RemoteConfig remote) {
        RemoteModel model = remotes.workspace().remote(remote.name());
        boolean canUntrust = model != null && model.state().online() && !remote.isLocal() && !remote.imageOnly();
        Dialog<ButtonType> confirm = new Dialog<>();
        confirm.initOwner(stage);
        confirm.setTitle(i18n.get("remotes.manage.removeTitle"));
        confirm.setHeaderText(i18n.format("remotes.manage.removeHeader", remote.name(), remote.address()));
        CheckBox untrust = new CheckBox(i18n.get("remotes.manage.untrust"));
        untrust.setId("alsoUntrust");
        untrust.setWrapText(true);
        untrust.setDisable(!canUntrust || remote.clientCertificate() != null);
        Label why = RemoteDialogs.value(remote.clientCertificate() != null
                ? i18n.get("remotes.manage.untrustCli") : canUntrust ? i18n.get("remotes.manage.untrustHint")
                : i18n.get("remotes.manage.untrustOffline"));
        why.getStyleClass().add("text-muted");
        why.setMaxWidth(440);
        confirm.getDialogPane().setContent(new VBox(8, untrust, why));
        confirm.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        confirm.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
        if (confirm.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()) {
            return;
        }
        if (untrust.isSelected() && model != null && model.client() != null) {
            LxdClient client = model.client();
            TaskRunner.run(() -> {
                try {
                    ClientIdentity identity = remotes.identities().of(remote);
                    client.certificates().delete(CertificateFingerprint.sha256(identity.certificate()));
                } catch (NotFoundException alreadyGone) {
                    // not in the trust store (any more): nothing to undo
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, () -> forget(remote), failure -> RemoteDialogs.showError(error,
                    i18n.format("remotes.manage.untrustFailed", RemoteDialogs.messageOf(failure))));
        } else {
            forget(remote);
        }
    }

    private void forget(RemoteConfig remote) {
        if (save(() -> remotes.file().remove(remote.name()))) {
            remotes.workspace().remove(remote.name());
        }
    }
}
