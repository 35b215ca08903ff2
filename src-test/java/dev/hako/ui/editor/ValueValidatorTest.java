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
