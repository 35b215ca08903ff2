package dev.hako.ui.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.BadRequestException;
import dev.hako.lxd.UnreachableException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A new bridge's addresses: what is accepted, and what a "no free subnet" refusal is answered with. */
class BridgeAddressesTest {

    @Test
    void acceptsAutoNoneAndAddressesWithTheirPrefix() {
        assertThat(BridgeAddresses.valid("auto", true)).isTrue();
        assertThat(BridgeAddresses.valid("none", false)).isTrue();
        assertThat(BridgeAddresses.valid("10.10.10.1/24", true)).isTrue();
        assertThat(BridgeAddresses.valid("10.300.0.1/24", true)).isFalse();
        assertThat(BridgeAddresses.valid("10.10.10.1", true)).isFalse();
        assertThat(BridgeAddresses.valid("10.10.10.1/33", true)).isFalse();
        assertThat(BridgeAddresses.valid("fd42::1/64", false)).isTrue();
        assertThat(BridgeAddresses.valid("fd42::1/129", false)).isFalse();
        assertThat(BridgeAddresses.valid("fd42::1", false)).isFalse();
    }

    @Test
    void theServersNoFreeSubnetRefusalNamesTheFamilyToGiveUp() {
        // The daemons' words (LXD 5.0 and Incus 6 say the same).
        var ipv4 = new BadRequestException("POST /1.0/networks", 400,
                "Failed to automatically find an unused IPv4 subnet, manual configuration required");
        var ipv6 = new BadRequestException("POST /1.0/networks", 400,
                "Failed to automatically find an unused IPv6 subnet, manual configuration required");
        assertThat(BridgeAddresses.familyWithoutFreeSubnet(ipv4)).isEqualTo(BridgeAddresses.IPV4);
        assertThat(BridgeAddresses.familyWithoutFreeSubnet(ipv6)).isEqualTo(BridgeAddresses.IPV6);
        assertThat(BridgeAddresses.familyWithoutFreeSubnet(new BadRequestException("POST /1.0/networks", 400,
                "Network is already defined"))).isNull();
        assertThat(BridgeAddresses.familyWithoutFreeSubnet(new UnreachableException("lab", null))).isNull();

        Map<String, String> typed = BridgeAddresses.config(" auto ", "fd42::1/64");
        assertThat(typed).containsEntry(BridgeAddresses.IPV4, "auto").containsEntry(BridgeAddresses.IPV6, "fd42::1/64");
        assertThat(BridgeAddresses.without(typed, BridgeAddresses.IPV4))
                .containsEntry(BridgeAddresses.IPV4, "none").containsEntry(BridgeAddresses.IPV6, "fd42::1/64");
        assertThat(typed).containsEntry(BridgeAddresses.IPV4, "auto");
        Map<String, String> withNat = Map.of("ipv4.address", "auto", "ipv4.nat", "true", "ipv4.dhcp.ranges", "x",
                "ipv6.address", "auto", "ipv6.nat", "true");
        assertThat(BridgeAddresses.without(withNat, BridgeAddresses.IPV4)).containsOnly(Map.entry("ipv4.address", "none"),
                Map.entry("ipv6.address", "auto"), Map.entry("ipv6.nat", "true"));
    }
}
