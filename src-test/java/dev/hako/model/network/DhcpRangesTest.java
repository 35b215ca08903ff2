package dev.hako.model.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.model.network.DhcpRanges.Rule;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The DHCP range rule, with documentation addresses (192.0.2.0/24, 198.51.100.0/24, 2001:db8::/32). */
class DhcpRangesTest {

    private static Optional<Rule> v4(String ranges, String address) {
        return DhcpRanges.check(ranges, address, false).map(DhcpRanges.Violation::rule);
    }

    private static Optional<Rule> v6(String ranges, String address) {
        return DhcpRanges.check(ranges, address, true).map(DhcpRanges.Violation::rule);
    }

    @Test
    void rangesInsideTheSubnetInOrderAreFine() {
        assertThat(v4("192.0.2.100-192.0.2.200", "192.0.2.1/24")).isEmpty();
        assertThat(v4("192.0.2.10-192.0.2.20,192.0.2.100-192.0.2.200", "192.0.2.1/24")).isEmpty();
        assertThat(v4(" 192.0.2.10 - 192.0.2.20 , 192.0.2.30-192.0.2.30", "192.0.2.1/24")).isEmpty();
        assertThat(v4("198.51.100.0-198.51.101.255", "198.51.100.1/23")).isEmpty();
        assertThat(v4("", "192.0.2.1/24")).isEmpty();
        assertThat(v4(null, "192.0.2.1/24")).isEmpty();
    }

    @Test
    void theNotesMistypedRangeIsRefusedAsNotARange() {
        // The server's documentation example, one dash and one address short.
        assertThat(v4("10.154.195.10.20", "auto")).contains(Rule.SHAPE);
        assertThat(v4("192.0.2.10.20", "192.0.2.1/24")).contains(Rule.SHAPE);
        assertThat(DhcpRanges.check("192.0.2.10.20", "192.0.2.1/24", false).orElseThrow().range())
                .isEqualTo("192.0.2.10.20");
    }

    @Test
    void otherShapesAndAddressesAreRefused() {
        assertThat(v4("192.0.2.10-192.0.2.20-192.0.2.30", "192.0.2.1/24")).contains(Rule.SHAPE);
        assertThat(v4("192.0.2.10-192.0.2.20,", "192.0.2.1/24")).contains(Rule.SHAPE);
        assertThat(v4("192.0.2.10", "192.0.2.1/24")).contains(Rule.SHAPE);
        assertThat(v4("192.0.2.10-192.0.2.256", "192.0.2.1/24")).contains(Rule.ADDRESS);
        assertThat(v4("192.0.2-192.0.2.20", "192.0.2.1/24")).contains(Rule.ADDRESS);
        assertThat(v4("host-192.0.2.20", "192.0.2.1/24")).contains(Rule.ADDRESS);
        // An IPv6 range in the IPv4 key.
        assertThat(v4("2001:db8::10-2001:db8::20", "192.0.2.1/24")).contains(Rule.ADDRESS);
    }

    @Test
    void anInvertedRangeIsRefused() {
        assertThat(v4("192.0.2.200-192.0.2.100", "192.0.2.1/24")).contains(Rule.ORDER);
        // The servers accept this without a word; the subnet does not even need to be known.
        assertThat(v4("192.0.2.200-192.0.2.100", "auto")).contains(Rule.ORDER);
        assertThat(v4("192.0.2.10-192.0.2.20,192.0.2.200-192.0.2.100", "192.0.2.1/24")).contains(Rule.ORDER);
    }

    @Test
    void aRangeOutsideTheSubnetIsRefusedAndTheSubnetNamed() {
        assertThat(v4("198.51.100.10-198.51.100.20", "192.0.2.1/24")).contains(Rule.OUTSIDE);
        assertThat(v4("192.0.2.10-192.0.3.20", "192.0.2.1/24")).contains(Rule.OUTSIDE);
        assertThat(DhcpRanges.check("192.0.2.10-192.0.3.20", "192.0.2.1/24", false).orElseThrow().subnet())
                .isEqualTo("192.0.2.0/24");
        // Not known here: the server picks the subnet, or there is none.
        assertThat(v4("198.51.100.10-198.51.100.20", "auto")).isEmpty();
        assertThat(v4("198.51.100.10-198.51.100.20", "none")).isEmpty();
        assertThat(v4("198.51.100.10-198.51.100.20", null)).isEmpty();
    }

    @Test
    void ipv6RangesFollowTheSameRule() {
        assertThat(v6("2001:db8::100-2001:db8::200", "2001:db8::1/64")).isEmpty();
        assertThat(v6("2001:db8::200-2001:db8::100", "2001:db8::1/64")).contains(Rule.ORDER);
        assertThat(v6("2001:db8:1::100-2001:db8:1::200", "2001:db8::1/64")).contains(Rule.OUTSIDE);
        assertThat(v6("2001:db8::zz-2001:db8::200", "2001:db8::1/64")).contains(Rule.ADDRESS);
        assertThat(v6("192.0.2.10-192.0.2.20", "2001:db8::1/64")).contains(Rule.ADDRESS);
        assertThat(DhcpRanges.check("2001:db8:1::1-2001:db8:1::2", "2001:db8::1/64", true).orElseThrow().subnet())
                .isEqualTo("2001:db8::/64");
    }

    @Test
    void theKeysItCovers() {
        assertThat(DhcpRanges.covers("ipv4.dhcp.ranges")).isTrue();
        assertThat(DhcpRanges.covers("ipv6.dhcp.ranges")).isTrue();
        assertThat(DhcpRanges.covers("ipv4.address")).isFalse();
        assertThat(DhcpRanges.addressKeyOf("ipv6.dhcp.ranges")).isEqualTo("ipv6.address");
        assertThat(DhcpRanges.addressKeyOf("ipv4.dhcp.ranges")).isEqualTo("ipv4.address");
    }
}
