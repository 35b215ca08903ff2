package dev.hako.ui.shell;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Operation;
import dev.hako.model.LiveOperations;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.control.Label;

/**
 * Running and recent operations of every remote, with progress and cancel. Fed by
 * the servers' operation events (so it also shows work started elsewhere);
 * updates are batched into one repaint per frame.
 */
final class OperationsDrawer {

    /** Newest first; the servers always date their operations. */
    private static final java.util.Comparator<Row> NEWEST_FIRST = java.util.Comparator.comparing(
            (Row row) -> row.operation().createdAt(), java.util.Comparator.nullsLast(
                    java.util.Comparator.<java.time.OffsetDateTime>reverseOrder()));

    /** One table row: an operation and the remote it runs on. */
    record Row(String remote, LiveOperations.Entry entry) {

        Operation operation() {
            return entry.operation();
        }
    }

    private final I18n i18n;
    private final Workspace workspace;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final TitledPane pane = new TitledPane();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();

    OperationsDrawer(Workspace workspace, I18n i18n, TaskExecutor tasks, DialogService dialogs) {
        this.i18n = i18n;
        this.workspace = workspace;
        this.tasks = tasks;
        this.dialogs = dialogs;
        TableView<Row> table = new TableView<>(rows);
        table.setId("operationsTable");
        Label none = new Label();
        none.textProperty().bind(i18n.text("operations.none"));
        table.setPlaceholder(none);
        table.setPrefHeight(160);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(dev.hako.ui.view.FactSheet.<Row>column(i18n.get("operations.remote"), 100, row -> row.remote()));
        table.getColumns().add(dev.hako.ui.view.FactSheet.<Row>column(i18n.get("operations.description"), 220,
                row -> row.operation().description() + target(row.operation())));
        table.getColumns().add(dev.hako.ui.view.FactSheet.<Row>column(i18n.get("operations.status"), 100,
                this::status));
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
        i18n.localeProperty().addListener((o, was, now) -> updateTitle());
        pane.setContent(table);
        pane.setExpanded(false);
        pane.setId("operationsDrawer");
        pane.setAnimated(false);
        pane.expandedProperty().addListener((o, was, expanded) -> {
            if (expanded) {
                showRows();
            }
        });
        updateTitle();
        workspace.remotes().forEach(this::follow);
        workspace.addListener(new Workspace.Listener() {
            @Override
            public void added(RemoteModel remote) {
                follow(remote);
            }

            @Override
            public void removed(RemoteModel remote) {
            }
        });
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

    /** The server's status and error, or "ended" for an operation whose end the server did not report. */
    private String status(Row row) {
        if (row.entry().vanished()) {
            return i18n.get("operations.ended");
        }
        Operation op = row.operation();
        return op.status() + (op.err() == null || op.err().isEmpty() ? "" : ": " + op.err());
    }

    private static String target(Operation op) {
        if (op.resources() == null) {
            return "";
        }
        List<String> names = new ArrayList<>();
        // A cluster bootstrap lists {"cluster": null}: a kind without objects.
        op.resources().values().stream().filter(java.util.Objects::nonNull).forEach(urls -> urls.forEach(url -> {
            String name = url.substring(url.lastIndexOf('/') + 1);
            if (!names.contains(name) && !url.contains("/operations/")) {
                names.add(name);
            }
        }));
        return names.isEmpty() ? "" : " (" + String.join(", ", names) + ")";
    }

    private void flush() {
        flushScheduled.set(false);
        updateTitle();
        if (pane.isExpanded()) {
            showRows();
        }
    }

    /**
     * Fills the table. A collapsed drawer keeps only its count current: a bulk action
     * brings hundreds of operation events, and a hidden table need not lay out for them.
     */
    private void showRows() {
        List<Row> ordered = current();
        ordered.sort(NEWEST_FIRST);
        rows.setAll(ordered);
    }

    private List<Row> current() {
        List<Row> all = new ArrayList<>();
        for (RemoteModel remote : workspace.remotes()) {
            remote.operations().entries().forEach(entry -> all.add(new Row(remote.name(), entry)));
        }
        return all;
    }

    private void updateTitle() {
        long running = current().stream().filter(r -> r.entry().running()).count();
        pane.setText(i18n.format("operations.title", running));
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
                            row.operation().description() + target(row.operation()), row.remote()), failure)));
        }
    }
}
