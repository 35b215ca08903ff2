package dev.hako.ui.editor;

/** A whole number, with its bounds as the hint. */
final class IntegerPropertyEditor extends TextPropertyEditor {

    IntegerPropertyEditor(Long min, Long max) {
        super(min != null && max != null ? min + " – " + max : min != null ? "≥ " + min : max != null ? "≤ " + max
                : "0");
    }
}
