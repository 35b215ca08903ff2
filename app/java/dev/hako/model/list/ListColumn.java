package dev.hako.model.list;

import java.util.Comparator;
import java.util.Locale;

/**
 * A column of one of the lists (instances, images, volumes, networks, profiles): its header,
 * the text the matching {@code lxc … list} prints in it, and its order.
 *
 * @param <R> the kind of row
 */
public interface ListColumn<R> {

    /** A stable name, saved with the user's choice of columns. */
    String name();

    /** The bundle key of the column's header. */
    String headerKey();

    /** The cell's text; empty when unknown. */
    String text(R row, Locale locale);

    /** This column's order, rows whose cell is empty or unknown last in either direction. */
    Comparator<R> comparator(boolean descending);

    /** Ascending order for this column. */
    default Comparator<R> comparator() {
        return comparator(false);
    }

    /** The word a filter names this column by ({@code content-type=iso}). */
    default String filterKey() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
