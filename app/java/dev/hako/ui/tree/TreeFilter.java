package dev.hako.ui.tree;

import dev.hako.model.list.InstanceFilter;
import dev.hako.model.list.InstanceRow;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What the filter box keeps in the tree: rows whose names, status or configuration contain
 * the text (ignoring case), or instances that the text, read as an {@code lxc list} filter,
 * lets through.
 */
final class TreeFilter {

    private TreeFilter() {
    }

    /** The rows {@code text} keeps; every row for an empty text. */
    static Predicate<TreeEntry> of(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            return entry -> true;
        }
        String needle = trimmed.toLowerCase(Locale.ROOT);
        Predicate<TreeEntry> freeText = entry -> entry.searchText().toLowerCase(Locale.ROOT).contains(needle);
        InstanceFilter lxc;
        try {
            lxc = InstanceFilter.parse(trimmed);
        } catch (IllegalArgumentException notLxc) {
            // Free text only; the table says why it is no lxc filter.
            return freeText;
        }
        return freeText.or(entry -> entry instanceof TreeEntry.InstanceEntry instance
                && lxc.test(new InstanceRow(instance.remote(), instance.instance(), null, null)));
    }
}
