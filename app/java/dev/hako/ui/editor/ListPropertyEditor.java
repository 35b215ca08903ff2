package dev.hako.ui.editor;

/** A comma-separated list (kernel modules, DHCP ranges …). */
final class ListPropertyEditor extends TextPropertyEditor {

    ListPropertyEditor() {
        super("a,b,c");
    }
}
