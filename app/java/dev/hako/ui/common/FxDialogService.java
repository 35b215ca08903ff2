package dev.hako.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The window's dialogs: JavaFX dialogs owned by the main window, styled by {@link Theme}. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;
    private final I18n i18n;

    public FxDialogService(Supplier<Window> owner, I18n i18n) {
        this.owner = owner;
        this.i18n = i18n;
    }

    /** Dialogs owned by whichever of the application's windows has the focus (for screens made without one). */
    public static FxDialogService forFocusedWindow(I18n i18n) {
        return new FxDialogService(() -> Window.getWindows().stream().filter(Window::isFocused).findFirst()
                .orElse(Window.getWindows().isEmpty() ? null : Window.getWindows().get(0)), i18n);
    }

    @Override
    public I18n i18n() {
        return i18n;
    }

    @Override
    public Window owner() {
        return owner.get();
    }

    private <D extends Dialog<?>> D prepare(D dialog) {
        Window window = owner();
        if (dialog.getOwner() == null && window != null && !dialog.isShowing()) {
            dialog.initOwner(window);
        }
        // This service's language first: the styling below starts the relabelling watch, which
        // follows the language the pane names at that moment.
        DialogButtons.localise(dialog.getDialogPane(), i18n);
        Theme.styleDialog(dialog.getDialogPane(), window);
        if (dialog.getTitle() == null || dialog.getTitle().isEmpty()) {
            dialog.setTitle(i18n.get("app.title"));
        }
        return dialog;
    }

    @Override
    public void showError(String headline, Throwable failure) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(i18n.get("error.title"));
        alert.setHeaderText(headline);
        String server = FailureText.serverText(failure);
        TextArea text = new TextArea(server != null && !server.isBlank() ? server : FailureText.of(i18n, failure));
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(3);
        text.setId("errorServerMessage");
        Label said = new Label(i18n.get(server != null && !server.isBlank() ? "error.serverSaid" : "error.detail"));
        Label hint = new Label(i18n.get(FailureText.hintKey(failure)));
        hint.setWrapText(true);
        VBox content = new VBox(8, said, text, hint);
        content.setPrefWidth(480);
        alert.getDialogPane().setContent(content);
        prepare(alert).show();
    }

    @Override
    public void showErrors(String headline, Map<String, String> failureByName) {
        List<String> lines = new ArrayList<>();
        failureByName.forEach((name, message) -> lines.add(name + ": " + message));
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(i18n.get("error.title"));
        alert.setHeaderText(headline);
        TextArea text = new TextArea(String.join("\n", lines));
        text.setId("errorServerMessage");
        text.setEditable(false);
        text.setWrapText(true);
        alert.getDialogPane().setContent(text);
        prepare(alert).show();
    }

    @Override
    public void inform(String header, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        alert.setHeaderText(header);
        prepare(alert).showAndWait();
    }

    @Override
    public boolean confirm(String header, String text, String command) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        alert.setTitle(i18n.get("confirm.title"));
        alert.setHeaderText(header);
        if (command != null) {
            Label body = new Label(text);
            body.setWrapText(true);
            body.setMinHeight(Region.USE_PREF_SIZE);
            VBox content = new VBox(10, body, CommandBox.of(i18n, command, "confirmCommand"));
            content.setPrefWidth(480);
            alert.getDialogPane().setContent(content);
        }
        return prepare(alert).showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    @Override
    public Optional<String> askName(String title, String prompt, String initial, Function<String, String> problemOf,
                                    Function<String, String> commandOf, Node... extra) {
        return NameDialog.ask(prepare(new Dialog<ButtonType>()), i18n, title, prompt, initial, problemOf, commandOf, extra);
    }

    @Override
    public boolean confirmByName(String header, String details, String expected, String command, Node... extra) {
        Dialog<ButtonType> dialog = prepare(new Dialog<>());
        dialog.setTitle(i18n.get("confirm.title"));
        return ConfirmByNameDialog.confirm(dialog, i18n, header, details, expected, command, extra);
    }

    @Override
    public Optional<ButtonType> showForm(String title, String header, Node content, ObservableBooleanValue invalid,
                                         ButtonType... buttons) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.setResizable(true);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(buttons.length == 0
                ? new ButtonType[] {ButtonType.OK, ButtonType.CANCEL} : buttons);
        if (invalid != null) {
            for (ButtonType type : dialog.getDialogPane().getButtonTypes()) {
                if (type.getButtonData().isDefaultButton() || type.getButtonData() == ButtonData.OK_DONE
                        || type.getButtonData() == ButtonData.APPLY || type.getButtonData() == ButtonData.YES) {
                    dialog.getDialogPane().lookupButton(type).disableProperty().bind(
                            javafx.beans.binding.Bindings.createBooleanBinding(invalid::get, invalid));
                }
            }
        }
        return prepare(dialog).showAndWait();
    }

    @Override
    public <R> Optional<R> showAndWait(Dialog<R> dialog) {
        return prepare(dialog).showAndWait();
    }

    @Override
    public void show(Dialog<?> dialog) {
        prepare(dialog).show();
    }

    @Override
    public Stage window(String title, Parent content) {
        Stage stage = new Stage();
        Window window = owner();
        if (window != null) {
            stage.initOwner(window);
        }
        stage.setTitle(title);
        Scene scene = new Scene(content);
        Theme.decorateWindow(scene);
        stage.setScene(scene);
        return stage;
    }
}
