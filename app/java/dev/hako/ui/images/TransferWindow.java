package dev.hako.ui.images;

import dev.hako.lxd.Transfer;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.TaskExecutor;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * A small window for one upload or download: a bar, bytes moved of the total, and
 * Cancel, which stops the HTTP stream at once. It follows a language switch while the
 * transfer runs.
 */
final class TransferWindow {

    private TransferWindow() {
    }

    /**
     * Opens the window and runs {@code work} in the background with a fresh {@link Transfer}
     * (see {@link TransferViewModel}); the window closes when the work ends.
     */
    static <T> void run(TaskExecutor tasks, DialogService dialogs, Supplier<String> title, Supplier<String> failed,
                        long total, boolean upload, Function<Transfer, T> work, Consumer<T> onSuccess) {
        TransferViewModel model = new TransferViewModel(tasks, dialogs, title, failed, total, upload);
        Label what = new Label();
        what.getStyleClass().add("transfer-title");
        what.textProperty().bind(model.titleProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("transferProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        Label bytes = new Label();
        bytes.setId("transferBytes");
        bytes.textProperty().bind(model.bytesProperty());
        Button cancel = new Button();
        cancel.setId("transferCancel");
        cancel.disableProperty().bind(model.cancellingProperty());
        cancel.setOnAction(e -> model.cancel());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox root = new VBox(10, what, bar, new HBox(8, bytes, spacer, cancel));
        root.setPadding(new Insets(14));
        root.setPrefWidth(460);
        Stage stage = dialogs.window(model.titleProperty().get(), root);
        stage.titleProperty().bind(model.titleProperty());
        Runnable relabel = () -> cancel.setText(dialogs.i18n().get("images.transfer.cancel"));
        relabel.run();
        ChangeListener<Locale> language = (o, was, now) -> {
            model.relabel();
            relabel.run();
        };
        dialogs.i18n().localeProperty().addListener(language);
        model.finishedProperty().addListener((o, was, done) -> {
            if (done) {
                dialogs.i18n().localeProperty().removeListener(language);
                stage.close();
            }
        });
        stage.show();
        model.start(work, onSuccess);
    }
}
