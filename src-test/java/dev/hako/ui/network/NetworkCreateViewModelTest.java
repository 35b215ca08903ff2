package dev.hako.ui.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.BadRequestException;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.NetworksPost;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The create-network form's rules, what it sends, and what a refusal leaves of the input (documentation ranges). */
class NetworkCreateViewModelTest {

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final ScriptedDialogService dialogs = new ScriptedDialogService(i18n);
    private final List<NetworksPost> sent = new ArrayList<>();

    private NetworkCreateViewModel model(NetworkCreateViewModel.Creator creator) {
        return new NetworkCreateViewModel(i18n, new CurrentThreadTaskExecutor(), dialogs, ServerKind.LXD, "lab",
                List.of("bridge", "macvlan"), List.of("eth0"), () -> Set.of("lxdbr0"), creator);
    }

    private NetworkCreateViewModel model() {
        return model(sent::add);
    }

    @Test
    void eachRuleIsNamedBeforeAnythingIsSent() {
        NetworkCreateViewModel model = model();
        assertThat(model.problemProperty().get()).isEqualTo(i18n.get("name.problem.empty"));
        model.nameProperty().set("lxdbr0");
        assertThat(model.problemProperty().get()).isEqualTo("A network named lxdbr0 already exists.");
        model.nameProperty().set("a-very-long-bridge");
        assertThat(model.problemProperty().get()).isEqualTo(i18n.get("action.network.tooLong"));
        model.nameProperty().set("br1");
        assertThat(model.invalidProperty().get()).isFalse();
        model.ipv4().address().set("192.0.2.300/24");
        assertThat(model.problemProperty().get()).isEqualTo(i18n.get("action.network.badIpv4"));
        model.ipv4().address().set("192.0.2.1/24");
        model.ipv4().ranges().set("10.154.195.10.20");
        assertThat(model.problemProperty().get()).startsWith("ipv4.dhcp.ranges: \"10.154.195.10.20\" is not a range");
        model.ipv4().ranges().set("192.0.2.200-192.0.2.100");
        assertThat(model.problemProperty().get()).contains("the first address comes after the last");
        model.ipv4().ranges().set("198.51.100.10-198.51.100.20");
        assertThat(model.problemProperty().get()).contains("not inside the network's subnet 192.0.2.0/24");
        // DHCP off: its ranges are not sent, so not judged.
        model.ipv4().dhcp().set(false);
        assertThat(model.invalidProperty().get()).isFalse();
        model.ipv4().dhcp().set(true);
        model.ipv4().ranges().set("192.0.2.100-192.0.2.200");
        model.ipv6().address().set("2001:db8::1/64");
        model.ipv6().ranges().set("2001:db8::200-2001:db8::100");
        assertThat(model.problemProperty().get()).startsWith("ipv6.dhcp.ranges:");
        model.ipv6().ranges().set("");
        model.dnsDomainProperty().set("bad domain");
        assertThat(model.problemProperty().get()).contains("is not a domain name");
        model.dnsDomainProperty().set("lab.example");
        assertThat(model.invalidProperty().get()).isFalse();
        model.create(() -> { });
        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("br1");
            assertThat(r.config()).containsEntry("ipv4.dhcp.ranges", "192.0.2.100-192.0.2.200")
                    .containsEntry("dns.domain", "lab.example").containsEntry("ipv6.address", "2001:db8::1/64");
        });
    }

    @Test
    void theCommandFollowsTheFormAndIsEmptyWhileItIsWrong() {
        NetworkCreateViewModel model = model();
        assertThat(model.commandProperty().get()).isEmpty();
        model.nameProperty().set("br1");
        model.useNone();
        assertThat(model.commandProperty().get())
                .isEqualTo("lxc network create lab:br1 --type=bridge ipv4.address=none ipv6.address=none");
        assertThat(model.anyAutoProperty().get()).isFalse();
        model.ipv4().address().set("auto");
        assertThat(model.anyAutoProperty().get()).isTrue();
    }

    @Test
    void aMacvlanNeedsItsHostInterfaceAndIgnoresBridgeFields() {
        NetworkCreateViewModel model = model();
        model.nameProperty().set("mv1");
        model.typeProperty().set("macvlan");
        model.ipv4().address().set("nonsense");
        assertThat(model.bridgeProperty().get()).isFalse();
        assertThat(model.commandProperty().get()).isEqualTo("lxc network create lab:mv1 --type=macvlan parent=eth0");
        model.parentProperty().set(null);
        assertThat(model.problemProperty().get()).isEqualTo("A macvlan network needs the host interface it sits on.");
    }

    @Test
    void aRefusalReopensTheFormWithEverythingTyped() {
        NetworkCreateViewModel model = model(request -> {
            throw new BadRequestException("POST /1.0/networks", 400, "Invalid option");
        });
        model.nameProperty().set("br1");
        model.useNone();
        List<String> reopened = new ArrayList<>();
        model.create(() -> reopened.add(model.nameProperty().get()));
        assertThat(dialogs.headlines()).containsExactly("Could not create the bridge br1");
        assertThat(reopened).containsExactly("br1");
        assertThat(model.ipv4().address().get()).isEqualTo("none");
    }

    @Test
    void noFreeSubnetOffersTheSameNetworkWithoutThatFamily() {
        List<NetworksPost> tried = new ArrayList<>();
        NetworkCreateViewModel model = model(request -> {
            tried.add(request);
            if ("auto".equals(request.config().get("ipv4.address"))) {
                throw new BadRequestException("POST /1.0/networks", 400,
                        "Failed to automatically find an unused IPv4 subnet, manual configuration required");
            }
        });
        model.nameProperty().set("br1");
        model.ipv6().address().set("none");
        dialogs.answer(true);
        model.create(() -> { });
        assertThat(tried).hasSize(2);
        assertThat(tried.get(1).config()).containsEntry("ipv4.address", "none").doesNotContainKey("ipv4.nat");
        assertThat(dialogs.headlines()).isEmpty();
    }
}
