package dev.hako.ui.editor;

/** A duration in LXD's notation (1d, 2w, 3M …). */
final class DurationPropertyEditor extends TextPropertyEditor {

    DurationPropertyEditor() {
        super("1d / 2w / 3m");
    }
}
