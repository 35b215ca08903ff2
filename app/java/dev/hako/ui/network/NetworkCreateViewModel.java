package dev.hako.ui.network;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.Network;
import dev.hako.lxd.api.NetworksPost;
import dev.hako.model.NameRules;
import dev.hako.model.RemoteModel;
import dev.hako.model.network.DhcpRanges;
import dev.hako.model.network.NetworkSpec;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The create-network dialog's state: name, type (those the server supports), the host
 * interface a macvlan or physical network sits on, and for a bridge its addresses, NAT,
 * DHCP and ranges per family and its DNS domain; the first rule the input breaks; the
 * equivalent command. A refusal by the server reopens the dialog with everything typed.
 */
public final class NetworkCreateViewModel {

    /** Creates the network (blocking); {@code client.networks()::create} in the application. */
    @FunctionalInterface
    public interface Creator {
        void create(NetworksPost request) throws Exception;
    }

    /** A Linux interface name: at most 15 characters. */
    static final int MAX_NAME = 15;
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private final I18n i18n;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final ServerKind kind;
    private final String remote;
    private final List<String> types;
    private final List<String> parents;
    private final Supplier<Set<String>> existing;
    private final Creator creator;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty type = new SimpleStringProperty(this, "type", NetworkSpec.BRIDGE);
    private final StringProperty parent = new SimpleStringProperty(this, "parent");
    private final FamilyFields ipv4 = new FamilyFields();
    private final FamilyFields ipv6 = new FamilyFields();
    private final StringProperty dnsDomain = new SimpleStringProperty(this, "dnsDomain", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper command = new ReadOnlyStringWrapper(this, "command", "");
    private final BooleanBinding invalid = Bindings.isNotEmpty(problem);
    private final BooleanBinding bridge = Bindings.equal(NetworkSpec.BRIDGE, type);
    private final BooleanBinding anyAuto;

    /** The fields of one address family. */
    public static final class FamilyFields {
        private final StringProperty address = new SimpleStringProperty(BridgeAddresses.AUTO);
        private final BooleanProperty nat = new SimpleBooleanProperty(true);
        private final BooleanProperty dhcp = new SimpleBooleanProperty(true);
        private final StringProperty ranges = new SimpleStringProperty("");

        public StringProperty address() {
            return address;
        }

        public BooleanProperty nat() {
            return nat;
        }

        public BooleanProperty dhcp() {
            return dhcp;
        }

        public StringProperty ranges() {
            return ranges;
        }

        NetworkSpec.Family value() {
            return new NetworkSpec.Family(address.get(), nat.get(), dhcp.get(), ranges.get());
        }

        Observable[] observables() {
            return new Observable[] {address, nat, dhcp, ranges};
        }
    }

    public NetworkCreateViewModel(I18n i18n, TaskExecutor tasks, DialogService dialogs, ServerKind kind,
                                  String remote, List<String> types, List<String> parents, Supplier<Set<String>> existing,
                                  Creator creator) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.kind = kind;
        this.remote = remote;
        this.types = List.copyOf(types);
        this.parents = List.copyOf(parents);
        this.existing = existing;
        this.creator = creator;
        parent.set(parents.isEmpty() ? null : parents.get(0));
        anyAuto = Bindings.createBooleanBinding(() -> bridge.get()
                && (BridgeAddresses.isAuto(ipv4.address.get()) || BridgeAddresses.isAuto(ipv6.address.get())),
                type, ipv4.address, ipv6.address);
        for (Observable o : List.of(name, type, parent, dnsDomain)) {
            o.addListener(x -> refresh());
        }
        for (FamilyFields f : List.of(ipv4, ipv6)) {
            for (Observable o : f.observables()) {
                o.addListener(x -> refresh());
            }
        }
        refresh();
    }

    /** For a connected remote: the types its extensions allow; its unmanaged interfaces as parents. */
    public static NetworkCreateViewModel of(RemoteModel remote, LxdClient client, TaskExecutor tasks,
                                            DialogService dialogs) {
        var server = client.serverInfo();
        List<String> types = NetworkSpec.TYPES.stream()
                .filter(t -> NetworkSpec.supported(t, e -> server != null && server.hasExtension(e))).toList();
        List<String> parents = remote.networks().snapshot().values().stream()
                .filter(n -> !n.managed() && List.of("physical", "bond", "vlan", "bridge").contains(n.type()))
                .map(Network::name).sorted().toList();
        return new NetworkCreateViewModel(dialogs.i18n(), tasks, dialogs, client.kind(), remote.name(), types, parents,
                () -> remote.networks().snapshot().keySet(), request -> client.networks().create(request));
    }

    // ---- state ----

    public List<String> types() {
        return types;
    }

    public List<String> parents() {
        return parents;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty typeProperty() {
        return type;
    }

    public StringProperty parentProperty() {
        return parent;
    }

    public FamilyFields ipv4() {
        return ipv4;
    }

    public FamilyFields ipv6() {
        return ipv6;
    }

    public StringProperty dnsDomainProperty() {
        return dnsDomain;
    }

    /** The first rule the input breaks, in the user's language; empty when none. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding invalidProperty() {
        return invalid;
    }

    /** Whether the chosen type is a bridge (its address fields apply). */
    public BooleanBinding bridgeProperty() {
        return bridge;
    }

    /** Whether an address is {@code auto}: the server may then find no free subnet. */
    public BooleanBinding anyAutoProperty() {
        return anyAuto;
    }

    /** The {@code lxc}/{@code incus} line that creates the same network. */
    public ReadOnlyStringProperty commandProperty() {
        return command.getReadOnlyProperty();
    }

    /** Both families without an address (the only safe choice where private ranges are all taken). */
    public void useNone() {
        ipv4.address.set(BridgeAddresses.NONE);
        ipv6.address.set(BridgeAddresses.NONE);
    }

    public NetworkSpec spec() {
        return new NetworkSpec(name.get().trim(), type.get(), parent.get() == null ? "" : parent.get(), ipv4.value(),
                ipv6.value(), dnsDomain.get());
    }

    private void refresh() {
        String found = findProblem().orElse("");
        problem.set(found);
        command.set(found.isEmpty() ? spec().command(kind, remote) : "");
    }

    private Optional<String> findProblem() {
        String n = name.get().trim();
        Optional<NameRules.Problem> bad = NameRules.check(n);
        if (bad.isPresent()) {
            return Optional.of(i18n.get(bad.get().messageKey));
        }
        if (n.length() > MAX_NAME) {
            return Optional.of(i18n.get("action.network.tooLong"));
        }
        if (existing.get().contains(n)) {
            return Optional.of(i18n.format("network.problem.exists", n));
        }
        if (type.get() == null) {
            return Optional.of(i18n.get("network.problem.type"));
        }
        if (NetworkSpec.needsParent(type.get())) {
            return parent.get() == null || parent.get().isBlank()
                    ? Optional.of(i18n.format("network.problem.parent", type.get())) : Optional.empty();
        }
        if (!BridgeAddresses.valid(ipv4.address.get().trim(), true)) {
            return Optional.of(i18n.get("action.network.badIpv4"));
        }
        if (!BridgeAddresses.valid(ipv6.address.get().trim(), false)) {
            return Optional.of(i18n.get("action.network.badIpv6"));
        }
        Optional<String> ranges = rangeProblem("ipv4.dhcp.ranges", ipv4, false);
        if (ranges.isEmpty()) {
            ranges = rangeProblem("ipv6.dhcp.ranges", ipv6, true);
        }
        if (ranges.isPresent()) {
            return ranges;
        }
        String domain = dnsDomain.get().trim();
        if (!domain.isEmpty() && !DOMAIN.matcher(domain).matches()) {
            return Optional.of(i18n.format("network.problem.dnsDomain", domain));
        }
        return Optional.empty();
    }

    private Optional<String> rangeProblem(String key, FamilyFields family, boolean six) {
        if (!family.dhcp.get() || BridgeAddresses.NONE.equals(family.address.get().trim())) {
            return Optional.empty();
        }
        return DhcpRanges.check(family.ranges.get(), family.address.get(), six)
                .map(v -> i18n.format(v.rule().messageKey(), v.arguments(key)));
    }

    /**
     * Creates the network in the background. When an {@code auto} address finds no free
     * subnet, offers the same network without that family; any other refusal is shown and
     * then {@code reopen} brings the dialog back with everything as typed.
     */
    public void create(Runnable reopen) {
        if (invalid.get()) {
            return;
        }
        send(spec().request(), reopen);
    }

    private void send(NetworksPost request, Runnable reopen) {
        tasks.execute(BackgroundTask.ofRunnable(() -> creator.create(request)).onFailure(failure -> {
            String family = BridgeAddresses.familyWithoutFreeSubnet(failure);
            if (family != null && BridgeAddresses.isAuto(request.config().get(family))
                    && dialogs.confirm(i18n.format("action.network.noFreeSubnet", request.name()),
                    i18n.format("action.network.noFreeSubnet.offer", FailureText.serverText(failure),
                            request.name(), family))) {
                send(new NetworksPost(request.name(), request.type(), request.description(),
                        BridgeAddresses.without(request.config(), family)), reopen);
            } else {
                dialogs.showError(i18n.format("action.network.create.failed", request.name()), failure);
                reopen.run();
            }
        }));
    }
}
