package dev.hako.model.list;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.api.Image;
import dev.hako.lxd.api.Network;
import dev.hako.lxd.api.Profile;
import dev.hako.lxd.api.StorageVolume;
import dev.hako.model.PoolVolume;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The image, volume, network and profile columns print what lxc's list commands print. */
class ResourceColumnsTest {

    static Image image(String fingerprint, long size, List<String> aliases, String type, boolean cached) {
        return new Image(fingerprint, "", size, "x86_64", type, false, cached, false,
                Map.of("description", "Alpine 3.19 amd64"), aliases.stream().map(a -> new Image.ImageAlias(a, ""))
                .toList(), List.of("default"), null, null, null, null,
                OffsetDateTime.parse("2024-05-01T21:07:00+09:00"), "default");
    }

    static PoolVolume volume(String pool, String type, String name, Map<String, String> config, int users) {
        List<String> usedBy = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            usedBy.add("/1.0/instances/c" + i);
        }
        return new PoolVolume(pool, new StorageVolume(name, type, "", "", config, usedBy, "none", null, "default"));
    }

    @Test
    void imagesAsLxcImageList() {
        Image image = image("5f8e9d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e", 3_407_872,
                List.of("alpine/edge", "a"), "", true);
        assertThat(ImageColumn.ALIAS.text(image, Locale.ROOT)).isEqualTo("a (1 more)");
        assertThat(ImageColumn.ALIASES.text(image, Locale.ROOT)).isEqualTo("a\nalpine/edge");
        assertThat(ImageColumn.FINGERPRINT.text(image, Locale.ROOT)).isEqualTo("5f8e9d7c6b5a");
        assertThat(ImageColumn.PUBLIC.text(image, Locale.ROOT)).isEqualTo("no");
        assertThat(ImageColumn.DESCRIPTION.text(image, Locale.ROOT)).isEqualTo("Alpine 3.19 amd64");
        // No type is a container image, as lxc says.
        assertThat(ImageColumn.TYPE.text(image, Locale.ROOT)).isEqualTo("CONTAINER");
        assertThat(ImageColumn.TYPE.text(image("ab", 1, List.of(), "virtual-machine", false), Locale.ROOT))
                .isEqualTo("VIRTUAL-MACHINE");
        assertThat(ImageColumn.SIZE.text(image, Locale.ROOT)).isEqualTo("3.25MiB");
        assertThat(ImageColumn.SIZE.text(image, Locale.GERMANY)).isEqualTo("3,25MiB");
        // Go's "Jan 2, 2006 at 3:04pm (MST)" in UTC.
        assertThat(ImageColumn.UPLOAD_DATE.text(image, Locale.ROOT)).isEqualTo("May 1, 2024 at 12:07pm (UTC)");
        assertThat(ImageColumn.CACHED.text(image, Locale.ROOT)).isEqualTo("yes");
        assertThat(ImageColumn.AUTO_UPDATE.text(image, Locale.ROOT)).isEqualTo("no");
        assertThat(ImageColumn.ALIAS.text(image("cd", 1, List.of(), "", false), Locale.ROOT)).isEmpty();
    }

    @Test
    void imagesSortBySizeAsNumbersNotText() {
        List<Image> images = new ArrayList<>(List.of(image("aa", 20L << 20, List.of(), "", false),
                image("bb", 3L << 20, List.of(), "", false), image("cc", 100L << 20, List.of(), "", false)));
        images.sort(ImageColumn.SIZE.comparator());
        assertThat(images).extracting(Image::fingerprint).containsExactly("bb", "aa", "cc");
        images.sort(ImageColumn.SIZE.comparator(true));
        assertThat(images).extracting(Image::fingerprint).containsExactly("cc", "aa", "bb");
    }

    @Test
    void volumesAsLxcStorageVolumeList() {
        PoolVolume custom = volume("default", "custom", "data", Map.of("size", "10GiB"), 2);
        assertThat(VolumeColumn.POOL.text(custom, Locale.ROOT)).isEqualTo("default");
        assertThat(VolumeColumn.TYPE.text(custom, Locale.ROOT)).isEqualTo("custom");
        assertThat(VolumeColumn.CONTENT_TYPE.text(custom, Locale.ROOT)).isEqualTo("filesystem");
        assertThat(VolumeColumn.USED_BY.text(custom, Locale.ROOT)).isEqualTo("2");
        // A standalone server's "none" is no location.
        assertThat(VolumeColumn.LOCATION.text(custom, Locale.ROOT)).isEmpty();
        assertThat(VolumeColumn.SIZE.text(custom, Locale.ROOT)).isEqualTo("10GiB");
        assertThat(VolumeColumn.TYPE.text(volume("default", "custom", "data/snap0", Map.of(), 0), Locale.ROOT))
                .isEqualTo("custom (snapshot)");
    }

    @Test
    void volumeSizesSortByBytesAndUnsetOnesLast() {
        List<PoolVolume> volumes = new ArrayList<>(List.of(volume("p", "custom", "big", Map.of("size", "2GiB"), 0),
                volume("p", "custom", "none", Map.of(), 0), volume("p", "custom", "small", Map.of("size", "900MiB"), 0)));
        volumes.sort(VolumeColumn.SIZE.comparator());
        assertThat(volumes).extracting(v -> v.volume().name()).containsExactly("small", "big", "none");
        volumes.sort(VolumeColumn.SIZE.comparator(true));
        assertThat(volumes).extracting(v -> v.volume().name()).containsExactly("big", "small", "none");
    }

    @Test
    void networksAndProfilesAsTheirListCommands() {
        Network bridge = new Network("hakobr0", "", "bridge", true, "Created",
                Map.of("ipv4.address", "none", "ipv6.address", "2001:db8::1/64"), List.of("/1.0/profiles/default"),
                List.of("none"));
        Network physical = new Network("eth0", "", "physical", false, "", Map.of(), List.of(), List.of());
        assertThat(NetworkColumn.MANAGED.text(bridge, Locale.ROOT)).isEqualTo("YES");
        assertThat(NetworkColumn.MANAGED.text(physical, Locale.ROOT)).isEqualTo("NO");
        assertThat(NetworkColumn.IPV4.text(bridge, Locale.ROOT)).isEqualTo("none");
        assertThat(NetworkColumn.IPV4.text(physical, Locale.ROOT)).isEmpty();
        assertThat(NetworkColumn.IPV6.text(bridge, Locale.ROOT)).isEqualTo("2001:db8::1/64");
        assertThat(NetworkColumn.USED_BY.text(bridge, Locale.ROOT)).isEqualTo("1");
        assertThat(NetworkColumn.STATE.text(bridge, Locale.ROOT)).isEqualTo("CREATED");
        List<Network> networks = new ArrayList<>(List.of(bridge, physical));
        networks.sort(NetworkColumn.STATE.comparator());
        // An empty state sorts last.
        assertThat(networks).extracting(Network::name).containsExactly("hakobr0", "eth0");

        Profile profile = new Profile("web", "Web servers", Map.of(), Map.of(), List.of("/1.0/instances/a",
                "/1.0/instances/b"), "default");
        assertThat(ProfileColumn.USED_BY.text(profile, Locale.ROOT)).isEqualTo("2");
        assertThat(ProfileColumn.DESCRIPTION.text(profile, Locale.ROOT)).isEqualTo("Web servers");
    }

    @Test
    void everyColumnHasAHeaderKeyOfItsOwnAndAFilterKeyWithoutSpaces() {
        for (List<? extends ListColumn<?>> columns : List.of(List.of(ImageColumn.values()),
                List.of(VolumeColumn.values()), List.of(NetworkColumn.values()), List.of(ProfileColumn.values()))) {
            assertThat(columns.stream().map(ListColumn::headerKey).distinct()).hasSameSizeAs(columns);
            assertThat(columns).allMatch(c -> c.filterKey().matches("[a-z0-9-]+"));
        }
        assertThat(VolumeColumn.CONTENT_TYPE.filterKey()).isEqualTo("content-type");
    }
}
