package dev.hako.ui.view.lists;

import dev.hako.model.list.ListColumn;
import dev.hako.ui.common.FitToText;
import dev.hako.ui.common.I18n;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
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
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * A {@link ListTableViewModel} on screen: the chosen columns (dragged into another order,
 * the user's new order), sortable by any; a count, the filter's problem, a Columns menu and
 * an Export menu above; multi-selection with a context menu, Enter or a double-click to
 * open, Delete to delete and the copy key for CSV of the selection.
 *
 * @param <R> the kind of row
 */
public final class ListTableView<R> {

    private static final KeyCodeCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    /**
     * What the table does with rows, and its words.
     *
     * @param id          the prefix of its controls' ids ("image" gives #imageTable, #imageColumns …)
     * @param emptyKey    what it says when no row matches
     * @param countKey    "{0} of {1} …"
     * @param fileStem    the start of an exported file's name ("lab-images")
     * @param open        opens a row (Enter, double-click); null for none
     * @param menu        the context menu of selected rows; null for none
     * @param delete      deletes selected rows (Delete); null for none
     */
    public record Actions<R>(String id, String emptyKey, String countKey, String fileStem, Consumer<R> open,
                             Function<List<R>, ContextMenu> menu, Consumer<List<R>> delete) {
    }

    private final ListTableViewModel<R> model;
    private final I18n i18n;
    private final Actions<R> actions;
    private final TableView<R> table = new TableView<>();
    private final BorderPane root = new BorderPane();
    private boolean rebuilding;

    public ListTableView(ListTableViewModel<R> model, I18n i18n, Actions<R> actions) {
        this.model = model;
        this.i18n = i18n;
        this.actions = actions;
        table.setId(actions.id() + "Table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setItems(model.shown());
        model.shown().comparatorProperty().bind(table.comparatorProperty());
        Label empty = new Label();
        empty.textProperty().bind(i18n.text(actions.emptyKey()));
        table.setPlaceholder(empty);
        table.setRowFactory(t -> row());
        installMenu();
        installKeys();
        buildColumns();
        model.columns().addListener((ListChangeListener<ListColumn<R>>) c -> buildColumns());
        table.getColumns().addListener((ListChangeListener<TableColumn<R, ?>>) c -> {
            if (!rebuilding) {
                model.chooseColumns(table.getColumns().stream().map(ListTableView::<R>columnOf).toList());
            }
        });
        i18n.localeProperty().addListener((o, was, now) -> table.refresh());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, count(), spacer, columnsButton(), exportButton());
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, bar, problem());
        top.setPadding(new Insets(6));
        root.setTop(top);
        root.setCenter(table);
        root.setId(actions.id() + "TableView");
        FitToText.columns(table, (column, row) -> column.getUserData() instanceof ListColumn<?> shown
                ? ListTableView.<R>columnOf(column).text(row, i18n.locale()) : null);
    }

    @SuppressWarnings("unchecked")
    private static <R> ListColumn<R> columnOf(TableColumn<R, ?> column) {
        return (ListColumn<R>) column.getUserData();
    }

    public Node node() {
        return root;
    }

    public TableView<R> table() {
        return table;
    }

    public ListTableViewModel<R> model() {
        return model;
    }

    private void installMenu() {
        if (actions.menu() == null) {
            return;
        }
        // Made for the selection of the moment, like the tree's.
        ContextMenu[] shownMenu = new ContextMenu[1];
        table.setOnContextMenuRequested(e -> {
            if (shownMenu[0] != null) {
                shownMenu[0].hide();
            }
            shownMenu[0] = actions.menu().apply(List.copyOf(table.getSelectionModel().getSelectedItems()));
            if (shownMenu[0] != null && !shownMenu[0].getItems().isEmpty()) {
                shownMenu[0].show(table, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
    }

    private void installKeys() {
        table.setOnKeyPressed(e -> {
            List<R> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
            if (e.getCode() == KeyCode.ENTER && actions.open() != null && !selected.isEmpty()) {
                actions.open().accept(table.getSelectionModel().getSelectedItem());
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE && actions.delete() != null && !selected.isEmpty()) {
                // Consumed here: the window's own Delete acts on the tree's selection.
                actions.delete().accept(selected);
                e.consume();
            }
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (COPY.match(e)) {
                copySelection();
                e.consume();
            }
        });
    }

    private Label count() {
        Label count = new Label();
        count.getStyleClass().add("text-muted");
        count.setId(actions.id() + "TableCount");
        Runnable counted = () -> count.setText(i18n.format(actions.countKey(), model.shown().size(),
                model.rows().size()));
        model.shown().addListener((ListChangeListener<R>) c -> counted.run());
        model.rows().addListener((ListChangeListener<R>) c -> counted.run());
        i18n.localeProperty().addListener((o, was, now) -> counted.run());
        counted.run();
        return count;
    }

    private Label problem() {
        Label problem = new Label();
        problem.setId(actions.id() + "FilterProblem");
        problem.getStyleClass().add("inline-note");
        problem.setWrapText(true);
        problem.textProperty().bind(model.filterProblemProperty());
        problem.visibleProperty().bind(model.filterProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return problem;
    }

    private void buildColumns() {
        rebuilding = true;
        try {
            List<TableColumn<R, ?>> built = new ArrayList<>();
            for (ListColumn<R> column : model.columns()) {
                built.add(tableColumn(column));
            }
            table.getColumns().setAll(built);
        } finally {
            rebuilding = false;
        }
    }

    private TableColumn<R, R> tableColumn(ListColumn<R> column) {
        TableColumn<R, R> tableColumn = new TableColumn<>();
        tableColumn.setUserData(column);
        tableColumn.setId(actions.id() + "Column-" + column.name());
        tableColumn.textProperty().bind(i18n.text(column.headerKey()));
        tableColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        tableColumn.setComparator(column.comparator());
        tableColumn.setCellFactory(c -> new TableCell<>() {
            {
                setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(R row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : column.text(row, i18n.locale()));
            }
        });
        tableColumn.setPrefWidth(110);
        return tableColumn;
    }

    private TableRow<R> row() {
        TableRow<R> row = new TableRow<>();
        row.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && !row.isEmpty() && actions.open() != null) {
                actions.open().accept(row.getItem());
            }
        });
        return row;
    }

    /** The selected rows as CSV of the columns shown, for a spreadsheet or a ticket. */
    private void copySelection() {
        List<R> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (!selected.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.export(ExportFormat.CSV, selected));
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private MenuButton columnsButton() {
        MenuButton button = new MenuButton();
        button.setId(actions.id() + "Columns");
        button.textProperty().bind(i18n.text("lists.table.columns"));
        button.setOnShowing(e -> {
            List<MenuItem> items = new ArrayList<>();
            for (ListColumn<R> column : model.kind().columns()) {
                CheckMenuItem item = new CheckMenuItem(i18n.get(column.headerKey()));
                item.setId(actions.id() + "ColumnChoice-" + column.name());
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

    private void toggle(ListColumn<R> column, boolean shown) {
        List<ListColumn<R>> chosen = new ArrayList<>(model.columns());
        if (shown && !chosen.contains(column)) {
            chosen.add(column);
        } else if (!shown && chosen.size() > 1) {
            chosen.remove(column);
        }
        model.chooseColumns(chosen);
    }

    private MenuButton exportButton() {
        MenuButton button = new MenuButton();
        button.setId(actions.id() + "Export");
        button.textProperty().bind(i18n.text("lists.table.export"));
        for (ExportFormat format : ExportFormat.values()) {
            MenuItem item = new MenuItem(format.name());
            item.setId(actions.id() + "Export-" + format.name());
            item.setOnAction(e -> exportAs(format));
            button.getItems().add(item);
        }
        return button;
    }

    private void exportAs(ExportFormat format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.format("lists.export.title", format.name()));
        String extension = format.name().toLowerCase(Locale.ROOT);
        chooser.setInitialFileName(actions.fileStem() + "." + extension);
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter(format.name(), "*." + extension));
        File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file != null) {
            model.exportTo(format, file.toPath());
        }
    }
}
