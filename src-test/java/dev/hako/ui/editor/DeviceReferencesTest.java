package dev.hako.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.api.Network;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pick lists of devices that point at other objects, and the warnings for objects the remote lacks. */
class DeviceReferencesTest {

    private final I18n en = new I18n(Locale.ENGLISH);
    private final List<String> volumeReads = new ArrayList<>();
    private final DeviceReferences references = new DeviceReferences("lab", new CurrentThreadTaskExecutor(), pool -> {
        volumeReads.add(pool);
        if (pool.equals("broken")) {
            throw new IllegalStateException("cannot read");
        }
        return pool.equals("default") ? List.of("logs", "data") : List.of();
    });

    private static Network network(String name, boolean managed) {
        return new Network(name, "", managed ? "bridge" : "physical", managed, "Created", Map.of(), List.of(),
                List.of());
    }

    private List<String> warned(String name, Map<String, String> device) {
        return references.warnings(name, device).stream().map(p -> p.message(en)).toList();
    }

    @Test
    void aNicPicksAManagedNetworkOrAnyInterfaceAsParent() {
        references.showNetworks(List.of(network("hakobr0", true), network("eth0", false), network("br-a", true)));
        assertThat(references.choices("nic", "network", Map.of())).containsExactly("br-a", "hakobr0");
        assertThat(references.choices("nic", "parent", Map.of())).containsExactly("br-a", "eth0", "hakobr0");
        assertThat(references.choices("nic", "name", Map.of())).isNull();
        assertThat(references.choices("proxy", "listen", Map.of())).isNull();
    }

    @Test
    void anExistingNetworkIsFineAMissingOneIsNamed() {
        Map<String, String> missing = Map.of("type", "nic", "network", "lxdbr1");
        // Nothing is said before the remote's networks are known.
        assertThat(warned("eth0", missing)).isEmpty();
        int before = references.revisionProperty().get();
        references.showNetworks(List.of(network("hakobr0", true), network("eth0", false)));
        assertThat(references.revisionProperty().get()).isGreaterThan(before);
        assertThat(warned("eth0", Map.of("type", "nic", "network", "hakobr0"))).isEmpty();
        assertThat(warned("eth0", missing)).containsExactly(
                "There is no managed network “lxdbr1” on lab. The server will refuse the device unless it exists "
                        + "when you save.");
        // An unmanaged interface is no nic network, but it is a parent.
        assertThat(warned("eth0", Map.of("type", "nic", "network", "eth0"))).hasSize(1);
        assertThat(warned("eth0", Map.of("type", "nic", "nictype", "macvlan", "parent", "eth0"))).isEmpty();
        assertThat(warned("eth0", Map.of("type", "nic", "nictype", "bridged", "parent", "br9")))
                .containsExactly("“br9” is not among the networks and host interfaces of lab.");
    }

    @Test
    void aDiskAndTheRootDiskPickAPool() {
        Map<String, String> root = Map.of("type", "disk", "path", "/", "pool", "fast");
        assertThat(warned("root", root)).isEmpty();
        references.showPools(List.of("fast", "default"));
        assertThat(references.choices("disk", "pool", root)).containsExactly("default", "fast");
        assertThat(warned("root", root)).isEmpty();
        assertThat(warned("root", Map.of("type", "disk", "path", "/", "pool", "slow")))
                .containsExactly("There is no storage pool “slow” on lab.");
        assertThat(new DeviceReferences("lab", new CurrentThreadTaskExecutor(), p -> List.of()).choices("disk", "pool",
                root)).isEmpty();
    }

    @Test
    void aSourceThatIsNoPathPicksACustomVolumeOfThePool() {
        references.showPools(List.of("default", "broken"));
        assertThat(references.choices("disk", "source", Map.of("type", "disk"))).isEmpty();
        assertThat(references.choices("disk", "source", Map.of("type", "disk", "pool", "default")))
                .containsExactly("data", "logs");
        Map<String, String> data = Map.of("type", "disk", "path", "/srv", "pool", "default", "source", "data");
        assertThat(warned("data", data)).isEmpty();
        // Read once, not on every keystroke.
        assertThat(volumeReads).containsExactly("default");
        assertThat(warned("data", Map.of("type", "disk", "path", "/srv", "pool", "default", "source", "dta")))
                .containsExactly("Pool “default” on lab has no custom volume “dta”.");
        // A host path is no volume.
        assertThat(warned("host", Map.of("type", "disk", "path", "/mnt", "source", "/srv/share"))).isEmpty();
        // A pool whose volumes could not be read: nothing is claimed about them.
        assertThat(warned("x", Map.of("type", "disk", "path", "/x", "pool", "broken", "source", "any"))).isEmpty();
        // A pool the remote does not have is named, and its volumes are not asked for.
        assertThat(warned("y", Map.of("type", "disk", "path", "/y", "pool", "gone", "source", "any")))
                .containsExactly("There is no storage pool “gone” on lab.");
        assertThat(volumeReads).doesNotContain("gone");
    }

    @Test
    void afterDisposeTheListsStay() {
        references.showNetworks(List.of(network("hakobr0", true)));
        references.dispose();
        references.showNetworks(List.of(network("other", true)));
        assertThat(references.choices("nic", "network", Map.of())).containsExactly("hakobr0");
    }
}
