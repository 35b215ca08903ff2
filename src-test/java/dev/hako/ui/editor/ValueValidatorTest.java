package dev.hako.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.model.config.ObjectKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueValidatorTest {

    private final ConfigCatalog catalog = ConfigCatalog.shipped();

    private boolean ok(ObjectKind kind, String key, String value) {
        return ValueValidator.check(catalog.lookup(kind, key).orElse(null), key, value).isEmpty();
    }

    @Test
    void typesAreChecked() {
        assertThat(ok(ObjectKind.PROFILE, "security.nesting", "true")).isTrue();
        assertThat(ok(ObjectKind.PROFILE, "security.nesting", "ture")).isFalse();
        assertThat(ok(ObjectKind.PROFILE, "limits.memory", "512MiB")).isTrue();
        assertThat(ok(ObjectKind.PROFILE, "limits.memory", "2GB")).isTrue();
        assertThat(ok(ObjectKind.PROFILE, "limits.memory", "50%")).isTrue();
        assertThat(ok(ObjectKind.PROFILE, "limits.memory", "150%")).isFalse();
        assertThat(ok(ObjectKind.PROFILE, "limits.memory", "lots")).isFalse();
        // sizes follow SizeRules, as everywhere: whole numbers only
        assertThat(ok(ObjectKind.PROFILE, "limits.memory", "1.5GiB")).isFalse();
        assertThat(ok(ObjectKind.STORAGE_POOL, "size", "10GiB")).isTrue();
        assertThat(ok(ObjectKind.STORAGE_POOL, "size", "10 parsecs")).isFalse();
        assertThat(ok(ObjectKind.PROFILE, "limits.cpu", "2")).isTrue();
        assertThat(ok(ObjectKind.PROFILE, "limits.cpu", "0-3,6")).isTrue();
        assertThat(ok(ObjectKind.PROFILE, "limits.cpu", "two")).isFalse();
        assertThat(ok(ObjectKind.PROFILE, "limits.processes", "100")).isTrue();
        assertThat(ok(ObjectKind.PROFILE, "limits.processes", "0")).isFalse();
        assertThat(ok(ObjectKind.PROFILE, "limits.cpu.priority", "11")).isFalse();
        assertThat(ok(ObjectKind.PROFILE, "limits.cpu.priority", "99999999999999999999999")).isFalse();
        assertThat(ok(ObjectKind.PROFILE, "limits.memory.enforce", "soft")).isTrue();
        assertThat(ok(ObjectKind.PROFILE, "limits.memory.enforce", "medium")).isFalse();
        assertThat(ok(ObjectKind.PROFILE, "snapshots.expiry", "2w")).isTrue();
        assertThat(ok(ObjectKind.PROFILE, "snapshots.expiry", "1d 2H")).isTrue();
        assertThat(ok(ObjectKind.PROFILE, "snapshots.expiry", "two weeks")).isFalse();
        assertThat(ok(ObjectKind.PROFILE, "snapshots.schedule", "@daily")).isTrue();
        assertThat(ok(ObjectKind.PROFILE, "snapshots.schedule", "0 6 * * *")).isTrue();
        assertThat(ok(ObjectKind.PROFILE, "linux.kernel_modules", "overlay,br_netfilter")).isTrue();
        assertThat(ok(ObjectKind.PROFILE, "linux.kernel_modules", "overlay;rm -rf")).isFalse();
        assertThat(ok(ObjectKind.NETWORK, "ipv4.address", "none")).isTrue();
        assertThat(ok(ObjectKind.NETWORK, "ipv4.address", "10.0.0.1/24")).isTrue();
        assertThat(ok(ObjectKind.NETWORK, "ipv4.address", "10.0.0.1")).isFalse();
        assertThat(ok(ObjectKind.NETWORK, "bridge.mtu", "100")).isFalse();
        // unknown keys and user.* are text: anything goes, the server judges
        assertThat(ok(ObjectKind.PROFILE, "user.note", "anything: at all")).isTrue();
        assertThat(ok(ObjectKind.PROFILE, "some.future.key", "x")).isTrue();
        // empty means unset
        assertThat(ok(ObjectKind.PROFILE, "limits.processes", "")).isTrue();
    }

    @Test
    void keyNamesAndWholeMaps() {
        assertThat(ValueValidator.checkKeyName("")).isPresent();
        assertThat(ValueValidator.checkKeyName("bad key")).isPresent();
        assertThat(ValueValidator.checkKeyName("user.ok-key_1")).isEmpty();
        assertThat(ValueValidator.checkConfig(catalog, ObjectKind.PROFILE,
                Map.of("limits.cpu", "2", "security.nesting", "maybe", "boot.autostart.delay", "-1")))
                .extracting(Problem::path).containsExactlyInAnyOrder("security.nesting", "boot.autostart.delay");
    }

    @Test
    void aNetworksDhcpRangesAreCheckedAgainstItsOwnSubnet() {
        // Documentation ranges only; the rule itself is DhcpRangesTest's.
        Map<String, String> network = Map.of("ipv4.address", "192.0.2.1/24", "ipv6.address", "2001:db8::1/64",
                "ipv4.dhcp.ranges", "192.0.2.200-192.0.2.100", "ipv6.dhcp.ranges", "2001:db8:1::1-2001:db8:1::9");
        assertThat(ValueValidator.checkConfig(catalog, ObjectKind.NETWORK, network))
                .extracting(Problem::path, Problem::messageKey).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("ipv4.dhcp.ranges", "network.dhcp.problem.order"),
                        org.assertj.core.groups.Tuple.tuple("ipv6.dhcp.ranges", "network.dhcp.problem.outside"));
        assertThat(ValueValidator.checkWithOthers(ObjectKind.NETWORK, "ipv4.dhcp.ranges", "10.154.195.10.20",
                Map.of("ipv4.address", "auto"))).get().extracting(Problem::messageKey)
                .isEqualTo("network.dhcp.problem.shape");
        assertThat(ValueValidator.checkWithOthers(ObjectKind.NETWORK, "ipv4.dhcp.ranges", "192.0.2.10-192.0.2.20",
                Map.of("ipv4.address", "192.0.2.1/24"))).isEmpty();
        // The same key name elsewhere is not this rule's business.
        assertThat(ValueValidator.checkWithOthers(ObjectKind.PROFILE, "ipv4.dhcp.ranges", "x", Map.of())).isEmpty();
        var i18n = new dev.hako.ui.common.I18n(java.util.Locale.ENGLISH);
        assertThat(ValueValidator.checkWithOthers(ObjectKind.NETWORK, "ipv4.dhcp.ranges", "198.51.100.1-198.51.100.9",
                Map.of("ipv4.address", "192.0.2.1/24")).orElseThrow().message(i18n)).isEqualTo(
                "ipv4.dhcp.ranges: \"198.51.100.1-198.51.100.9\" is not inside the network's subnet 192.0.2.0/24.");
    }

    @Test
    void devicesAreChecked() {
        assertThat(DeviceKinds.check("root", Map.of("type", "disk", "path", "/", "pool", "default"))).isEmpty();
        assertThat(DeviceKinds.check("d", Map.of("type", "disk", "path", "/x"))).hasSize(1);
        assertThat(DeviceKinds.check("d", Map.of("type", "disk", "path", "/", "pool", "p", "size", "big")))
                .hasSize(1);
        assertThat(DeviceKinds.check("eth0", Map.of("type", "nic", "name", "eth0"))).hasSize(1);
        assertThat(DeviceKinds.check("eth0", Map.of("type", "nic", "network", "br0", "hwaddr", "00:16:3e:00:00:01")))
                .isEmpty();
        assertThat(DeviceKinds.check("p", Map.of("type", "proxy", "listen", "tcp:0.0.0.0:80",
                "connect", "tcp:127.0.0.1:80", "bind", "host"))).isEmpty();
        assertThat(DeviceKinds.check("p", Map.of("type", "proxy", "listen", "0.0.0.0:80",
                "connect", "tcp:127.0.0.1:80"))).hasSize(1);
        assertThat(DeviceKinds.check("x", Map.of("name", "x"))).hasSize(1);
        assertThat(DeviceKinds.check("g", Map.of("type", "gpu"))).isEmpty();
        assertThat(DeviceKinds.check("u", Map.of("type", "usb", "vendorid", "zzzz"))).hasSize(1);
    }
}
