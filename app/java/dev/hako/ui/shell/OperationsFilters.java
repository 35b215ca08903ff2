package dev.hako.ui.shell;

import dev.hako.model.history.TaskRecord;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ShownAs;
import dev.hako.ui.shell.OperationsDrawerViewModel.Origin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** The drawer's search field and filters, bound to its view model. */
final class OperationsFilters {

    /** The "all" entry of the remote and kind choices (no remote or server description is empty). */
    static final String ALL = "";

    private final I18n i18n;
    private final TextField search = new TextField();
    private final ComboBox<String> remoteFilter = new ComboBox<>(FXCollections.observableArrayList(ALL));
    private final ComboBox<String> kindFilter = new ComboBox<>(FXCollections.observableArrayList(ALL));
    private final ComboBox<Origin> originFilter = new ComboBox<>(FXCollections.observableArrayList(Origin.values()));
    private final ComboBox<String> resultFilter = new ComboBox<>();
    private final FlowPane bar;
    private final CheckBox fold;

    OperationsFilters(I18n i18n, OperationsDrawerViewModel model) {
        this.i18n = i18n;
        search.setId("operationsSearch");
        search.promptTextProperty().bind(i18n.text("history.search.prompt"));
        search.setPrefColumnCount(12);
        search.textProperty().bindBidirectional(model.textProperty());
        remoteFilter.setId("operationsRemoteFilter");
        remoteFilter.setValue(ALL);
        remoteFilter.valueProperty().addListener((o, was, now) -> model.remoteProperty().set(orNull(now)));
        kindFilter.setId("operationsKindFilter");
        kindFilter.setValue(ALL);
        kindFilter.valueProperty().addListener((o, was, now) -> model.kindProperty().set(orNull(now)));
        originFilter.setId("operationsOriginFilter");
        originFilter.valueProperty().bindBidirectional(model.originProperty());
        List<String> results = new ArrayList<>(List.of(ALL));
        Arrays.stream(TaskRecord.Result.values()).forEach(r -> results.add(r.name()));
        resultFilter.getItems().setAll(results);
        resultFilter.setId("operationsResultFilter");
        resultFilter.setValue(ALL);
        resultFilter.valueProperty().addListener((o, was, now) -> model.resultProperty().set(
                orNull(now) == null ? null : TaskRecord.Result.valueOf(now)));
        // A long choice ("Other clients (CLI, scripts)") must not push the bar onto a second line.
        remoteFilter.setPrefWidth(160);
        kindFilter.setPrefWidth(180);
        originFilter.setPrefWidth(190);
        resultFilter.setPrefWidth(160);
        fold = new CheckBox();
        fold.setId("operationsFold");
        fold.textProperty().bind(i18n.text("operations.filter.fold"));
        fold.selectedProperty().bindBidirectional(model.foldRepeatsProperty());
        useLanguage();
        i18n.localeProperty().addListener((o, was, now) -> useLanguage());
        model.kinds().addListener((ListChangeListener<String>) c -> {
            List<String> choices = new ArrayList<>(List.of(ALL));
            choices.addAll(model.kinds());
            replaceChoices(kindFilter, choices);
        });
        // Each label stays with its box when a narrow window wraps the bar.
        bar = new FlowPane(12, 4, search, pair("operations.filter.remote", remoteFilter),
                pair("operations.filter.kind", kindFilter), pair("operations.filter.origin", originFilter),
                pair("history.filter.result", resultFilter));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 4, 4, 4));
    }

    Node node() {
        return bar;
    }

    /** "Fold repeats", shown with the count below the list. */
    Node foldBox() {
        return fold;
    }

    /** Offers the remotes of the workspace, keeping the one chosen while it is there. */
    void offerRemotes(List<String> names) {
        List<String> choices = new ArrayList<>(List.of(ALL));
        choices.addAll(names);
        replaceChoices(remoteFilter, choices);
    }

    /** New converters make the boxes redraw their choices in the window's language. */
    private void useLanguage() {
        remoteFilter.setConverter(ShownAs.text(v -> orNull(v) == null ? i18n.get("operations.filter.allRemotes") : v));
        kindFilter.setConverter(ShownAs.text(v -> orNull(v) == null ? i18n.get("operations.filter.allKinds") : v));
        originFilter.setConverter(ShownAs.text(o -> o == null ? "" : i18n.get(switch (o) {
            case EVERYONE -> "operations.origin.everyone";
            case HERE -> "operations.origin.here";
            case ELSEWHERE -> "operations.origin.elsewhere";
        })));
        resultFilter.setConverter(ShownAs.text(r -> orNull(r) == null ? i18n.get("history.filter.anyResult")
                : TaskDetails.resultText(i18n, TaskRecord.Result.valueOf(r))));
    }

    /** Keeps the choice made while the choices change; one that is gone falls back to "all". */
    private static void replaceChoices(ComboBox<String> box, List<String> choices) {
        if (box.getItems().equals(choices)) {
            return;
        }
        String chosen = box.getValue();
        box.getItems().setAll(choices);
        box.setValue(chosen != null && choices.contains(chosen) ? chosen : ALL);
    }

    private HBox pair(String key, Node field) {
        HBox pair = new HBox(4, label(key, field), field);
        pair.setAlignment(Pos.CENTER_LEFT);
        return pair;
    }

    private Label label(String key, Node field) {
        Label label = new Label();
        label.textProperty().bind(i18n.text(key));
        label.setLabelFor(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static String orNull(String choice) {
        return choice == null || choice.isEmpty() ? null : choice;
    }
}
