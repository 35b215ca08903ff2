package dev.hako.ui.remotes;

import dev.hako.remote.RemoteConfig;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * Manage remotes on screen: the table and the buttons of {@link ManageRemotesViewModel};
 * rename asks for the name, remove asks whether to leave the server's trust store too.
 */
public final class ManageRemotesDialog {

    private final ManageRemotesViewModel model;
    private final DialogService dialogs;
    private final Consumer<RemoteConfig> review;
    private final I18n i18n;
    private final TableView<RemoteConfig> table = new TableView<>();

    /** {@code review} opens the certificate review of a remote. */
    public ManageRemotesDialog(ManageRemotesViewModel model, DialogService dialogs, Consumer<RemoteConfig> review) {
        this.model = model;
        this.dialogs = dialogs;
        this.review = review;
        this.i18n = model.i18n();
    }

    public void show() {
        table.setId("remotesTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = RemoteDialogs.value(Texts.key(i18n, "remotes.manage.empty"));
        table.setPlaceholder(empty);
        table.getColumns().add(column("remotes.manage.name", model::nameText, 140));
        table.getColumns().add(column("remotes.manage.address", RemoteConfig::address, 220));
        table.getColumns().add(column("remotes.manage.kind", model::kindText, 110));
        table.getColumns().add(column("remotes.manage.state", model::stateText, 200));
        table.setItems(model.remotes());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, chosen) -> model.selectedProperty()
                .set(chosen));
        model.selectedProperty().addListener((o, a, chosen) -> {
            if (chosen != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(chosen);
            }
        });

        BooleanBinding none = model.selectedProperty().isNull();
        Button rename = button("remotes.manage.rename", "renameRemote", none, this::rename);
        Button remove = button("remotes.manage.remove", "removeRemote", none, this::remove);
        Button setDefault = button("remotes.manage.setDefault", "setDefaultRemote", none, r -> model.setDefault());
        Button up = button("remotes.manage.up", "moveUp", none, r -> model.move(-1));
        Button down = button("remotes.manage.down", "moveDown", none, r -> model.move(1));
        BooleanBinding notReviewable = Bindings.createBooleanBinding(
                () -> !ManageRemotesViewModel.reviewable(model.selectedProperty().get()), model.selectedProperty());
        Button reviewCertificate = button("remotes.manage.review", "reviewCertificate", notReviewable,
                review::accept);
        Button close = new Button();
        close.textProperty().bind(Texts.key(i18n, "remotes.dialog.close"));
        close.setCancelButton(true);
        close.setMaxWidth(Double.MAX_VALUE);
        VBox side = new VBox(8, rename, remove, setDefault, up, down, reviewCertificate, close);
        VBox.setMargin(close, new Insets(24, 0, 0, 0));
        side.setPrefWidth(170);
        side.setAlignment(Pos.TOP_CENTER);

        Label error = RemoteDialogs.errorLabel("manageError", model.errorText());
        // model.remotes() is refilled after each saved change, the default included.
        Label hint = RemoteDialogs.value(Texts.of(i18n, model::fileText, model.remotes()));
        hint.getStyleClass().add("text-muted");
        BorderPane root = new BorderPane(table, null, side, new VBox(6, error, hint), null);
        BorderPane.setMargin(side, new Insets(0, 0, 0, 12));
        BorderPane.setMargin(table, new Insets(0, 0, 8, 0));
        root.setPadding(RemoteDialogs.padding());
        root.setId("manageRemotesDialog");
        Stage stage = RemoteDialogs.window(dialogs, Texts.key(i18n, "remotes.manage.title"), root, 860, 440);
        close.setOnAction(e -> stage.close());
        // Texts computed per row (state, kind) follow a language switch too.
        InvalidationListener relabel = o -> table.refresh();
        i18n.localeProperty().addListener(new WeakInvalidationListener(relabel));
        root.getProperties().put(InvalidationListener.class, relabel);
        model.open();
        stage.setOnHidden(e -> model.close());
        stage.show();
    }

    private TableColumn<RemoteConfig, String> column(String key, Function<RemoteConfig, String> text, double width) {
        TableColumn<RemoteConfig, String> column = new TableColumn<>();
        column.textProperty().bind(Texts.key(i18n, key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    private Button button(String key, String id, BooleanBinding disabled, Consumer<RemoteConfig> action) {
        Button button = new Button();
        button.textProperty().bind(Texts.key(i18n, key));
        button.setId(id);
        button.setMaxWidth(Double.MAX_VALUE);
        button.disableProperty().bind(disabled);
        button.setOnAction(e -> {
            RemoteConfig chosen = model.selectedProperty().get();
            if (chosen != null) {
                action.accept(chosen);
            }
        });
        return button;
    }

    private void rename(RemoteConfig remote) {
        dialogs.askName(i18n.get("remotes.manage.renameTitle"), i18n.format("remotes.manage.renameHeader",
                remote.name()), remote.name(), typed -> model.renameProblem(remote.name(), typed))
                .ifPresent(newName -> model.rename(remote, newName));
    }

    private void remove(RemoteConfig remote) {
        CheckBox untrust = new CheckBox();
        untrust.textProperty().bind(Texts.key(i18n, "remotes.manage.untrust"));
        untrust.setId("alsoUntrust");
        untrust.setWrapText(true);
        untrust.setDisable(!model.canUntrust(remote));
        Label why = RemoteDialogs.value(model.untrustNote(remote));
        why.getStyleClass().add("text-muted");
        why.setMaxWidth(440);
        boolean confirmed = dialogs.showForm(i18n.get("remotes.manage.removeTitle"),
                i18n.format("remotes.manage.removeHeader", remote.name(), remote.address()),
                new VBox(8, untrust, why), null, ButtonType.OK, ButtonType.CANCEL)
                .filter(ButtonType.OK::equals).isPresent();
        if (confirmed) {
            model.remove(remote, untrust.isSelected());
        }
    }
}
