package dev.hako.ui.wizard.instance;

import static dev.hako.ui.wizard.instance.PageControls.label;
import static dev.hako.ui.wizard.instance.PageControls.text;

import dev.hako.ui.common.ChoiceFilter;
import dev.hako.ui.common.ByteSizes;
import dev.hako.ui.common.I18n;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The image page: the source, the filters, the search and the table of images, bound to the view model. */
final class ImagePage {

    private final I18n i18n;
    private final ImageStepViewModel model;
    private final ChoiceBox<ImageSource> source = new ChoiceBox<>();
    private final TableView<ImageChoice> table = new TableView<>();
    private final List<ChoiceBox<String>> filterBoxes;
    private final VBox content;
    private boolean narrowing;

    ImagePage(I18n i18n, ImageStepViewModel model) {
        this.i18n = i18n;
        this.model = model;
        source.setId("newInstanceSource");
        source.setItems(model.sources());
        source.valueProperty().bindBidirectional(model.sourceProperty());
        PageControls.show(source, this::sourceLabel);
        source.setMaxWidth(Double.MAX_VALUE);

        filterBoxes = List.of(filterBox("newInstanceOs", model.os()), filterBox("newInstanceRelease", model.release()),
                filterBox("newInstanceArch", model.architecture()), filterBox("newInstanceVariant", model.variant()));
        TextField search = new TextField();
        search.setId("newInstanceSearch");
        search.promptTextProperty().bind(text(i18n, () -> i18n.get("newinstance.search")));
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);

        buildTable();
        Label status = new Label();
        status.setId("newInstanceSourceStatus");
        status.setWrapText(true);
        status.getStyleClass().add("text-muted");
        status.textProperty().bind(model.statusProperty());
        Button trust = new Button();
        trust.setId("newInstanceTrust");
        trust.textProperty().bind(text(i18n, () -> i18n.get("newinstance.trust")));
        trust.setMinWidth(Region.USE_PREF_SIZE);
        trust.visibleProperty().bind(model.trustOfferedProperty());
        trust.managedProperty().bind(trust.visibleProperty());
        trust.setOnAction(e -> model.checkCertificate());

        GridPane top = PageControls.grid();
        top.addRow(0, label(i18n, () -> i18n.get("newinstance.source")), source);
        HBox filters = new HBox(8, label(i18n, () -> i18n.get("newinstance.filter.os")), filterBoxes.get(0),
                label(i18n, () -> i18n.get("newinstance.filter.release")), filterBoxes.get(1),
                label(i18n, () -> i18n.get("newinstance.filter.arch")), filterBoxes.get(2),
                label(i18n, () -> i18n.get("newinstance.filter.variant")), filterBoxes.get(3));
        filters.setAlignment(Pos.CENTER_LEFT);
        HBox statusRow = new HBox(8, status, trust);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        content = new VBox(10, top, filters, new HBox(8, search), table, statusRow);
    }

    VBox content() {
        return content;
    }

    private ChoiceBox<String> filterBox(String id, ChoiceFilter<ImageChoice> filter) {
        ChoiceBox<String> box = new ChoiceBox<>(filter.choices());
        box.setId(id);
        box.valueProperty().bindBidirectional(filter.value());
        PageControls.show(box, value -> value == null || value.isEmpty() ? i18n.get("newinstance.filter.any") : value);
        // Room for a value such as "x86_64" or "cloud" next to the arrow: the row has space to spare.
        box.setMinWidth(100);
        return box;
    }

    private void buildTable() {
        table.setId("newInstanceImages");
        // While the table takes a new narrowing it may drop its selection: that is not the user's choice.
        model.shownImages().addListener((ListChangeListener<ImageChoice>) change -> narrowing = true);
        table.setItems(model.shownImages());
        model.shownImages().addListener((ListChangeListener<ImageChoice>) change -> {
            narrowing = false;
            selectChosen();
        });
        table.getColumns().add(column(() -> i18n.get("newinstance.col.alias"), ImageChoice::name, 170));
        table.getColumns().add(column(() -> i18n.get("newinstance.col.os"), ImageChoice::os, 90));
        table.getColumns().add(column(() -> i18n.get("newinstance.col.release"), ImageChoice::release, 80));
        table.getColumns().add(column(() -> i18n.get("newinstance.col.arch"), ImageChoice::architecture, 100));
        table.getColumns().add(column(() -> i18n.get("newinstance.col.variant"), ImageChoice::variant, 80));
        table.getColumns().add(column(() -> i18n.get("newinstance.col.type"), c -> c.types().stream()
                .map(this::typeLabel).collect(Collectors.joining(", ")), 110));
        table.getColumns().add(column(() -> i18n.get("newinstance.col.size"), c -> ByteSizes.human(c.size()),
                70));
        table.getColumns().add(column(() -> i18n.get("newinstance.col.description"), ImageChoice::description,
                220));
        table.setPlaceholder(label(i18n, () -> i18n.get("newinstance.noImages")));
        dev.hako.ui.common.FitToText.columns(table);
        // The table's selection and the model's choice follow each other (the model picks a lone match).
        table.getSelectionModel().selectedItemProperty().addListener((o, before, selected) -> {
            if (!narrowing) {
                model.imageProperty().set(selected);
            }
        });
        model.imageProperty().addListener((o, before, chosen) -> selectChosen());
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    private void selectChosen() {
        ImageChoice chosen = model.imageProperty().get();
        if (chosen == null) {
            table.getSelectionModel().clearSelection();
        } else if (chosen != table.getSelectionModel().getSelectedItem()) {
            table.getSelectionModel().select(chosen);
        }
    }

    private TableColumn<ImageChoice, String> column(java.util.function.Supplier<String> title,
                                                    Function<ImageChoice, String> value, double width) {
        TableColumn<ImageChoice, String> column = new TableColumn<>();
        column.textProperty().bind(text(i18n, title));
        column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private String typeLabel(String instanceType) {
        return "virtual-machine".equals(instanceType) ? i18n.get("newinstance.type.vm")
                : i18n.get("newinstance.type.container");
    }

    private String sourceLabel(ImageSource chosen) {
        if (chosen instanceof ImageSource.Own own) {
            return i18n.format("newinstance.source.own", own.remote().name());
        } else if (chosen instanceof ImageSource.OtherRemote other) {
            return i18n.format("newinstance.source.remote", other.remote().name());
        } else if (chosen instanceof ImageSource.ImageServer server) {
            return i18n.format("newinstance.source.server", server.config().name(), server.config().address());
        }
        return "";
    }

    /** After a language switch: the choice boxes and the type column render again. */
    void relabel() {
        PageControls.rerender(source);
        filterBoxes.forEach(box -> PageControls.rerender(box));
        table.refresh();
    }
}
