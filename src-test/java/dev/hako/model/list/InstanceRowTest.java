package dev.hako.model.list;

import static dev.hako.model.list.Rows.busyState;
import static dev.hako.model.list.Rows.inet;
import static dev.hako.model.list.Rows.inet6;
import static dev.hako.model.list.Rows.instance;
import static dev.hako.model.list.Rows.nic;
import static dev.hako.model.list.Rows.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceRowTest {

    @Test
    void addressesAreListedAsLxcListPrintsThem() {
        InstanceRow row = instance("web1").row(busyState(), 0);

        // lxc's own order: the "address (interface)" texts sorted in reverse, not eth0 first.
        assertThat(row.ipv4()).containsExactly("172.17.0.1 (docker0)", "10.0.3.7 (eth0)", "10.0.3.20 (eth1)");
        assertThat(row.ipv6()).containsExactly("fd42:4242::7 (eth0)");
    }

    @Test
    void loopbackAndLinkLocalAddressesAreLeftOut() {
        InstanceRow row = instance("web1").row(state(Map.of(
                "lo", nic("loopback", inet("127.0.0.1", "local")),
                "eth0", nic("broadcast", inet("169.254.0.5", "link"), inet6("fe80::1", "link"))), 0, 0), null);

        assertThat(row.ipv4()).isEmpty();
        assertThat(row.ipv6()).isEmpty();
    }

    @Test
    void aLoopbackIsKnownByItsTypeNotItsName() {
        InstanceRow row = instance("web1").row(state(Map.of(
                "lo", nic("broadcast", inet("192.0.2.1", "global")),
                "dummy0", nic("loopback", inet("192.0.2.2", "global"))), 0, 0), null);

        assertThat(row.ipv4()).containsExactly("192.0.2.1 (lo)");
    }

    @Test
    void noAddressesWithoutStateOrWhenStoppedOrInError() {
        assertThat(instance("web1").row().ipv4()).isEmpty();
        assertThat(instance("web1").row(state(null, 0, 0), null).ipv4()).isEmpty();
        // A state fetched while it ran says nothing about a stopped instance.
        assertThat(instance("web1").stopped().row(busyState(), null).ipv4()).isEmpty();
        assertThat(instance("web1").error().row(busyState(), null).ipv6()).isEmpty();
    }

    @Test
    void aFrozenInstanceKeepsShowingItsAddressesAsInLxc() {
        InstanceRow row = instance("web1").frozen().row(busyState(), null);

        assertThat(row.active()).isTrue();
        assertThat(row.ipv6()).containsExactly("fd42:4242::7 (eth0)");
    }

    @Test
    void aRowNeedsItsRemoteAndInstance() {
        assertThatThrownBy(() -> new InstanceRow(null, instance("web1").build(), null, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new InstanceRow("local", null, null, null))
                .isInstanceOf(NullPointerException.class);
    }
}
