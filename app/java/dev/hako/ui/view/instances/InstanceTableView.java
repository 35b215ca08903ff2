package dev.hako.ui.view.instances;

import dev.hako.model.list.InstanceColumn;
import dev.hako.model.list.InstanceRow;
import dev.hako.model.list.TableExport;
import dev.hako.ui.actions.ContextMenus;
import dev.hako.ui.common.FitToText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.tree.TreeEntry;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/**
 * The instance table on screen: {@link InstanceTableViewModel}'s rows with the columns the
 * user chose (and dragged into order), sortable by any; the tree's context menu and keys;
 * Enter or a double-click opens the instance. While shown, the rows on screen have their
 * state read again every few seconds.
 */
public final class InstanceTableView {

    private static final Duration REFRESH = Duration.seconds(5);
    private static final KeyCodeCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final InstanceTableViewModel model;
    private final I18n i18n;
    private final ContextMenus actions;
    private final BiConsumer<String, String> open;
    private final TableView<InstanceRow> table = new TableView<>();
    private final BorderPane root = new BorderPane();
    private final Timeline refresher = new Timeline(new KeyFrame(REFRESH, e -> refreshOnScreen()));
    private boolean rebuilding;

    /** {@code open} brings an instance (remote, name) up in the window. */
    public InstanceTableView(InstanceTableViewModel model, I18n i18n, ContextMenus actions,
                             BiConsumer<String, String> open) {
        this.model = model;
        this.i18n = i18n;
        this.actions = actions;
        this.open = open;
        table.setId("instanceTable");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setItems(model.shown());
        model.shown().comparatorProperty().bind(table.comparatorProperty());
        Label empty = new Label();
        empty.textProperty().bind(i18n.text("instances.table.empty"));
        table.setPlaceholder(empty);
        table.setRowFactory(t -> row());
        // Made for the selection of the moment, like the tree's.
        ContextMenu[] shownMenu = new ContextMenu[1];
        table.setOnContextMenuRequested(e -> {
            if (shownMenu[0] != null) {
                shownMenu[0].hide();
            }
            shownMenu[0] = menu();
            if (!shownMenu[0].getItems().isEmpty()) {
                shownMenu[0].show(table, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE && !table.getSelectionModel().getSelectedItems().isEmpty()) {
                // Consumed here: the window's own Delete acts on the tree's selection.
                actions.instances().delete(model.remote(), table.getSelectionModel().getSelectedItems().stream()
                        .map(InstanceRow::instance).toList());
                e.consume();
            }
        });
        table.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (COPY.match(e)) {
                copySelection();
                e.consume();
            }
        });
        buildColumns();
        model.columns().addListener((ListChangeListener<InstanceColumn>) c -> buildColumns());
        // Columns dragged into another order are the user's new order.
        table.getColumns().addListener((ListChangeListener<TableColumn<InstanceRow, ?>>) c -> {
            if (!rebuilding) {
                model.chooseColumns(table.getColumns().stream()
                        .map(column -> (InstanceColumn) column.getUserData()).toList());
            }
        });
        i18n.localeProperty().addListener((o, was, now) -> table.refresh());
        model.shown().addListener((ListChangeListener<InstanceRow>) c -> readUnknownOnScreen());
        // Rows scrolled into view are read at once, not at the next round.
        table.addEventHandler(javafx.scene.input.ScrollEvent.SCROLL, e -> readUnknownOnScreen());

        Label problem = new Label();
        problem.setId("instanceFilterProblem");
        problem.getStyleClass().add("inline-note");
        problem.setWrapText(true);
        problem.textProperty().bind(model.filterProblemProperty());
        problem.visibleProperty().bind(model.filterProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Label count = new Label();
        count.getStyleClass().add("text-muted");
        count.setId("instanceTableCount");
        Runnable counted = () -> count.setText(i18n.format("instances.table.count", model.shown().size(),
                model.rows().size()));
        model.shown().addListener((ListChangeListener<InstanceRow>) c -> counted.run());
        model.rows().addListener((ListChangeListener<InstanceRow>) c -> counted.run());
        i18n.localeProperty().addListener((o, was, now) -> counted.run());
        counted.run();
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, count, spacer, columnsButton(), exportButton());
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, bar, problem);
        top.setPadding(new Insets(6));
        root.setTop(top);
        root.setCenter(table);
        root.setId("instanceTableView");
        root.sceneProperty().addListener((o, was, now) -> showing(now != null));
        FitToText.columns(table, (column, row) -> column.getUserData() instanceof InstanceColumn shown
                ? shown.text(row, i18n.locale()) : null);
    }

    public Node node() {
        return root;
    }

    public InstanceTableViewModel model() {
        return model;
    }

    /** Reads the rows on screen only while the table is on screen. */
    private void showing(boolean shown) {
        if (shown) {
            refreshOnScreen();
            refresher.setCycleCount(Timeline.INDEFINITE);
            refresher.play();
        } else {
            refresher.stop();
        }
    }

    private void readUnknownOnScreen() {
        if (root.getScene() != null) {
            model.readUnknown(onScreen());
        }
    }

    private void refreshOnScreen() {
        if (root.getScene() == null) {
            return;
        }
        model.refresh(onScreen());
    }

    /** The names in the rows the table shows now (the first screenful before it is laid out). */
    List<String> onScreen() {
        List<String> names = new ArrayList<>();
        int first = 0;
        int last = Math.min(model.shown().size(), 40) - 1;
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow && flow.getFirstVisibleCell() != null) {
            first = flow.getFirstVisibleCell().getIndex();
            last = flow.getLastVisibleCell().getIndex();
        }
        for (int i = Math.max(0, first); i <= last && i < model.shown().size(); i++) {
            names.add(model.shown().get(i).instance().name());
        }
        return names;
    }

    private void buildColumns() {
        rebuilding = true;
        try {
            List<TableColumn<InstanceRow, ?>> built = new ArrayList<>();
            for (InstanceColumn column : model.columns()) {
                built.add(tableColumn(column));
            }
            table.getColumns().setAll(built);
        } finally {
            rebuilding = false;
        }
    }

    private TableColumn<InstanceRow, InstanceRow> tableColumn(InstanceColumn column) {
        TableColumn<InstanceRow, InstanceRow> tableColumn = new TableColumn<>();
        tableColumn.setUserData(column);
        tableColumn.setId("instanceColumn-" + column.name());
        tableColumn.textProperty().bind(i18n.text(column.headerKey()));
        tableColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        tableColumn.setComparator(column.comparator());
        tableColumn.setCellFactory(c -> new TableCell<>() {
            {
                setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(InstanceRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : column.text(row, i18n.locale()));
            }
        });
        tableColumn.setPrefWidth(column == InstanceColumn.NAME ? 160 : 110);
        return tableColumn;
    }

    private TableRow<InstanceRow> row() {
        TableRow<InstanceRow> row = new TableRow<>();
        row.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && !row.isEmpty()) {
                open.accept(row.getItem().remote(), row.getItem().instance().name());
            }
        });
        return row;
    }

    private ContextMenu menu() {
        List<TreeEntry> selection = table.getSelectionModel().getSelectedItems().stream()
                .map(r -> (TreeEntry) new TreeEntry.InstanceEntry(r.remote(), r.instance())).toList();
        return actions.forSelection(selection);
    }

    private void openSelected() {
        InstanceRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            open.accept(row.remote(), row.instance().name());
        }
    }

    /** The selected rows as CSV of the columns shown, for a spreadsheet or a ticket. */
    private void copySelection() {
        List<InstanceRow> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (!selected.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(TableExport.csv(List.copyOf(model.columns()), selected, i18n.locale()));
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private MenuButton columnsButton() {
        MenuButton button = new MenuButton();
        button.setId("instanceColumns");
        button.textProperty().bind(i18n.text("instances.table.columns"));
        button.setOnShowing(e -> {
            List<MenuItem> items = new ArrayList<>();
            for (InstanceColumn column : InstanceColumn.values()) {
                CheckMenuItem item = new CheckMenuItem(i18n.get(column.headerKey()));
                item.setId("instanceColumnChoice-" + column.name());
                item.setSelected(model.columns().contains(column));
                item.setOnAction(a -> toggle(column, item.isSelected()));
                items.add(item);
            }
            button.getItems().setAll(items);
        });
        // A first item, so the button opens at all; the real ones are made as it opens.
        button.getItems().add(new MenuItem());
        return button;
    }

    private void toggle(InstanceColumn column, boolean shown) {
        List<InstanceColumn> chosen = new ArrayList<>(model.columns());
        if (shown && !chosen.contains(column)) {
            chosen.add(column);
        } else if (!shown && chosen.size() > 1) {
            chosen.remove(column);
        }
        model.chooseColumns(chosen);
    }

    private MenuButton exportButton() {
        MenuButton button = new MenuButton();
        button.setId("instanceExport");
        button.textProperty().bind(i18n.text("instances.table.export"));
        for (ExportFormat format : ExportFormat.values()) {
            MenuItem item = new MenuItem(format.name());
            item.setId("instanceExport-" + format.name());
            item.setOnAction(e -> exportAs(format));
            button.getItems().add(item);
        }
        return button;
    }

    private void exportAs(ExportFormat format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.format("instances.export.title", format.name()));
        String extension = format.name().toLowerCase(java.util.Locale.ROOT);
        chooser.setInitialFileName(model.remoteName() + "-instances." + extension);
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter(format.name(), "*." + extension));
        File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file != null) {
            model.exportTo(format, file.toPath());
        }
    }
}
