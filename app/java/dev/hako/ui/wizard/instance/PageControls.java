package dev.hako.ui.wizard.instance;

import dev.hako.ui.common.ShownAs;
import dev.hako.ui.common.I18n;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.skin.ChoiceBoxSkin;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * What the wizard's pages build their controls with: texts that follow the language
 * as it switches (bound weakly, so a closed wizard is not kept), choice boxes rendered
 * again on a switch, and the label/field grid.
 */
final class PageControls {

    private PageControls() {
    }

    /** {@code text} now and after every language switch. */
    static StringBinding text(I18n i18n, Supplier<String> text) {
        return Bindings.createStringBinding(text::get, i18n.localeProperty());
    }

    /** A label whose text follows the language; it keeps its width (the row has room to spare). */
    static Label label(I18n i18n, Supplier<String> text) {
        Label label = new Label();
        label.textProperty().bind(text(i18n, text));
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** Shows values through {@code toText}. */
    static <T> void show(ChoiceBox<T> box, Function<T, String> toText) {
        box.setConverter(ShownAs.text(toText));
    }

    /** Renders the boxes' values and choices again, after a language switch. */
    static void rerender(ChoiceBox<?>... boxes) {
        for (ChoiceBox<?> box : boxes) {
            // A fresh skin asks the converter again and sizes the box for the new texts; the old skin
            // keeps the width of the old ones, and the arrow then covers the end of a longer text.
            box.setSkin(new ChoiceBoxSkin<>(box));
        }
    }

    /** Two columns: labels as wide as they need, fields taking the rest. */
    static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints field = new ColumnConstraints();
        field.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(label, field);
        return grid;
    }
}
