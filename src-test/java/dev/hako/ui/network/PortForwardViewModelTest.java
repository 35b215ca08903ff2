package dev.hako.ui.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.BadRequestException;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.Instance;
import dev.hako.model.network.PortForward;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The port-forward form: its rules, the clash with other proxies of the host, NAT, add and remove. */
class PortForwardViewModelTest {

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final ScriptedDialogService dialogs = new ScriptedDialogService(i18n);
    private final List<String> calls = new ArrayList<>();
    private final Map<String, Map<String, String>> devices = new LinkedHashMap<>();
    private RuntimeException refusal;

    private static Instance instance(String name, Map<String, Map<String, String>> own,
                                     Map<String, Map<String, String>> expanded) {
        return new Instance(name, "", "x86_64", "container", "Running", 103, Map.of(), own, false, List.of("default"),
                false, Map.of(), expanded, null, null, "none", "default");
    }

    private final Instance other = instance("db", Map.of(), Map.of("pg", Map.of("type", "proxy",
            "listen", "tcp:0.0.0.0:5432", "connect", "tcp:127.0.0.1:5432")));

    private PortForwardViewModel model(Map<String, Map<String, String>> nic) {
        devices.putAll(nic);
        PortForwardViewModel model = new PortForwardViewModel(i18n, new CurrentThreadTaskExecutor(), dialogs,
                ServerKind.LXD, "lab", "web", new PortForwardViewModel.Server() {
                    @Override
                    public Instance instance() {
                        return PortForwardViewModelTest.instance("web", Map.copyOf(devices), Map.copyOf(devices));
                    }

                    @Override
                    public Collection<Instance> instances() {
                        return List.of(instance(), other);
                    }

                    @Override
                    public Set<String> managedBridges() {
                        return Set.of("br0");
                    }

                    @Override
                    public void add(PortForward forward) {
                        if (refusal != null) {
                            throw refusal;
                        }
                        calls.add("add " + forward.deviceConfig());
                        devices.put(forward.device(), forward.deviceConfig());
                    }

                    @Override
                    public void remove(String device) {
                        calls.add("remove " + device);
                        devices.remove(device);
                    }
                });
        model.load(() -> calls.add("shown"));
        return model;
    }

    @Test
    void checksPortsAddressAndNameAndThePortsOfOtherProxies() {
        PortForwardViewModel model = model(Map.of());
        assertThat(calls).containsExactly("shown");
        assertThat(model.problemProperty().get()).contains("port on the host must be a number");
        model.listenPortProperty().set("70000");
        assertThat(model.problemProperty().get()).contains("from 1 to 65535 (not \"70000\")");
        model.listenPortProperty().set("5432");
        model.targetPortProperty().set("0");
        assertThat(model.problemProperty().get()).contains("port in the instance");
        model.targetPortProperty().set("5432");
        assertThat(model.problemProperty().get())
                .isEqualTo("Port 5432 on this host is already forwarded by pg of db (tcp:0.0.0.0:5432).");
        model.protocolProperty().set("udp");
        assertThat(model.invalidProperty().get()).isFalse();
        assertThat(model.deviceProperty().get()).isEqualTo("proxy-udp-5432");
        model.listenAddressProperty().set("localhost");
        assertThat(model.problemProperty().get()).contains("\"localhost\" is not an IP address");
        model.listenAddressProperty().set("127.0.0.1");
        model.deviceProperty().set("bad name");
        assertThat(model.problemProperty().get()).isEqualTo(i18n.get("forward.problem.device"));
        model.deviceProperty().set("eth0");
        model.listenPortProperty().set("8080");
        // A name of one's own survives a change of port.
        assertThat(model.deviceProperty().get()).isEqualTo("eth0");
    }

    @Test
    void addsThenListsAndRemovesWithTheirCommands() {
        PortForwardViewModel model = model(Map.of());
        model.listenPortProperty().set("8080");
        model.targetPortProperty().set("80");
        assertThat(model.commandProperty().get()).isEqualTo(
                "lxc config device add lab:web proxy-tcp-8080 proxy listen=tcp:127.0.0.1:8080 connect=tcp:127.0.0.1:80");
        model.add(() -> calls.add("done"), () -> calls.add("reopened"));
        assertThat(calls).containsExactly("shown",
                "add {type=proxy, listen=tcp:127.0.0.1:8080, connect=tcp:127.0.0.1:80}", "done");
        PortForwardViewModel again = model(Map.of());
        assertThat(again.existing()).singleElement().satisfies(e -> assertThat(e.device()).isEqualTo("proxy-tcp-8080"));
        again.listenPortProperty().set("8080");
        again.targetPortProperty().set("80");
        assertThat(again.problemProperty().get())
                .isEqualTo("Port 8080 on this host is already forwarded by proxy-tcp-8080 of web (tcp:127.0.0.1:8080).");
        again.listenPortProperty().set("8081");
        again.deviceProperty().set("proxy-tcp-8080");
        assertThat(again.problemProperty().get()).contains("already has a device named proxy-tcp-8080");
        assertThat(again.removeCommand("proxy-tcp-8080")).isEqualTo("lxc config device remove lab:web proxy-tcp-8080");
        again.remove("proxy-tcp-8080");
        assertThat(again.existing()).isEmpty();
    }

    @Test
    void natOnlyWithAStaticAddressOnAManagedBridge() {
        PortForwardViewModel without = model(Map.of("eth0", Map.of("type", "nic", "network", "br0")));
        assertThat(without.natAvailableProperty().get()).isFalse();
        assertThat(without.natNoteProperty().get()).startsWith("NAT mode needs a static IPv4 address");
        devices.clear();
        PortForwardViewModel with = model(Map.of("eth0", Map.of("type", "nic", "network", "br0",
                "ipv4.address", "192.0.2.5")));
        assertThat(with.natAvailableProperty().get()).isTrue();
        with.natProperty().set(true);
        with.listenPortProperty().set("8080");
        with.targetPortProperty().set("80");
        assertThat(with.forward().deviceConfig()).containsEntry("connect", "tcp:192.0.2.5:80").containsEntry("nat", "true");
    }

    @Test
    void aRefusalIsShownAndTheFormReopensAsTyped() {
        PortForwardViewModel model = model(Map.of());
        model.listenPortProperty().set("8080");
        model.targetPortProperty().set("80");
        refusal = new BadRequestException("PUT /1.0/instances/web", 400, "Error occurred when starting proxy device");
        model.add(() -> calls.add("done"), () -> calls.add("reopened " + model.listenPortProperty().get()));
        assertThat(dialogs.headlines()).containsExactly("Could not forward tcp:127.0.0.1:8080 to web");
        assertThat(calls).containsExactly("shown", "reopened 8080");
    }
}
