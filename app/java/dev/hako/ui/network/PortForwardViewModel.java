package dev.hako.ui.network;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.UnreachableException;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.Network;
import dev.hako.model.RemoteModel;
import dev.hako.model.network.IpSubnet;
import dev.hako.model.network.PortForward;
import dev.hako.model.network.PortForwarding;
import dev.hako.model.network.ProxyAddress;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Forwarding a host port into an instance: its proxy devices (own ones removable), and a
 * new forward — protocol, listen address and port on the host, target port in the instance,
 * NAT mode where the instance has a static address on a managed bridge — checked against
 * the ports other proxy devices of the same host listen on. Writes go through
 * {@link PortForwarding} (the instance re-read, PUT with its ETag).
 */
public final class PortForwardViewModel {

    /** What the view model asks of the server (blocking calls; {@link #of} wires them to a client). */
    public interface Server {
        /** The instance as it is now. */
        Instance instance() throws Exception;

        /** Every instance of the remote (all cluster members), with expanded devices. */
        Collection<Instance> instances() throws Exception;

        /** Names of managed bridges. */
        Set<String> managedBridges() throws Exception;

        void add(PortForward forward) throws Exception;

        void remove(String device) throws Exception;
    }

    /** What was read before the form can show. */
    public record Loaded(Instance instance, Collection<Instance> instances, Set<String> bridges) {
    }

    public static final List<String> PROTOCOLS = List.of("tcp", "udp");
    private static final Pattern DEVICE_NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");

    private final I18n i18n;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final ServerKind kind;
    private final String cliInstance;
    private final String instanceName;
    private final Server server;
    private Loaded loaded;

    private final ObservableList<PortForwarding.Existing> existing = FXCollections.observableArrayList();
    private final StringProperty protocol = new SimpleStringProperty(this, "protocol", "tcp");
    private final StringProperty listenAddress = new SimpleStringProperty(this, "listenAddress", "127.0.0.1");
    private final StringProperty listenPort = new SimpleStringProperty(this, "listenPort", "");
    private final StringProperty targetPort = new SimpleStringProperty(this, "targetPort", "");
    private final StringProperty device = new SimpleStringProperty(this, "device", "");
    private final BooleanProperty nat = new SimpleBooleanProperty(this, "nat");
    private final ReadOnlyBooleanWrapper natAvailable = new ReadOnlyBooleanWrapper(this, "natAvailable");
    private final ReadOnlyStringWrapper natNote = new ReadOnlyStringWrapper(this, "natNote", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper command = new ReadOnlyStringWrapper(this, "command", "");
    private final BooleanBinding invalid = Bindings.isNotEmpty(problem);
    /** The name last suggested: replaced as the port changes until the user types one of their own. */
    private String suggested = "";

    /** {@code remote}: the remote's name, for the command lines ({@code remote:instance}). */
    public PortForwardViewModel(I18n i18n, TaskExecutor tasks, DialogService dialogs, ServerKind kind, String remote,
                                String instanceName, Server server) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.kind = kind;
        this.instanceName = instanceName;
        this.cliInstance = remote + ":" + instanceName;
        this.server = server;
        for (Observable o : List.of(protocol, listenAddress, listenPort, targetPort, device, nat)) {
            o.addListener(x -> refresh());
        }
        protocol.addListener(o -> suggestName());
        listenPort.addListener(o -> suggestName());
    }

    /** For a connected remote's instance: the calls go to its client. */
    public static PortForwardViewModel of(RemoteModel remote, LxdClient client, TaskExecutor tasks,
                                          DialogService dialogs, String instance) {
        return new PortForwardViewModel(dialogs.i18n(), tasks, dialogs, client.kind(), remote.name(), instance, new Server() {
            @Override
            public Instance instance() {
                return client.instances().get(instance).value();
            }

            @Override
            public Collection<Instance> instances() {
                return client.instances().list();
            }

            @Override
            public Set<String> managedBridges() {
                return client.networks().list().stream().filter(n -> n.managed() && "bridge".equals(n.type()))
                        .map(Network::name).collect(Collectors.toSet());
            }

            @Override
            public void add(PortForward forward) {
                PortForwarding.add(client, instance, forward);
            }

            @Override
            public void remove(String device) {
                PortForwarding.remove(client, instance, device);
            }
        });
    }

    /** Opens for a remote's instance once its devices and its host's proxies are read. */
    public static void open(TaskExecutor tasks, DialogService dialogs, RemoteModel remote, String instance,
                            Consumer<PortForwardViewModel> show) {
        LxdClient client = remote.client();
        if (client == null) {
            dialogs.showError(dialogs.i18n().format("action.notConnected", remote.name()),
                    new UnreachableException(remote.name(), null));
            return;
        }
        PortForwardViewModel model = of(remote, client, tasks, dialogs, instance);
        model.load(() -> show.accept(model));
    }

    /** Reads the instance, the host's instances and the bridges, then runs {@code then}. */
    public void load(Runnable then) {
        tasks.execute(BackgroundTask.of(progress -> new Loaded(server.instance(), server.instances(),
                        server.managedBridges()))
                .onSuccess(read -> {
                    apply(read);
                    then.run();
                })
                .onFailure(failure -> dialogs.showError(i18n.format("forward.loadFailed", instanceName), failure)));
    }

    private void apply(Loaded read) {
        loaded = read;
        existing.setAll(PortForwarding.existing(read.instance()));
        Optional<String> address = PortForwarding.natAddress(read.instance(), read.bridges());
        natAvailable.set(address.isPresent());
        natNote.set(address.map(a -> i18n.format("forward.nat.available", a))
                .orElse(i18n.get("forward.nat.unavailable")));
        if (address.isEmpty()) {
            nat.set(false);
        }
        refresh();
    }

    // ---- state ----

    public String instanceName() {
        return instanceName;
    }

    public ObservableList<PortForwarding.Existing> existing() {
        return existing;
    }

    public StringProperty protocolProperty() {
        return protocol;
    }

    public StringProperty listenAddressProperty() {
        return listenAddress;
    }

    public StringProperty listenPortProperty() {
        return listenPort;
    }

    public StringProperty targetPortProperty() {
        return targetPort;
    }

    public StringProperty deviceProperty() {
        return device;
    }

    public BooleanProperty natProperty() {
        return nat;
    }

    public ReadOnlyBooleanProperty natAvailableProperty() {
        return natAvailable.getReadOnlyProperty();
    }

    /** Why NAT mode can or cannot be used for this instance. */
    public ReadOnlyStringProperty natNoteProperty() {
        return natNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding invalidProperty() {
        return invalid;
    }

    public ReadOnlyStringProperty commandProperty() {
        return command.getReadOnlyProperty();
    }

    /** The remove command for one of the listed devices. */
    public String removeCommand(String deviceName) {
        return PortForward.removeCommand(kind, cliInstance, deviceName);
    }

    private void suggestName() {
        String port = listenPort.get().trim();
        String next = port.isEmpty() ? "" : PortForward.suggestedName(protocol.get(), parsePort(port).orElse(0));
        if (device.get().equals(suggested)) {
            device.set(next);
        }
        suggested = next;
    }

    private static Optional<Integer> parsePort(String text) {
        String t = text.trim();
        if (!t.matches("\\d{1,5}")) {
            return Optional.empty();
        }
        int port = Integer.parseInt(t);
        return port >= 1 && port <= 65535 ? Optional.of(port) : Optional.empty();
    }

    private void refresh() {
        String found = findProblem().orElse("");
        problem.set(found);
        command.set(found.isEmpty() ? forward().addCommand(kind, cliInstance) : "");
    }

    /** The forward as typed; only meaningful while there is no problem. */
    public PortForward forward() {
        String connect = nat.get() && loaded != null
                ? PortForwarding.natAddress(loaded.instance(), loaded.bridges()).orElse("127.0.0.1") : "127.0.0.1";
        return new PortForward(device.get().trim(), protocol.get(), listenAddress.get().trim(),
                parsePort(listenPort.get()).orElse(0), connect, parsePort(targetPort.get()).orElse(0), nat.get());
    }

    private Optional<String> findProblem() {
        if (loaded == null) {
            return Optional.of(i18n.get("forward.loading"));
        }
        String address = listenAddress.get().trim();
        if (IpSubnet.ipv4(address).isEmpty() && IpSubnet.ipv6(address).isEmpty()) {
            return Optional.of(i18n.format("forward.problem.address", address));
        }
        if (parsePort(listenPort.get()).isEmpty()) {
            return Optional.of(i18n.format("forward.problem.listenPort", listenPort.get().trim()));
        }
        if (parsePort(targetPort.get()).isEmpty()) {
            return Optional.of(i18n.format("forward.problem.targetPort", targetPort.get().trim()));
        }
        ProxyAddress listen = ProxyAddress.parse(forward().listen()).orElseThrow();
        Optional<PortForwarding.Clash> clash = PortForwarding.clash(loaded.instances(), loaded.instance().location(),
                listen);
        if (clash.isPresent()) {
            return Optional.of(i18n.format("forward.problem.portTaken", listenPort.get().trim(),
                    clash.get().instance(), clash.get().device(), clash.get().listen()));
        }
        String name = device.get().trim();
        if (!DEVICE_NAME.matcher(name).matches()) {
            return Optional.of(i18n.get("forward.problem.device"));
        }
        var devices = loaded.instance().expandedDevices();
        if (devices != null && devices.containsKey(name)) {
            return Optional.of(i18n.format("forward.problem.deviceTaken", name));
        }
        if (nat.get() && !natAvailable.get()) {
            return Optional.of(i18n.get("forward.nat.unavailable"));
        }
        return Optional.empty();
    }

    /**
     * Adds the forward in the background and calls {@code done}; a refusal is shown, then
     * {@code reopen} brings the form back with everything as typed.
     */
    public void add(Runnable done, Runnable reopen) {
        if (invalid.get()) {
            return;
        }
        PortForward forward = forward();
        tasks.execute(BackgroundTask.ofRunnable(() -> server.add(forward))
                .onSuccess(ignored -> done.run())
                .onFailure(failure -> {
                    dialogs.showError(i18n.format("forward.addFailed", forward.listen(), instanceName), failure);
                    reopen.run();
                }));
    }

    /** Removes one of the instance's own proxy devices, then reads the list again. */
    public void remove(String deviceName) {
        tasks.execute(BackgroundTask.of(progress -> {
            server.remove(deviceName);
            return new Loaded(server.instance(), server.instances(), server.managedBridges());
        }).onSuccess(this::apply).onFailure(failure -> dialogs.showError(
                i18n.format("forward.removeFailed", deviceName, instanceName), failure)));
    }
}
