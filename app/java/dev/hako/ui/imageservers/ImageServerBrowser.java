package dev.hako.ui.imageservers;

import dev.hako.ui.common.ChoiceFilter;
import dev.hako.ui.common.ByteSizes;
import dev.hako.lxd.ServerKind;
import dev.hako.model.CommandLine;
import dev.hako.remote.simplestreams.SimplestreamsImage;
import dev.hako.ui.common.CommandBox;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ShownAs;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The browser of one image server: filters, search, the table of images and the actions on the
 * chosen one (Copy to server…, Launch…), also in each row's context menu. Builds and binds only.
 */
final class ImageServerBrowser {

    private final I18n i18n;
    private final ImageServerBrowserViewModel model;
    private final TableView<SimplestreamsImage> table = new TableView<>();
    private final VBox content;
    private final ServerKind cli;

    /** {@code copy} and {@code launch} act on an image of this server. */
    ImageServerBrowser(I18n i18n, ImageServerBrowserViewModel model, ServerKind cli,
                       Consumer<SimplestreamsImage> copy, Consumer<SimplestreamsImage> launch) {
        this.i18n = i18n;
        this.model = model;
        this.cli = cli;
        Label title = new Label(model.server().name() + ":  " + model.server().address());
        title.setId("imageServerTitle");
        title.getStyleClass().add("title-3");
        Label origin = label(() -> model.server().isBuiltIn()
                ? i18n.format("imageservers.builtIn", String.join(", ", model.server().builtIn().stream()
                        .map(ServerKind::cli).toList()))
                : i18n.get("imageservers.saved"));
        origin.getStyleClass().add("text-muted");

        FlowPane filters = new FlowPane(8, 6);
        filters.setAlignment(Pos.CENTER_LEFT);
        addFilter(filters, "imageservers.filter.os", "imageServerOs", model.os(), v -> v);
        addFilter(filters, "imageservers.filter.release", "imageServerRelease", model.release(), v -> v);
        addFilter(filters, "imageservers.filter.arch", "imageServerArch", model.architecture(), v -> v);
        addFilter(filters, "imageservers.filter.variant", "imageServerVariant", model.variant(), v -> v);
        addFilter(filters, "imageservers.filter.type", "imageServerType", model.type(), this::typeLabel);
        TextField search = new TextField();
        search.setId("imageServerSearch");
        search.promptTextProperty().bind(text(() -> i18n.get("imageservers.search")));
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        Button reload = button("imageServerReload", "imageservers.reload", model::reload);
        reload.disableProperty().bind(model.readingProperty());

        buildTable(copy, launch);
        Label status = new Label();
        status.setId("imageServerStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.setMinHeight(Region.USE_PREF_SIZE);
        Label activity = new Label();
        activity.setId("imageServerActivity");
        activity.setWrapText(true);
        activity.textProperty().bind(model.activityProperty());
        activity.getStyleClass().add("text-muted");
        activity.setMinHeight(Region.USE_PREF_SIZE);
        activity.managedProperty().bind(activity.textProperty().isNotEmpty());
        Label chosen = new Label();
        chosen.setId("imageServerSelected");
        chosen.setWrapText(true);
        chosen.textProperty().bind(model.selectedTextProperty());
        chosen.setMinHeight(Region.USE_PREF_SIZE);
        chosen.managedProperty().bind(chosen.textProperty().isNotEmpty());
        Button copyButton = button("imageServerCopy", "imageservers.copy", () -> copy.accept(chosen()));
        Button launchButton = button("imageServerLaunch", "imageservers.launch", () -> launch.accept(chosen()));
        copyButton.disableProperty().bind(model.selectedProperty().isNull());
        launchButton.disableProperty().bind(model.selectedProperty().isNull());
        HBox actions = new HBox(8, copyButton, launchButton);
        Node command = CommandBox.of(i18n, cliKind().cli(), listCommand(), "imageServerCommand");
        content = new VBox(10, new VBox(2, title, origin), filters, new HBox(8, search, reload), table, status,
                chosen, activity, actions, command);
        content.setPadding(new Insets(12));
        content.setId("imageServerBrowser");
    }

    Node node() {
        return content;
    }

    private SimplestreamsImage chosen() {
        return model.selectedProperty().get();
    }

    private ServerKind cliKind() {
        return cli;
    }

    /** {@code lxc image list images: os=Alpine release=3.19 busybox}: the same listing on the command line. */
    private StringBinding listCommand() {
        List<javafx.beans.Observable> inputs = new java.util.ArrayList<>();
        model.filters().forEach(f -> inputs.add(f.value()));
        inputs.add(model.searchProperty());
        return Bindings.createStringBinding(() -> {
            CommandLine line = CommandLine.of(cliKind()).add("image", "list", model.server().name() + ":");
            String[] keys = {"os", "release", "architecture", "variant", "type"};
            for (int i = 0; i < keys.length; i++) {
                String value = model.filters().get(i).value().get();
                if (value != null && !value.isEmpty()) {
                    line.add(keys[i] + "=" + value);
                }
            }
            String words = model.searchProperty().get();
            if (words != null && !words.isBlank()) {
                line.add(words.trim().split("\\s+"));
            }
            return line.toString();
        }, inputs.toArray(javafx.beans.Observable[]::new));
    }

    private void addFilter(FlowPane pane, String labelKey, String id, ChoiceFilter<SimplestreamsImage> filter,
                           Function<String, String> shown) {
        ChoiceBox<String> box = new ChoiceBox<>(filter.choices());
        box.setId(id);
        box.valueProperty().bindBidirectional(filter.value());
        box.setConverter(ShownAs.text(v -> v == null || v.isEmpty() ? i18n.get("imageservers.filter.any")
                : shown.apply(v)));
        box.setMinWidth(90);
        HBox pair = new HBox(4, label(() -> i18n.get(labelKey)), box);
        pair.setAlignment(Pos.CENTER_LEFT);
        pane.getChildren().add(pair);
    }

    private void buildTable(Consumer<SimplestreamsImage> copy, Consumer<SimplestreamsImage> launch) {
        table.setId("imageServerImages");
        table.setItems(model.shownImages());
        table.getColumns().add(column(() -> i18n.get("newinstance.col.alias"), SimplestreamsImage::name, 150));
        table.getColumns().add(column(() -> i18n.get("newinstance.col.os"), SimplestreamsImage::os, 90));
        table.getColumns().add(column(() -> i18n.get("newinstance.col.release"), SimplestreamsImage::release, 80));
        table.getColumns().add(column(() -> i18n.get("newinstance.col.arch"), SimplestreamsImage::architecture, 80));
        table.getColumns().add(column(() -> i18n.get("newinstance.col.variant"), SimplestreamsImage::variant, 80));
        table.getColumns().add(column(() -> i18n.get("newinstance.col.type"), i -> typeLabel(i.type()), 100));
        table.getColumns().add(column(() -> i18n.get("newinstance.col.size"), i -> ByteSizes.human(i.size()), 70));
        table.getColumns().add(column(() -> i18n.get("imageservers.col.serial"), SimplestreamsImage::serial, 120));
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> model.readingProperty().get()
                ? i18n.get("newinstance.loading") : i18n.get("newinstance.noImages"),
                model.readingProperty(), i18n.localeProperty()));
        table.setPlaceholder(placeholder);
        dev.hako.ui.common.FitToText.columns(table);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                model.selectedProperty().set(now));
        model.selectedProperty().addListener((o, was, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        });
        table.setRowFactory(t -> {
            TableRow<SimplestreamsImage> row = new TableRow<>();
            MenuItem copyItem = new MenuItem();
            copyItem.setId("menuImageServerCopy");
            copyItem.textProperty().bind(text(() -> i18n.get("imageservers.copy")));
            copyItem.setOnAction(e -> copy.accept(row.getItem()));
            MenuItem launchItem = new MenuItem();
            launchItem.setId("menuImageServerLaunch");
            launchItem.textProperty().bind(text(() -> i18n.get("imageservers.launch")));
            launchItem.setOnAction(e -> launch.accept(row.getItem()));
            ContextMenu menu = new ContextMenu(copyItem, launchItem);
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty()).then((ContextMenu) null)
                    .otherwise(menu));
            return row;
        });
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    private TableColumn<SimplestreamsImage, String> column(Supplier<String> title,
                                                           Function<SimplestreamsImage, String> value, double width) {
        TableColumn<SimplestreamsImage, String> column = new TableColumn<>();
        column.textProperty().bind(text(title));
        column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private String typeLabel(String type) {
        return "virtual-machine".equals(type) ? i18n.get("newinstance.type.vm") : i18n.get("newinstance.type.container");
    }

    private StringBinding text(Supplier<String> words) {
        return Bindings.createStringBinding(words::get, i18n.localeProperty());
    }

    private Label label(Supplier<String> words) {
        Label label = new Label();
        label.textProperty().bind(text(words));
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private Button button(String id, String key, Runnable action) {
        Button button = new Button();
        button.setId(id);
        button.textProperty().bind(text(() -> i18n.get(key)));
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> action.run());
        return button;
    }
}
