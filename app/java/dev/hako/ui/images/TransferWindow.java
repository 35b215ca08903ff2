package dev.hako.ui.images;

import dev.hako.lxd.Transfer;
import dev.hako.ui.common.Dialogs;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskRunner;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A small window for one upload or download: a bar, bytes moved of the total, and
 * Cancel, which stops the HTTP stream at once. Progress reaches the FX thread at most
 * once per frame however fast the bytes move.
 */
final class TransferWindow {

    private TransferWindow() {
    }

    /**
     * Runs {@code work} in the background with a fresh {@link Transfer}. {@code total}
     * is the size in bytes when known, else 0; an {@code upload} says so once
     * every byte is sent and the server is still working. A cancelled transfer closes quietly.
     */
    static <T> void run(Window owner, I18n i18n, String title, long total, boolean upload, Function<Transfer, T> work,
                        Consumer<T> onSuccess) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(title);
        Label what = new Label(title);
        what.getStyleClass().add("transfer-title");
        ProgressBar bar = new ProgressBar(total > 0 ? 0 : ProgressBar.INDETERMINATE_PROGRESS);
        bar.setId("transferProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        Label bytes = new Label(Sizes.human(0));
        bytes.setId("transferBytes");
        Button cancel = new Button(i18n.get("images.transfer.cancel"));
        cancel.setId("transferCancel");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bottom = new HBox(8, bytes, spacer, cancel);
        VBox root = new VBox(10, what, bar, bottom);
        root.setPadding(new Insets(14));
        root.setPrefWidth(460);
        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            scene.getRoot().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
        stage.setScene(scene);

        AtomicLong latest = new AtomicLong();
        AtomicBoolean scheduled = new AtomicBoolean();
        Runnable paint = () -> {
            scheduled.set(false);
            long n = latest.get();
            if (total > 0) {
                bar.setProgress(Math.min(1.0, (double) n / total));
                bytes.setText(upload && n >= total
                        ? i18n.format("images.transfer.serverWorking", Sizes.human(total))
                        : i18n.format("images.transfer.bytesOf", Sizes.human(n), Sizes.human(total)));
            } else {
                bytes.setText(Sizes.human(n));
            }
        };
        Transfer transfer = new Transfer(n -> {
            latest.set(n);
            if (scheduled.compareAndSet(false, true)) {
                Platform.runLater(paint);
            }
        });
        cancel.setOnAction(e -> {
            cancel.setDisable(true);
            bytes.setText(i18n.get("images.transfer.cancelling"));
            Thread t = new Thread(transfer::cancel, "hako-transfer-cancel");
            t.setDaemon(true);
            t.start();
        });
        stage.show();
        TaskRunner.run(() -> work.apply(transfer), result -> {
            stage.close();
            onSuccess.accept(result);
        }, failure -> {
            stage.close();
            if (!(failure instanceof Transfer.CancelledException) && !transfer.isCancelled()) {
                Dialogs.showError(owner, i18n, title, failure);
            }
        });
    }
}
