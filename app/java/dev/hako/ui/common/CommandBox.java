package dev.hako.ui.common;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;

/** The equivalent {@code lxc}/{@code incus} command under a form, read-only and copyable. */
public final class CommandBox {

    private CommandBox() {
    }

    /** Puts {@code text} on the system clipboard. */
    public static void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** A box for a fixed {@code command}. */
    public static VBox of(I18n i18n, String command, String id) {
        return of(i18n, program(command), new javafx.beans.property.SimpleStringProperty(command), id);
    }

    /** The program of a command line: its first word. */
    public static String program(String command) {
        int space = command.indexOf(' ');
        return space < 0 ? command : command.substring(0, space);
    }

    /**
     * A box titled "The same with the {@code program} command:", showing {@code command} as it
     * changes (empty while the form's input is not valid), with a copy button.
     */
    public static VBox of(I18n i18n, String program, ObservableStringValue command, String id) {
        return of(i18n, new javafx.beans.property.SimpleStringProperty(program), command, id);
    }

    /** As above, for a program that is known only later (the kind of server being added). */
    public static VBox of(I18n i18n, ObservableStringValue program, ObservableStringValue command, String id) {
        TextArea text = new TextArea();
        text.setId(id);
        text.setEditable(false);
        text.setWrapText(true);
        // Tall enough for the whole line as wrapped at the forms' width (about 56 characters a row).
        text.prefRowCountProperty().bind(javafx.beans.binding.Bindings.createIntegerBinding(() -> Math.min(6,
                Math.max(2, 1 + (command.get() == null ? 0 : command.get().length()) / 56)), command));
        text.getStyleClass().add("cli-text");
        text.setStyle("-fx-font-family: monospace;");
        text.textProperty().bind(command);
        Button copy = new Button(i18n.get("command.copy"));
        copy.setId(id + "Copy");
        copy.disableProperty().bind(text.textProperty().isEmpty());
        copy.setOnAction(e -> copyToClipboard(text.getText()));
        Label title = new Label();
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> i18n.format("command.same", program.get()), program, i18n.localeProperty()));
        return new VBox(6, title, text, copy);
    }
}
