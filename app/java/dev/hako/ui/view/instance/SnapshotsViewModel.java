package dev.hako.ui.view.instance;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.InstanceSnapshot;
import dev.hako.model.RemoteModel;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.LatestTask;
import dev.hako.ui.common.TaskExecutor;
import java.time.OffsetDateTime;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An instance's snapshots, read when the tab opens and after each change made from it.
 * Only the latest read counts; a failed read leaves the list empty and says why.
 */
final class SnapshotsViewModel {

    private final RemoteModel remote;
    private final String instance;
    private final I18n i18n;
    private final LatestTask reads;
    private final ObservableList<InstanceSnapshot> snapshots = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Exception> failure = new ReadOnlyObjectWrapper<>(this, "failure");

    SnapshotsViewModel(RemoteModel remote, String instance, I18n i18n, TaskExecutor tasks) {
        this.remote = remote;
        this.instance = instance;
        this.i18n = i18n;
        this.reads = new LatestTask(tasks);
    }

    ObservableList<InstanceSnapshot> snapshots() {
        return snapshots;
    }

    /** Why the last read failed, or null. */
    ReadOnlyObjectProperty<Exception> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** What the table says when it is empty, in the window's language. */
    String placeholderText() {
        Exception failed = failure.get();
        return failed == null ? i18n.get("snapshots.none") : FailureText.of(i18n, failed);
    }

    /** Reads the snapshots again. UI thread. */
    void reload() {
        LxdClient client = remote.client();
        if (client == null) {
            return;
        }
        reads.run(BackgroundTask.of(progress -> client.instances().snapshots(instance))
                .onSuccess(read -> {
                    failure.set(null);
                    snapshots.setAll(read);
                })
                .onFailure(failed -> {
                    snapshots.clear();
                    failure.set(failed);
                }));
    }

    /** Drops a read still under way (the tab is going away). */
    void cancel() {
        reads.cancel();
    }

    String date(OffsetDateTime time) {
        return i18n.dateTime(time, "instance.never");
    }

    String expiry(OffsetDateTime time) {
        return i18n.dateTime(time, "snapshots.never");
    }

    String stateful(InstanceSnapshot snapshot) {
        return i18n.get(snapshot.stateful() ? "view.yes" : "view.no");
    }
}
