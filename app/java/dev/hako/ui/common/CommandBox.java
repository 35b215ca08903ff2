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

    /** A box titled "The same with the {@code cli} command:", showing {@code command} with a copy button. */
    public static VBox of(I18n i18n, String cli, ObservableStringValue command, String id) {
        TextArea text = new TextArea();
        text.setId(id);
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(2);
        text.getStyleClass().add("cli-text");
        text.setStyle("-fx-font-family: monospace;");
        text.textProperty().bind(command);
        Button copy = new Button(i18n.get("command.copy"));
        copy.setId(id + "Copy");
        copy.disableProperty().bind(text.textProperty().isEmpty());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        return new VBox(6, new Label(i18n.format("command.same", cli)), text, copy);
    }
}
