package dev.hako.model.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.ServerKind;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the create-network dialog sends, and the command line that does the same. */
class NetworkSpecTest {

    private static final NetworkSpec.Family NONE = new NetworkSpec.Family("none", true, true, "");

    @Test
    void aBridgeWithEverySetting() {
        NetworkSpec spec = new NetworkSpec("br1", "bridge", "",
                new NetworkSpec.Family("192.0.2.1/24", true, true, "192.0.2.100 - 192.0.2.200"),
                new NetworkSpec.Family("2001:db8::1/64", false, false, "2001:db8::10-2001:db8::20"), "lab.example");
        assertThat(spec.config()).containsExactly(Map.entry("ipv4.address", "192.0.2.1/24"),
                Map.entry("ipv4.nat", "true"), Map.entry("ipv4.dhcp.ranges", "192.0.2.100-192.0.2.200"),
                Map.entry("ipv6.address", "2001:db8::1/64"), Map.entry("ipv6.nat", "false"),
                Map.entry("ipv6.dhcp", "false"), Map.entry("dns.domain", "lab.example"));
        assertThat(spec.command(ServerKind.INCUS, "lab")).isEqualTo("incus network create lab:br1 --type=bridge "
                + "ipv4.address=192.0.2.1/24 ipv4.nat=true ipv4.dhcp.ranges=192.0.2.100-192.0.2.200 "
                + "ipv6.address=2001:db8::1/64 ipv6.nat=false ipv6.dhcp=false dns.domain=lab.example");
    }

    @Test
    void aFamilyWithoutAddressSaysOnlyThat() {
        NetworkSpec spec = new NetworkSpec("br2", "bridge", "", NONE, NONE, "");
        assertThat(spec.config()).containsExactly(Map.entry("ipv4.address", "none"), Map.entry("ipv6.address", "none"));
        assertThat(spec.request().type()).isEqualTo("bridge");
    }

    @Test
    void aMacvlanSitsOnItsParentOnly() {
        NetworkSpec spec = new NetworkSpec("mv", "macvlan", "eth0", NONE, NONE, "x");
        assertThat(spec.config()).containsExactly(Map.entry("parent", "eth0"));
        assertThat(spec.command(ServerKind.LXD, "lab")).isEqualTo("lxc network create lab:mv --type=macvlan parent=eth0");
        assertThat(NetworkSpec.renameCommand(ServerKind.LXD, "lab", "br1", "br2")).isEqualTo("lxc network rename lab:br1 br2");
    }

    @Test
    void typesAreOfferedByTheServersExtensions() {
        Set<String> lxd = Set.of("network_type_macvlan", "network_type_physical");
        assertThat(NetworkSpec.TYPES.stream().filter(t -> NetworkSpec.supported(t, lxd::contains)))
                .containsExactly("bridge", "macvlan", "physical");
        assertThat(NetworkSpec.TYPES.stream().filter(t -> NetworkSpec.supported(t, Set.<String>of()::contains)))
                .containsExactly("bridge");
    }
}
