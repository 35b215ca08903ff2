package dev.hako.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.model.config.ObjectKind;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shipped catalog is complete for the keys the editors promise, and consistent with itself. */
class ConfigCatalogTest {

    private final ConfigCatalog catalog = ConfigCatalog.shipped();

    @Test
    void coversTheRequiredKeys() {
        for (String key : List.of("limits.cpu", "limits.memory", "limits.processes", "security.nesting",
                "security.privileged", "security.syscalls.intercept.mknod", "security.syscalls.intercept.setxattr",
                "boot.autostart", "boot.autostart.delay", "boot.autostart.priority", "boot.host_shutdown_timeout",
                "snapshots.schedule", "snapshots.expiry", "snapshots.pattern", "linux.kernel_modules", "raw.lxc")) {
            assertThat(catalog.lookup(ObjectKind.INSTANCE, key)).as(key).isPresent();
            assertThat(catalog.lookup(ObjectKind.PROFILE, key)).as(key).isPresent();
        }
        for (String key : List.of("ipv4.address", "ipv4.nat", "ipv6.address", "dns.domain", "dns.mode",
                "bridge.mtu", "bridge.driver")) {
            assertThat(catalog.lookup(ObjectKind.NETWORK, key)).as(key).isPresent();
        }
        for (String key : List.of("size", "source", "lvm.thinpool_name", "lvm.use_thinpool", "lvm.vg_name",
                "zfs.pool_name", "btrfs.mount_options", "ceph.osd.pool_name")) {
            assertThat(catalog.lookup(ObjectKind.STORAGE_POOL, key)).as(key).isPresent();
        }
        for (String key : List.of("core.https_address", "images.auto_update_interval", "cluster.https_address")) {
            assertThat(catalog.lookup(ObjectKind.SERVER, key)).as(key).isPresent();
        }
        assertThat(catalog.lookup(ObjectKind.PROFILE, "user.anything").map(ConfigKey::key)).contains("user.*");
        assertThat(catalog.lookup(ObjectKind.PROJECT, "user.x")).isPresent();
        assertThat(catalog.lookup(ObjectKind.NETWORK, "limits.cpu")).isEmpty();
    }

    @Test
    void poolKeysFollowTheirDriver() {
        assertThat(catalog.keysFor(ObjectKind.STORAGE_POOL, "dir")).extracting(ConfigKey::key)
                .contains("source").doesNotContain("size", "lvm.vg_name", "zfs.pool_name");
        assertThat(catalog.keysFor(ObjectKind.STORAGE_POOL, "lvm")).extracting(ConfigKey::key)
                .contains("size", "lvm.thinpool_name", "lvm.use_thinpool", "lvm.vg_name")
                .doesNotContain("zfs.pool_name");
    }

    @Test
    void everyEntryIsDescribedInBothLanguagesAndSelfConsistent() {
        assertThat(catalog.all()).hasSizeGreaterThan(100);
        for (ConfigKey key : catalog.all()) {
            assertThat(key.kinds()).as(key.key()).isNotEmpty();
            assertThat(key.description(Locale.ENGLISH)).as(key.key()).isNotBlank();
            assertThat(key.description(Locale.JAPANESE)).as(key.key()).isNotBlank()
                    .isNotEqualTo(key.description(Locale.ENGLISH));
            if (key.pattern() != null) {
                Pattern.compile(key.pattern());
            }
            if (key.type() == ValueType.ENUM) {
                assertThat(key.values()).as(key.key()).isNotEmpty();
            }
            if (key.defaultValue() != null) {
                assertThat(ValueValidator.check(key, key.key(), key.defaultValue())).as(key.key() + " default")
                        .isEmpty();
            }
        }
    }
}
