package dev.hako.model.list;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The filter of the image, volume, network and profile tables: words separated by spaces,
 * all of which a row must match. A plain word matches a row that has it in any cell (any
 * column, shown or not, ignoring case); {@code column=value} matches a row whose cell in
 * that column is the value, ignoring case, or matches it as a regular expression, like
 * {@code lxc … list} filters ({@code type=custom}, {@code pool=default}, {@code name=web.*}).
 * A cell of several lines matches when one of its lines does.
 */
public final class ColumnFilter {

    static final String PROBLEM_UNKNOWN_COLUMN = "lists.filter.unknownColumn";

    private ColumnFilter() {
    }

    /**
     * The rows {@code text} lets through.
     *
     * @throws ListSyntaxException for {@code key=value} whose key names none of the columns
     */
    public static <R> Predicate<R> parse(String text, List<? extends ListColumn<R>> columns, Locale locale) {
        Predicate<R> all = row -> true;
        int at = 0;
        String source = text == null ? "" : text;
        for (String word : source.split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            int offset = source.indexOf(word, at);
            at = offset + word.length();
            int equals = word.indexOf('=');
            all = all.and(equals <= 0 ? anyCell(word, columns, locale)
                    : oneCell(word, equals, offset, columns, locale));
        }
        return all;
    }

    private static <R> Predicate<R> anyCell(String word, List<? extends ListColumn<R>> columns, Locale locale) {
        String needle = word.toLowerCase(Locale.ROOT);
        return row -> {
            for (ListColumn<R> column : columns) {
                if (column.text(row, locale).toLowerCase(Locale.ROOT).contains(needle)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static <R> Predicate<R> oneCell(String word, int equals, int offset, List<? extends ListColumn<R>> columns,
                                            Locale locale) {
        String key = word.substring(0, equals).toLowerCase(Locale.ROOT);
        String value = word.substring(equals + 1);
        ListColumn<R> column = null;
        List<String> keys = new ArrayList<>();
        for (ListColumn<R> candidate : columns) {
            keys.add(candidate.filterKey());
            if (candidate.filterKey().equals(key)) {
                column = candidate;
            }
        }
        if (column == null) {
            throw new ListSyntaxException("no column " + key, PROBLEM_UNKNOWN_COLUMN, word, offset,
                    word.substring(0, equals), String.join(", ", keys));
        }
        Pattern pattern = pattern(value);
        ListColumn<R> chosen = column;
        return row -> {
            for (String line : chosen.text(row, locale).split("\n", -1)) {
                if (line.equalsIgnoreCase(value) || pattern != null && pattern.matcher(line).matches()) {
                    return true;
                }
            }
            return false;
        };
    }

    /** The value as a regular expression, or null when it is not one (it then matches only itself). */
    private static Pattern pattern(String value) {
        try {
            return Pattern.compile(value, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException notARegex) {
            return null;
        }
    }
}
