package dev.hako.ui.editor;

import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/** Free text; a text area for multi-line keys such as {@code raw.lxc}. */
final class StringPropertyEditor extends TextPropertyEditor {

    StringPropertyEditor(boolean multiline) {
        super(multiline ? area() : new TextField(), "");
    }

    private static TextArea area() {
        TextArea area = new TextArea();
        area.setPrefRowCount(3);
        area.setWrapText(false);
        return area;
    }
}
