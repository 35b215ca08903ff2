package dev.hako.ui.editor;

/** A size with a unit (512MiB, 10GB), or a percentage where the key allows it. */
final class SizePropertyEditor extends TextPropertyEditor {

    SizePropertyEditor(boolean percent) {
        super(percent ? "2GiB / 50%" : "10GiB");
    }
}
