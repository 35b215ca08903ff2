package dev.hako.ui.images;

import dev.hako.ui.common.ByteSizes;
import dev.hako.lxd.Transfer;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One upload or download: bytes moved of the total, Cancel, and the outcome. Byte counts
 * reach the UI thread at most once per delivery however fast they move; a cancelled
 * transfer ends quietly, a failed one says why.
 */
final class TransferViewModel {

    /** Progress when the total is unknown. */
    static final double INDETERMINATE = -1;

    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final Supplier<String> title;
    private final Supplier<String> failed;
    private final long total;
    private final boolean upload;
    private final AtomicLong latest = new AtomicLong();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Transfer transfer;
    private final ReadOnlyStringWrapper titleText = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper bytesText = new ReadOnlyStringWrapper(this, "bytes");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");

    /**
     * {@code title} is read again when the language changes; {@code failed} is the headline
     * of a failure, a sentence of its own read when it happens; {@code total} is the size in
     * bytes when known, else 0; an {@code upload} says so once every byte is sent and the
     * server is still working.
     */
    TransferViewModel(TaskExecutor tasks, DialogService dialogs, Supplier<String> title, Supplier<String> failed,
                      long total, boolean upload) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = dialogs.i18n();
        this.title = title;
        this.failed = failed;
        this.total = total;
        this.upload = upload;
        this.transfer = new Transfer(n -> {
            latest.set(n);
            if (scheduled.compareAndSet(false, true)) {
                tasks.runOnUi(this::paint);
            }
        });
        progress.set(total > 0 ? 0 : INDETERMINATE);
        relabel();
    }

    /** Runs {@code work} with this transfer; {@code onSuccess} gets its result on the UI thread. */
    <T> void start(Function<Transfer, T> work, Consumer<T> onSuccess) {
        tasks.execute(BackgroundTask.of(p -> work.apply(transfer))
                .onSuccess(result -> {
                    finished.set(true);
                    onSuccess.accept(result);
                })
                .onFailure(failure -> {
                    finished.set(true);
                    if (!(FailureText.unwrap(failure) instanceof Transfer.CancelledException)
                            && !transfer.isCancelled()) {
                        dialogs.showError(failed.get(), failure);
                    }
                }));
    }

    /** Stops the stream at once (off the UI thread: cancelling may call the server). */
    void cancel() {
        if (!cancelling.get()) {
            cancelling.set(true);
            relabel();
            tasks.runInBackground(transfer::cancel);
        }
    }

    /** Every text again, in the language now chosen. */
    void relabel() {
        titleText.set(title.get());
        paint();
    }

    private void paint() {
        scheduled.set(false);
        long n = latest.get();
        if (cancelling.get()) {
            bytesText.set(i18n.get("images.transfer.cancelling"));
        } else if (total > 0) {
            bytesText.set(upload && n >= total
                    ? i18n.format("images.transfer.serverWorking", ByteSizes.human(total))
                    : i18n.format("images.transfer.bytesOf", ByteSizes.human(n), ByteSizes.human(total)));
        } else {
            bytesText.set(ByteSizes.human(n));
        }
        if (total > 0) {
            progress.set(Math.min(1.0, (double) n / total));
        }
    }

    ReadOnlyStringProperty titleProperty() {
        return titleText.getReadOnlyProperty();
    }

    ReadOnlyStringProperty bytesProperty() {
        return bytesText.getReadOnlyProperty();
    }

    /** From 0 to 1, or {@link #INDETERMINATE}. */
    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    /** True once the work ended, whichever way. */
    ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }
}
