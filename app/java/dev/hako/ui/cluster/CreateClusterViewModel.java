package dev.hako.ui.cluster;

import dev.hako.lxd.LxdClient;
import dev.hako.model.RemoteModel;
import dev.hako.remote.cluster.ClusterBootstrap;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Bootstrapping a cluster on a standalone remote: the first member's name and, when the
 * server does not listen on the network yet, the address other members will use (set as
 * {@code core.https_address} just before). The server's address is read first.
 */
public final class CreateClusterViewModel {

    /** The server calls, blocking; {@link ClusterBootstrap} in the app. */
    public interface Server {
        /** The address the server listens on for other members, or null when it has none. */
        String address() throws Exception;

        /** Makes it the first member; sets {@code newAddress} first when it is not null. */
        void bootstrap(String member, String newAddress) throws Exception;
    }

    private final I18n i18n;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final String remote;
    private final Server server;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final ReadOnlyBooleanWrapper read = new ReadOnlyBooleanWrapper(this, "read");
    private final ReadOnlyBooleanWrapper addressNeeded = new ReadOnlyBooleanWrapper(this, "addressNeeded");
    private final ReadOnlyStringWrapper addressState = new ReadOnlyStringWrapper(this, "addressState");
    private String currentAddress;
    private String readProblem;

    public CreateClusterViewModel(I18n i18n, TaskExecutor tasks, DialogService dialogs, String remote,
                                  String serverName, Server server) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.remote = remote;
        this.server = server;
        name.set(serverName == null ? remote : serverName);
        addressState.set(i18n.get("cluster.create.reading"));
    }

    /** For a connected remote (null when it is not connected): the server calls are {@link ClusterBootstrap}'s. */
    public static CreateClusterViewModel of(TaskExecutor tasks, DialogService dialogs, RemoteModel remote) {
        LxdClient client = remote.client();
        if (client == null) {
            return null;
        }
        var env = client.serverInfo().environment();
        return new CreateClusterViewModel(dialogs.i18n(), tasks, dialogs, remote.name(),
                env == null ? null : env.serverName(), new Server() {
                    @Override
                    public String address() {
                        return ClusterBootstrap.address(client);
                    }

                    @Override
                    public void bootstrap(String member, String newAddress) {
                        ClusterBootstrap.bootstrap(client, member, newAddress);
                        remote.refresh();
                    }
                });
    }

    public String remote() {
        return remote;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The address to set, asked for only when the server has none. */
    public StringProperty addressProperty() {
        return address;
    }

    /** True once the server's address is known (or could not be read). */
    public ReadOnlyBooleanProperty readProperty() {
        return read.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty addressNeededProperty() {
        return addressNeeded.getReadOnlyProperty();
    }

    /** What the server's address is, or that one is needed, or that it is being read. */
    public ReadOnlyStringProperty addressStateProperty() {
        return addressState.getReadOnlyProperty();
    }

    /** Reads the server's address in the background. */
    public void load() {
        tasks.execute(BackgroundTask.of(p -> server.address())
                .onSuccess(found -> {
                    currentAddress = found;
                    addressNeeded.set(found == null);
                    addressState.set(found == null ? i18n.format("cluster.create.noAddress", remote)
                            : i18n.format("cluster.create.addressHint", remote, found));
                    read.set(true);
                })
                .onFailure(failure -> {
                    readProblem = i18n.format("cluster.join.checkFailed", FailureText.of(i18n, failure));
                    addressState.set(readProblem);
                    read.set(true);
                }));
    }

    /** An address with a port, and not a wildcard. */
    static boolean validAddress(String text) {
        String t = text.trim();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            return false;
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(t.substring(colon + 1));
            if (port < 1 || port > 65535) {
                return false;
            }
        } catch (NumberFormatException e) {
            return false;
        }
        return !host.isBlank() && !host.equals("::") && !host.equals("0.0.0.0") && !host.contains(" ");
    }

    public String problem() {
        if (readProblem != null) {
            return readProblem;
        }
        if (!read.get()) {
            return i18n.get("cluster.create.reading");
        }
        String problem = ClusterActions.memberNameProblem(i18n, name.get().trim(), Set.of());
        if (problem != null) {
            return problem;
        }
        if (addressNeeded.get() && !validAddress(address.get())) {
            return i18n.get("cluster.create.problem.address");
        }
        return null;
    }

    /**
     * Creates the cluster in the background. {@code onDone} runs once it exists, before
     * the user is told what comes next; {@code onFailed} when it does not, before the
     * failure is shown.
     */
    public void finish(Runnable onDone, Runnable onFailed) {
        String member = name.get().trim();
        String newAddress = addressNeeded.get() ? address.get().trim() : null;
        tasks.execute(BackgroundTask.ofRunnable(() -> server.bootstrap(member, newAddress))
                .onSuccess(done -> {
                    onDone.run();
                    dialogs.inform(i18n.format("cluster.create.done", remote, member), i18n.get("cluster.create.next"));
                })
                .onFailure(failure -> {
                    onFailed.run();
                    dialogs.showError(i18n.format("cluster.create.failed", remote), failure);
                }));
    }
}
