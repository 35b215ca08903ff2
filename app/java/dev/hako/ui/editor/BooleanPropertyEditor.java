package dev.hako.ui.editor;

import java.util.List;

/** true / false / unset. */
final class BooleanPropertyEditor extends ChoicePropertyEditor {

    BooleanPropertyEditor() {
        super(List.of("true", "false"));
    }
}
