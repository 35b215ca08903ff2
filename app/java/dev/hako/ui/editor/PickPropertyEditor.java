package dev.hako.ui.editor;

import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;

/**
 * A value picked from what exists on the remote (its networks, pools, volumes) or typed: an
 * editable combo box whose text is the value, so a name the list does not hold can still be
 * entered (the device editor then warns). The list is the view model's own and stays current.
 */
final class PickPropertyEditor implements PropertyEditor {

    private final ComboBox<String> box = new ComboBox<>();
    private Runnable onChange = () -> { };
    private boolean setting;

    PickPropertyEditor(ObservableList<String> choices) {
        box.setEditable(true);
        box.setItems(choices);
        box.getStyleClass().add("property-editor");
        box.setMaxWidth(Double.MAX_VALUE);
        box.getEditor().textProperty().addListener((o, was, now) -> {
            if (!setting) {
                onChange.run();
            }
        });
        // A pick from the list shows in the text at once (typing commits on Enter or leaving the field).
        box.valueProperty().addListener((o, was, now) -> {
            if (now != null && !now.equals(box.getEditor().getText())) {
                box.getEditor().setText(now);
            }
        });
    }

    /** What the list offers now (e.g. the volumes of another pool). */
    void setChoices(ObservableList<String> choices) {
        if (box.getItems() != choices) {
            setting = true;
            try {
                String text = box.getEditor().getText();
                box.setItems(choices);
                box.getEditor().setText(text);
            } finally {
                setting = false;
            }
        }
    }

    @Override
    public Node node() {
        return box;
    }

    @Override
    public String value() {
        String text = box.getEditor().getText();
        return text == null ? "" : text.trim();
    }

    @Override
    public void setValue(String value) {
        setting = true;
        try {
            box.getEditor().setText(value == null ? "" : value);
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
        box.setDisable(!editable);
    }
}
