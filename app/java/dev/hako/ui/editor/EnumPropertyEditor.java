package dev.hako.ui.editor;

import java.util.List;

/** One of the values the catalog lists. */
final class EnumPropertyEditor extends ChoicePropertyEditor {

    EnumPropertyEditor(List<String> values) {
        super(values == null ? List.of() : values);
    }
}
