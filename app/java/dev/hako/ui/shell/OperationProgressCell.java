package dev.hako.ui.shell;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Operation;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.shell.OperationsDrawerViewModel.Row;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;

/** Progress bar, the server's progress text, and Cancel while the server allows it. */
final class OperationProgressCell extends TableCell<Row, Row> {

    private final I18n i18n;
    private final Workspace workspace;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final ProgressBar bar = new ProgressBar();
    private final Label text = new Label();
    private final Button cancel = new Button();
    private final HBox box = new HBox(6, bar, text, cancel);

    OperationProgressCell(I18n i18n, Workspace workspace, TaskExecutor tasks, DialogService dialogs) {
        this.i18n = i18n;
        this.workspace = workspace;
        this.tasks = tasks;
        this.dialogs = dialogs;
        bar.setPrefWidth(90);
        cancel.getStyleClass().add("small");
        cancel.textProperty().bind(i18n.text("operations.cancel"));
        box.setAlignment(Pos.CENTER_LEFT);
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
        if (!row.running()) {
            bar.setProgress(switch (row.task().result()) {
                case SUCCEEDED, UNKNOWN -> 1;
                default -> 0;
            });
            text.setText("");
            cancel.setVisible(false);
            return;
        }
        bar.setProgress(op != null && op.progressPercent().isPresent() ? op.progressPercent().getAsInt() / 100.0
                : ProgressBar.INDETERMINATE_PROGRESS);
        text.setText(op == null ? "" : op.progressText().orElse(""));
        cancel.setVisible(op != null && op.mayCancel());
        cancel.setOnAction(e -> cancel(row));
    }

    private void cancel(Row row) {
        RemoteModel remote = workspace.remote(row.remote());
        LxdClient client = remote == null ? null : remote.client();
        if (client == null) {
            return;
        }
        tasks.execute(BackgroundTask.ofRunnable(() -> client.operations().cancel(row.task().id()))
                .onFailure(failure -> dialogs.showError(i18n.format("operations.cancelFailed",
                        TaskDetails.described(row.task()), row.remote()), failure)));
    }
}
