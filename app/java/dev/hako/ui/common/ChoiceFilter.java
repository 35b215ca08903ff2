package dev.hako.ui.common;

import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One narrowing choice over a listing: its values ("" first, meaning any) and the one chosen. */
public record ChoiceFilter<T>(ObservableList<String> choices, StringProperty value, Function<T, String> field) {

    public ChoiceFilter(Function<T, String> field) {
        this(FXCollections.observableArrayList(""), new SimpleStringProperty(""), field);
    }

    /** Whether {@code item} passes: nothing is chosen, or its field is the value chosen. */
    public boolean admits(T item) {
        String wanted = value.get();
        return wanted == null || wanted.isEmpty() || wanted.equals(field.apply(item));
    }
}
