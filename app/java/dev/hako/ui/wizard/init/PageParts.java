package dev.hako.ui.wizard.init;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The pieces every page of the wizard is made of: a form grid, notes and warnings. */
final class PageParts {

    private PageParts() {
    }

    /** Two columns: labels that keep their whole text (Japanese ones are long), fields that take the rest. */
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

    /** A muted explanation that wraps. */
    static Label note(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add("text-muted");
        return label;
    }

    /** What the server has already, at the top of a page. */
    static Label existing(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add("warning");
        label.setId("initExisting");
        return label;
    }

    /** A note shown only while {@code shown} holds (and taking no room otherwise). */
    static Label noteWhile(String text, ObservableBooleanValue shown) {
        Label label = note(text);
        label.visibleProperty().bind(shown);
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
