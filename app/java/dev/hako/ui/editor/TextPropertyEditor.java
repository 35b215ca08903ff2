package dev.hako.ui.editor;

import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;

/** Base of the editors whose control is a text field; subclasses set the hint. */
abstract class TextPropertyEditor implements PropertyEditor {

    protected final TextInputControl field;
    private Runnable onChange = () -> { };
    private boolean setting;

    TextPropertyEditor(TextInputControl field, String prompt) {
        this.field = field;
        field.setPromptText(prompt);
        field.getStyleClass().add("property-editor");
        field.textProperty().addListener((o, was, now) -> {
            if (!setting) {
                onChange.run();
            }
        });
    }

    TextPropertyEditor(String prompt) {
        this(new TextField(), prompt);
    }

    @Override
    public Node node() {
        return field;
    }

    @Override
    public String value() {
        return field.getText() == null ? "" : field.getText();
    }

    @Override
    public void setValue(String value) {
        setting = true;
        try {
            field.setText(value == null ? "" : value);
        } finally {
            setting = false;
        }
    }

    @Override
    public void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    @Override
    public void setEditable(boolean editable) {
        field.setEditable(editable);
        field.setFocusTraversable(editable);
    }
}
