package dev.hako.ui.view;

import dev.hako.lxd.LxdClient;
import dev.hako.model.ObjectDetails;
import dev.hako.model.RemoteModel;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.tree.TreeEntry;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The state of one object's read-only detail view. What the model holds is there at
 * once (the entry); what it does not (the server's configuration and hardware, a pool's
 * usage, a network's leases) is read once, in the background, when the view opens, and
 * kept here: a language switch redraws the view from it without asking the server again.
 */
public final class DetailViewModel {

    private final TreeEntry entry;
    private final RemoteModel remote;
    private final I18n i18n;
    private final TaskExecutor tasks;
    private final Function<LxdClient, ObjectDetails> reads;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<Object> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyObjectWrapper<Exception> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final ReadOnlyObjectWrapper<ObjectDetails.HostResources> resources =
            new ReadOnlyObjectWrapper<>(this, "resources");
    private final ReadOnlyObjectWrapper<Exception> resourcesFailure =
            new ReadOnlyObjectWrapper<>(this, "resourcesFailure");
    private final ReadOnlyBooleanWrapper uninitialised = new ReadOnlyBooleanWrapper(this, "uninitialised");

    public DetailViewModel(TreeEntry entry, RemoteModel remote, I18n i18n, TaskExecutor tasks) {
        this(entry, remote, i18n, tasks, ObjectDetails::new);
    }

    /** {@code reads}: the reads of the server part, given the remote's client. */
    DetailViewModel(TreeEntry entry, RemoteModel remote, I18n i18n, TaskExecutor tasks,
                    Function<LxdClient, ObjectDetails> reads) {
        this.entry = entry;
        this.remote = remote;
        this.i18n = i18n;
        this.tasks = tasks;
        this.reads = reads;
    }

    public TreeEntry entry() {
        return entry;
    }

    public RemoteModel remote() {
        return remote;
    }

    public I18n i18n() {
        return i18n;
    }

    /** Whether this entry shows more than the model has: the server, a pool, a managed network. */
    public boolean readsServer() {
        return entry instanceof TreeEntry.RemoteEntry || entry instanceof TreeEntry.PoolEntry
                || entry instanceof TreeEntry.NetworkEntry n && n.network().managed();
    }

    /** Whether the server part cannot be read because the remote is not connected. */
    public boolean offline() {
        return readsServer() && remote.client() == null;
    }

    /** Starts the reads this entry needs; nothing when it needs none or the remote is offline. UI thread. */
    public void load() {
        LxdClient client = remote.client();
        if (!readsServer() || client == null) {
            return;
        }
        ObjectDetails server = reads.apply(client);
        tasks.execute(BackgroundTask.of(progress -> read(server))
                .onRunning(() -> loading.set(true))
                .onSuccess(details::set)
                .onFailure(failure::set)
                .onFinished(() -> loading.set(false)));
        if (entry instanceof TreeEntry.RemoteEntry) {
            tasks.execute(BackgroundTask.of(progress -> ObjectDetails.hasNoPool(remote, client))
                    .onSuccess(uninitialised::set));
            tasks.execute(BackgroundTask.of(progress -> server.resources())
                    .onSuccess(resources::set).onFailure(resourcesFailure::set));
        }
    }

    private Object read(ObjectDetails server) {
        if (entry instanceof TreeEntry.PoolEntry pool) {
            return server.pool(pool.pool().name());
        } else if (entry instanceof TreeEntry.NetworkEntry network) {
            return server.network(network.network().name());
        }
        return server.server();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The server's answer once read: a {@code Server}, a {@code PoolReport} or a {@code NetworkReport}. */
    public ReadOnlyObjectProperty<Object> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Exception> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ObjectDetails.HostResources> resourcesProperty() {
        return resources.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Exception> resourcesFailureProperty() {
        return resourcesFailure.getReadOnlyProperty();
    }

    /** True once the server turned out to have no storage pool: the view offers to initialise it. */
    public ReadOnlyBooleanProperty uninitialisedProperty() {
        return uninitialised.getReadOnlyProperty();
    }

    /** Why the server part is missing, in the window's language (now: ask again after a switch). */
    public String offlineText() {
        var state = remote.state();
        if (state.status() == dev.hako.model.ConnectionState.Status.TOO_OLD) {
            return i18n.format("remote.named", remote.name(), FailureText.of(i18n, state.failure()));
        }
        String why = state.failure() != null ? FailureText.of(i18n, state.failure())
                : state.reason() == null ? "" : state.reason();
        return i18n.format("view.offline", remote.name(), why);
    }

    /** What went wrong reading {@code failed}, in the window's language. */
    public String loadFailedText(Exception failed) {
        return i18n.format("view.loadFailed", FailureText.of(i18n, failed));
    }
}
