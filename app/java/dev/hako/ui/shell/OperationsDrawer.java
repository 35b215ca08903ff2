package dev.hako.ui.shell;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Operation;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ShownAs;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.common.UiSettings;
import dev.hako.ui.shell.OperationsDrawerViewModel.Origin;
import dev.hako.ui.shell.OperationsDrawerViewModel.Row;
import dev.hako.ui.view.FactSheet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.control.Label;

/**
 * Running and recent operations of every remote, with progress and cancel. Fed by
 * the servers' operation events (so it also shows work started elsewhere);
 * updates are batched into one repaint per frame. What it lists, and how it is
 * narrowed and folded, is {@link OperationsDrawerViewModel}'s.
 */
final class OperationsDrawer {

    static final double DEFAULT_HEIGHT = 240;
    /** The "all" entry of the remote and kind choices (no remote or server description is empty). */
    private static final String ALL = "";
    private static final double SHORTEST = 120;

    private final I18n i18n;
    private final Workspace workspace;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final OperationsDrawerViewModel model = new OperationsDrawerViewModel();
    private final TitledPane pane = new TitledPane();
    private final BorderPane content = new BorderPane();
    private final ComboBox<String> remoteFilter = new ComboBox<>(FXCollections.observableArrayList(ALL));
    private final ComboBox<String> kindFilter = new ComboBox<>(FXCollections.observableArrayList(ALL));
    private final ComboBox<Origin> originFilter = new ComboBox<>(FXCollections.observableArrayList(Origin.values()));
    private final AtomicBoolean flushScheduled = new AtomicBoolean();

    OperationsDrawer(Workspace workspace, I18n i18n, TaskExecutor tasks, DialogService dialogs, UiSettings settings) {
        this.i18n = i18n;
        this.workspace = workspace;
        this.tasks = tasks;
        this.dialogs = dialogs;
        TableView<Row> table = new TableView<>(model.rows());
        table.setId("operationsTable");
        Label none = new Label();
        none.textProperty().bind(i18n.text("operations.none"));
        table.setPlaceholder(none);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(FactSheet.<Row>column(i18n.get("operations.remote"), 100, Row::remote));
        table.getColumns().add(FactSheet.<Row>column(i18n.get("operations.description"), 260, this::description));
        table.getColumns().add(FactSheet.<Row>column(i18n.get("operations.status"), 100, this::status));
        TableColumn<Row, Row> progress = new TableColumn<>(i18n.get("operations.progress"));
        progress.setPrefWidth(240);
        progress.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        progress.setCellFactory(c -> new ProgressCell());
        table.getColumns().add(progress);
        // Headers follow the window's language; the rows are the server's own words.
        List<String> headers = List.of("operations.remote", "operations.description", "operations.status",
                "operations.progress");
        for (int i = 0; i < headers.size(); i++) {
            table.getColumns().get(i).textProperty().bind(i18n.text(headers.get(i)));
        }
        i18n.localeProperty().addListener((o, was, now) -> {
            updateTitle();
            table.refresh();
        });
        content.setTop(new VBox(grip(settings), filters()));
        content.setCenter(table);
        content.setPrefHeight(Math.max(SHORTEST, settings.operationsHeight(DEFAULT_HEIGHT)));
        pane.setContent(content);
        pane.setExpanded(false);
        pane.setId("operationsDrawer");
        pane.setAnimated(false);
        pane.expandedProperty().addListener((o, was, expanded) -> {
            if (expanded) {
                showRows();
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

    /** A handle on the drawer's top edge: dragged up, the list grows; the height is remembered. */
    private Node grip(UiSettings settings) {
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

    private Node filters() {
        remoteFilter.setId("operationsRemoteFilter");
        remoteFilter.setValue(ALL);
        remoteFilter.valueProperty().addListener((o, was, now) -> model.remoteProperty().set(orNull(now)));
        kindFilter.setId("operationsKindFilter");
        kindFilter.setValue(ALL);
        kindFilter.valueProperty().addListener((o, was, now) -> model.kindProperty().set(orNull(now)));
        originFilter.setId("operationsOriginFilter");
        originFilter.valueProperty().bindBidirectional(model.originProperty());
        CheckBox fold = new CheckBox();
        fold.setId("operationsFold");
        fold.textProperty().bind(i18n.text("operations.filter.fold"));
        fold.selectedProperty().bindBidirectional(model.foldRepeatsProperty());
        Label shown = new Label();
        shown.setId("operationsShown");
        shown.getStyleClass().add("text-muted");
        Runnable count = () -> shown.setText(i18n.format("operations.shown",
                model.rows().stream().mapToInt(Row::count).sum(), model.totalProperty().get()));
        model.rows().addListener((ListChangeListener<Row>) c -> count.run());
        useLanguage();
        i18n.localeProperty().addListener((o, was, now) -> {
            count.run();
            useLanguage();
        });
        count.run();
        model.kinds().addListener((ListChangeListener<String>) c -> {
            List<String> choices = new ArrayList<>(List.of(ALL));
            choices.addAll(model.kinds());
            replaceChoices(kindFilter, choices);
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, label("operations.filter.remote", remoteFilter), remoteFilter,
                label("operations.filter.kind", kindFilter), kindFilter,
                label("operations.filter.origin", originFilter), originFilter, fold, spacer, shown);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 4, 4, 4));
        return bar;
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

    private void follow(RemoteModel remote) {
        // The model keeps the operations (and forgets old ended ones); the drawer only shows them.
        remote.operations().addListener(entry -> {
            if (flushScheduled.compareAndSet(false, true)) {
                tasks.runOnUi(this::flush);
            }
        });
    }

    Node node() {
        return pane;
    }

    private String description(Row row) {
        String text = described(row.operation());
        return row.count() > 1 ? i18n.format("operations.repeated", text, row.count()) : text;
    }

    /** The server's description and the objects it works on: "Executing command (web)". */
    private static String described(Operation op) {
        List<String> objects = OperationsDrawerViewModel.objectsOf(op);
        return op.description() + (objects.isEmpty() ? "" : " (" + String.join(", ", objects) + ")");
    }

    /** The server's status and error, or "ended" for an operation whose end the server did not report. */
    private String status(Row row) {
        if (row.entry().vanished()) {
            return i18n.get("operations.ended");
        }
        Operation op = row.operation();
        return op.status() + (op.err() == null || op.err().isEmpty() ? "" : ": " + op.err());
    }

    private void flush() {
        flushScheduled.set(false);
        List<String> names = new ArrayList<>(List.of(ALL));
        workspace.remotes().forEach(r -> names.add(r.name()));
        replaceChoices(remoteFilter, names);
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
            all.add(new OperationsDrawerViewModel.Source(remote.name(), remote.operations().entries()));
        }
        return all;
    }

    private void updateTitle() {
        pane.setText(i18n.format("operations.title", model.runningProperty().get()));
    }
    /** Progress bar, the server's progress text, and Cancel while the server allows it. */
    private final class ProgressCell extends TableCell<Row, Row> {
        private final ProgressBar bar = new ProgressBar();
        private final Label text = new Label();
        private final Button cancel = new Button();
        private final HBox box = new HBox(6, bar, text, cancel);

        ProgressCell() {
            bar.setPrefWidth(90);
            cancel.getStyleClass().add("small");
            cancel.textProperty().bind(i18n.text("operations.cancel"));
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            // The graphic stays for the cell's life: re-adding it would restyle bar, label and button each time.
            box.setVisible(false);
            setGraphic(box);
        }

        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                box.setVisible(false);
                return;
            }
            box.setVisible(true);
            Operation op = row.operation();
            if (!row.entry().running()) {
                bar.setProgress(op.succeeded() || row.entry().vanished() ? 1 : 0);
            } else {
                bar.setProgress(op.progressPercent().isPresent() ? op.progressPercent().getAsInt() / 100.0
                        : ProgressBar.INDETERMINATE_PROGRESS);
            }
            text.setText(op.progressText().orElse(""));
            cancel.setVisible(row.entry().running() && op.mayCancel());
            cancel.setOnAction(e -> cancel(row));
        }

        private void cancel(Row row) {
            RemoteModel remote = workspace.remote(row.remote());
            LxdClient client = remote == null ? null : remote.client();
            if (client == null) {
                return;
            }
            tasks.execute(BackgroundTask.ofRunnable(() -> client.operations().cancel(row.operation().id()))
                    .onFailure(failure -> dialogs.showError(i18n.format("operations.cancelFailed",
                            described(row.operation()), row.remote()), failure)));
        }
    }
}
