package dev.hako.ui.common;

import java.util.function.BiFunction;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Widens controls to the text they show, in whichever language: JavaFX cuts text to "…"
 * at the width a control was given, and a Japanese header or a date needs more than an
 * English guess allowed.
 */
public final class FitToText {

    /** A cell's padding and a header's sort arrow, around the text. */
    private static final double COLUMN_PADDING = 30;
    /** A text field's insets and caret room, around its prompt. */
    private static final double FIELD_PADDING = 26;
    /** Rows read to size a column: enough to see the widest value of any listing a person reads. */
    private static final int ROWS_MEASURED = 500;
    /** No column grows past this: a long description scrolls or shows "…" rather than pushing the rest away. */
    private static final double WIDEST_COLUMN = 420;

    private FitToText() {
    }

    /**
     * Keeps every column of {@code table} at least as wide as its header and its text
     * values (columns of other values keep their width), as items and language change.
     */
    public static <S> void columns(TableView<S> table) {
        columns(table, (column, item) -> column.getCellData(item) instanceof String text ? text : null);
    }

    /**
     * Like {@link #columns(TableView)}, for columns whose cells draw text of their own:
     * {@code textOf} gives a cell's text (null for a column not sized to its values).
     */
    public static <S> void columns(TableView<S> table, BiFunction<TableColumn<S, ?>, S, String> textOf) {
        boolean[] queued = new boolean[1];
        InvalidationListener refit = o -> {
            if (!queued[0]) {
                queued[0] = true;
                // After the pulse: the skin, the headers' font and the new items are in place by then.
                Platform.runLater(() -> {
                    queued[0] = false;
                    fit(table, textOf);
                });
            }
        };
        table.itemsProperty().addListener(refit);
        table.skinProperty().addListener(refit);
        watchItems(table, refit);
        table.getColumns().forEach(c -> c.textProperty().addListener(refit));
        table.getColumns().addListener((ListChangeListener<TableColumn<?, ?>>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(c -> c.textProperty().addListener(refit));
            }
            refit.invalidated(table.getColumns());
        });
        refit.invalidated(table.getColumns());
    }

    private static <S> void watchItems(TableView<S> table, InvalidationListener refit) {
        if (table.getItems() != null) {
            table.getItems().addListener(refit);
        }
        table.itemsProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removeListener(refit);
            }
            if (now != null) {
                now.addListener(refit);
            }
        });
    }

    private static <S> void fit(TableView<S> table, BiFunction<TableColumn<S, ?>, S, String> textOf) {
        Font font = headerFont(table);
        for (TableColumn<S, ?> column : table.getColumns()) {
            double widest = width(column.getText(), font);
            int rows = table.getItems() == null ? 0 : Math.min(ROWS_MEASURED, table.getItems().size());
            for (int i = 0; i < rows; i++) {
                String text = textOf.apply(column, table.getItems().get(i));
                if (text != null) {
                    widest = Math.max(widest, width(text, font));
                }
            }
            double wanted = Math.min(WIDEST_COLUMN, Math.ceil(widest + COLUMN_PADDING));
            // The header always shows whole; the values do unless the user narrows the column.
            column.setMinWidth(Math.min(WIDEST_COLUMN, Math.ceil(width(column.getText(), font) + COLUMN_PADDING)));
            if (column.getPrefWidth() < wanted) {
                column.setPrefWidth(wanted);
            }
        }
    }

    /** The header's font (bold in the theme, so values measured with it fit too), or the default before skinning. */
    private static Font headerFont(TableView<?> table) {
        Node label = table.lookup(".column-header .label");
        return label instanceof Labeled labeled ? labeled.getFont() : Font.getDefault();
    }

    /** Keeps a text field wide enough for its whole prompt, in whichever language. */
    public static void prompt(TextField field) {
        InvalidationListener refit = (Observable o) -> {
            // A minimum, not a preferred width: layouts never squeeze a control below it.
            field.setMinWidth(Math.ceil(width(field.getPromptText(), field.getFont()) + FIELD_PADDING));
        };
        field.promptTextProperty().addListener(refit);
        field.fontProperty().addListener(refit);
        refit.invalidated(field.promptTextProperty());
    }

    static double width(String text, Font font) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Text probe = new Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }

    /** A label that wraps and is never squeezed shorter than its text (a form's notes and hints). */
    public static Label wrapping(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
