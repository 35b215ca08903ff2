package dev.hako.ui.editor;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;

/** Base of editors that pick one of a few values; the empty entry means "unset". */
abstract class ChoicePropertyEditor implements PropertyEditor {

    private final ComboBox<String> box = new ComboBox<>();
    private Runnable onChange = () -> { };
    private boolean setting;

    ChoicePropertyEditor(List<String> choices) {
        List<String> all = new ArrayList<>();
        all.add("");
        all.addAll(choices);
        box.getItems().setAll(all);
        box.getStyleClass().add("property-editor");
        box.setMaxWidth(Double.MAX_VALUE);
        box.valueProperty().addListener((o, was, now) -> {
            if (!setting) {
                onChange.run();
            }
        });
    }

    @Override
    public Node node() {
        return box;
    }

    @Override
    public String value() {
        return box.getValue() == null ? "" : box.getValue();
    }

    @Override
    public void setValue(String value) {
        setting = true;
        try {
            String v = value == null ? "" : value;
            if (!box.getItems().contains(v)) {
                // A value the catalog does not list stays visible (and is reported by the validator).
                box.getItems().add(v);
            }
            box.setValue(v);
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
