package dev.hako.ui.files;

import dev.hako.ui.common.I18n;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** One copy in progress under the table: what it copies, how far, and Cancel. */
final class TransferRow {

    private final I18n i18n;
    private final Button cancel = new Button();
    private final HBox node;

    TransferRow(Transfer transfer, I18n i18n) {
        this.i18n = i18n;
        Label title = new Label();
        title.textProperty().bind(transfer.titleProperty());
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        Label amount = new Label();
        amount.textProperty().bind(transfer.amountProperty());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(transfer.fractionProperty());
        bar.setPrefWidth(200);
        cancel.setOnAction(e -> transfer.cancel());
        node = new HBox(8, title, amount, bar, cancel);
        node.setAlignment(Pos.CENTER_LEFT);
        node.getStyleClass().add("file-transfer");
        relabel();
    }

    HBox node() {
        return node;
    }

    void relabel() {
        cancel.setText(i18n.get("files.cancel"));
    }
}
