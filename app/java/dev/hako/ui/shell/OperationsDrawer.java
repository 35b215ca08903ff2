package dev.hako.ui.shell;

import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.model.history.TaskHistory;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FormBuilder;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.common.UiSettings;
import dev.hako.ui.shell.OperationsDrawerViewModel.Row;
import dev.hako.ui.view.FactSheet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Running operations of every remote, with progress and cancel, above the task history
 * (with a history file: everything Hako started or saw, searchable, read in pages). Fed by
 * the servers' operation events (so it also shows work started elsewhere); updates are
 * batched into one repaint per frame. What it lists, and how it is narrowed and folded, is
 * {@link OperationsDrawerViewModel}'s; the selected task's details show beside the list.
 */
final class OperationsDrawer {

    static final double DEFAULT_HEIGHT = 240;
    private static final double SHORTEST = 120;

    private final I18n i18n;
    private final Workspace workspace;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final UiSettings settings;
    private final TaskHistory history;
    private final OperationsDrawerViewModel model;
    private final OperationsFilters filters;
    private final TitledPane pane = new TitledPane();
    private final BorderPane content = new BorderPane();
    private final TableView<Row> table;
    private final SplitPane split = new SplitPane();
    private final VBox detail = new VBox(6);
    private final TextArea detailText = new TextArea();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private String selectedKey;

    /** {@code history} may be null: then only what the remotes' models still know is listed. */
    OperationsDrawer(Workspace workspace, I18n i18n, TaskExecutor tasks, DialogService dialogs, UiSettings settings,
                     TaskHistory history) {
        this.i18n = i18n;
        this.workspace = workspace;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.settings = settings;
        this.history = history;
        this.model = new OperationsDrawerViewModel(tasks, history);
        this.filters = new OperationsFilters(i18n, model);
        table = new TableView<>(model.rows());
        table.setId("operationsTable");
        Label none = new Label();
        none.textProperty().bind(i18n.text("operations.none"));
        table.setPlaceholder(none);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(FactSheet.<Row>column("", 100, Row::remote));
        table.getColumns().add(FactSheet.<Row>column("", 260, this::description));
        table.getColumns().add(FactSheet.<Row>column("", 120, r -> TaskDetails.status(i18n, r.task())));
        table.getColumns().add(FactSheet.<Row>column("", 150, r -> TaskDetails.time(i18n, r.task().started())));
        TableColumn<Row, Row> progress = new TableColumn<>();
        progress.setPrefWidth(240);
        progress.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        progress.setCellFactory(c -> new OperationProgressCell(i18n, workspace, tasks, dialogs));
        table.getColumns().add(progress);
        // Headers follow the window's language; the rows are the server's own words.
        List<String> headers = List.of("operations.remote", "operations.description", "operations.status",
                "history.started", "operations.progress");
        for (int i = 0; i < headers.size(); i++) {
            table.getColumns().get(i).textProperty().bind(i18n.text(headers.get(i)));
        }
        i18n.localeProperty().addListener((o, was, now) -> {
            updateTitle();
            table.refresh();
            showDetail();
        });
        buildDetail();
        split.setOrientation(Orientation.HORIZONTAL);
        split.getItems().setAll(table);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                selectedKey = keyOf(now);
                showDetail();
            }
        });
        // The rows are replaced whole on each change: the task chosen stays chosen while it is listed.
        model.rows().addListener((ListChangeListener<Row>) c -> reselect());
        content.setTop(new VBox(grip(), filters.node()));
        content.setCenter(split);
        content.setBottom(footer());
        content.setPrefHeight(Math.max(SHORTEST, settings.operationsHeight(DEFAULT_HEIGHT)));
        pane.setContent(content);
        pane.setExpanded(false);
        pane.setId("operationsDrawer");
        pane.setAnimated(false);
        pane.expandedProperty().addListener((o, was, expanded) -> {
            if (expanded) {
                showRows();
                model.reload();
            }
        });
        model.runningProperty().addListener((o, was, now) -> updateTitle());
        updateTitle();
        workspace.remotes().forEach(this::follow);
        workspace.addListener(new Workspace.Listener() {
            @Override
            public void added(RemoteModel remote) {
                follow(remote);
                tasks.runOnUi(OperationsDrawer.this::flush);
            }

            @Override
            public void removed(RemoteModel remote) {
                tasks.runOnUi(OperationsDrawer.this::flush);
            }
        });
        flush();
    }

    Node node() {
        return pane;
    }

    /** The selected task, whole: every fact kept, its full error, and its command with a copy button. */
    private void buildDetail() {
        detailText.setId("operationsDetail");
        detailText.setEditable(false);
        detailText.setWrapText(true);
        VBox.setVgrow(detailText, Priority.ALWAYS);
        Button copy = new Button();
        copy.setId("operationsCopyCommand");
        copy.textProperty().bind(i18n.text("history.copyCommand"));
        copy.setOnAction(e -> {
            Row row = table.getSelectionModel().getSelectedItem();
            if (row != null && !row.task().command().isEmpty()) {
                ClipboardContent text = new ClipboardContent();
                text.putString(row.task().command());
                Clipboard.getSystemClipboard().setContent(text);
            }
        });
        copy.disableProperty().bind(table.getSelectionModel().selectedItemProperty().map(
                r -> r.task().command().isEmpty()).orElse(true));
        Button close = new Button();
        close.setId("operationsDetailClose");
        close.textProperty().bind(i18n.text("history.detail.close"));
        close.setOnAction(e -> {
            selectedKey = null;
            table.getSelectionModel().clearSelection();
            showDetail();
        });
        detail.getChildren().setAll(detailText, new HBox(6, copy, close));
        detail.setPadding(new Insets(0, 0, 0, 4));
        detail.setMinWidth(220);
    }

    private static String keyOf(Row row) {
        return row.remote() + "\n" + row.task().id();
    }

    private void reselect() {
        if (selectedKey == null) {
            return;
        }
        Row again = model.rows().stream().filter(r -> keyOf(r).equals(selectedKey)).findFirst().orElse(null);
        if (again == null) {
            selectedKey = null;
            showDetail();
        } else if (table.getSelectionModel().getSelectedItem() != again) {
            table.getSelectionModel().select(again);
        }
    }

    private void showDetail() {
        Row row = selectedKey == null ? null : table.getSelectionModel().getSelectedItem();
        if (row == null) {
            split.getItems().remove(detail);
            return;
        }
        detailText.setText(TaskDetails.text(i18n, row.task()));
        if (!split.getItems().contains(detail)) {
            split.getItems().add(detail);
            split.setDividerPositions(0.62);
        }
    }

    /** How many are shown of how many match, older pages on demand, and how long history is kept. */
    private Node footer() {
        Label shown = new Label();
        shown.setId("operationsShown");
        shown.getStyleClass().add("text-muted");
        Runnable count = () -> {
            int listed = model.rows().stream().mapToInt(Row::count).sum();
            int of = model.hasHistory() ? Math.max(listed, model.matchingProperty().get()) : model.totalProperty().get();
            shown.setText(i18n.format("operations.shown", listed, of));
        };
        model.rows().addListener((ListChangeListener<Row>) c -> count.run());
        model.matchingProperty().addListener((o, was, now) -> count.run());
        i18n.localeProperty().addListener((o, was, now) -> count.run());
        count.run();
        Button more = new Button();
        more.setId("operationsMore");
        more.textProperty().bind(i18n.text("history.more"));
        more.visibleProperty().bind(model.moreProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.setOnAction(e -> model.loadMore());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, shown, more, spacer, filters.foldBox());
        if (history != null) {
            Button keep = new Button();
            keep.setId("operationsRetention");
            keep.textProperty().bind(i18n.text("history.retention.button"));
            keep.setOnAction(e -> askRetention());
            bar.getChildren().add(keep);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4));
        return bar;
    }

    private void askRetention() {
        FormBuilder form = new FormBuilder(i18n);
        TextField days = form.text("history.retention.days", "retentionDays",
                Integer.toString(settings.historyRetentionDays()), null);
        form.check(() -> OperationsDrawerViewModel.retentionDays(days.getText()) == null
                ? i18n.format("history.retention.invalid", OperationsDrawerViewModel.LONGEST_RETENTION_DAYS) : null);
        form.focusOnShow(days);
        if (form.show(dialogs, i18n.get("history.retention.title"), i18n.get("history.retention.header"))) {
            int chosen = OperationsDrawerViewModel.retentionDays(days.getText());
            settings.setHistoryRetentionDays(chosen);
            history.setRetentionDays(chosen);
            model.reload();
        }
    }

    /** A handle on the drawer's top edge: dragged up, the list grows; the height is remembered. */
    private Node grip() {
        Region grip = new Region();
        grip.setId("operationsGrip");
        grip.getStyleClass().add("drawer-grip");
        grip.setMinHeight(6);
        grip.setPrefHeight(6);
        grip.setCursor(Cursor.V_RESIZE);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.text("operations.resize"));
        Tooltip.install(grip, tip);
        double[] from = new double[2];
        grip.setOnMousePressed(e -> {
            from[0] = e.getScreenY();
            from[1] = content.getHeight();
        });
        grip.setOnMouseDragged(e -> content.setPrefHeight(clampedHeight(from[1] + from[0] - e.getScreenY())));
        grip.setOnMouseReleased(e -> settings.setOperationsHeight(content.getPrefHeight()));
        return grip;
    }

    /** No shorter than a few rows, no taller than most of the window. */
    private double clampedHeight(double wanted) {
        double tallest = pane.getScene() == null ? wanted : pane.getScene().getHeight() * 0.75;
        return Math.max(SHORTEST, Math.min(tallest, wanted));
    }

    private void follow(RemoteModel remote) {
        // The model keeps the operations (and forgets old ended ones); the drawer only shows them.
        remote.operations().addListener(entry -> {
            if (flushScheduled.compareAndSet(false, true)) {
                tasks.runOnUi(this::flush);
            }
        });
    }

    private String description(Row row) {
        String text = TaskDetails.described(row.task());
        return row.count() > 1 ? i18n.format("operations.repeated", text, row.count()) : text;
    }

    private void flush() {
        flushScheduled.set(false);
        filters.offerRemotes(workspace.remotes().stream().map(RemoteModel::name).toList());
        if (pane.isExpanded()) {
            showRows();
        } else {
            model.count(sources());
        }
    }

    /**
     * Fills the table. A collapsed drawer keeps only its count current: a bulk action
     * brings hundreds of operation events, and a hidden table need not lay out for them.
     */
    private void showRows() {
        model.show(sources());
    }

    private List<OperationsDrawerViewModel.Source> sources() {
        List<OperationsDrawerViewModel.Source> all = new ArrayList<>();
        for (RemoteModel remote : workspace.remotes()) {
            var client = remote.client();
            all.add(new OperationsDrawerViewModel.Source(remote.name(), client == null ? remote.state().kind()
                    : client.kind(), remote.operations().entries()));
        }
        return all;
    }

    private void updateTitle() {
        pane.setText(i18n.format("operations.title", model.runningProperty().get()));
    }
}
