package dev.hako.ui.files;

import dev.hako.ui.common.ByteSizes;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One upload or download in progress, as the Files tab shows it: what it copies (in the
 * window's language), how far it got, and a cancel switch the copying thread watches.
 * Properties change on the UI thread only; {@link #cancel()} may be called from any thread.
 */
public final class Transfer {

    private final Supplier<String> titleText;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyLongWrapper bytesDone = new ReadOnlyLongWrapper(this, "bytesDone");
    private final ReadOnlyLongWrapper totalBytes = new ReadOnlyLongWrapper(this, "totalBytes", -1);
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(this, "fraction", -1);
    private final ReadOnlyStringWrapper amount = new ReadOnlyStringWrapper(this, "amount", "");
    private final AtomicBoolean cancelled = new AtomicBoolean();

    Transfer(Supplier<String> titleText, long total) {
        this.titleText = titleText;
        relabel();
        update(0, total);
    }

    /** Asks the copy to stop; it removes what it wrote and ends as cancelled. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    void relabel() {
        title.set(titleText.get());
    }

    String titleText() {
        return titleText.get();
    }

    void update(long done, long total) {
        bytesDone.set(done);
        totalBytes.set(total);
        fraction.set(total > 0 ? Math.min(1, (double) done / total) : -1);
        amount.set(ByteSizes.human(done) + (total > 0 ? " / " + ByteSizes.human(total) : ""));
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty bytesDoneProperty() {
        return bytesDone.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalBytesProperty() {
        return totalBytes.getReadOnlyProperty();
    }

    /** From 0 to 1, or -1 while the size is unknown. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    /** "1.0 MiB / 3.0 MiB". */
    public ReadOnlyStringProperty amountProperty() {
        return amount.getReadOnlyProperty();
    }
}
