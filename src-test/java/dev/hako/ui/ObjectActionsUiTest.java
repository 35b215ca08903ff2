package dev.hako.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.api.Image;
import dev.hako.lxd.api.Network;
import dev.hako.lxd.api.Profile;
import dev.hako.lxd.api.ProfilePut;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.Label;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Profiles, bridges, volumes and image aliases created, copied and deleted from the tree's menus. */
class ObjectActionsUiTest {

    private static boolean profileExists(LxdClient client, String name) {
        return client.profiles().list().stream().map(Profile::name).anyMatch(name::equals);
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void profilesCreateCopyDelete(Daemon daemon) throws Exception {
        String d = daemon.name().toLowerCase(Locale.ROOT);
        String name = TestBed.uniqueName("uiprof");
        try (LxdClient client = TestBed.connect(daemon); UiDriver ui = new UiDriver(daemon).open(true, Locale.ENGLISH)) {
            try {
                ui.contextMenu("PROFILES", "menuCreateProfile");
                ui.waitUntil(5, () -> ui.robot.lookup("#nameField").tryQuery().isPresent());
                ui.type("nameField", name);
                ui.ok();
                ui.waitUntil(20, () -> profileExists(client, name));
                client.profiles().update(name, new ProfilePut(Map.of("limits.cpu", "1"), "web", Map.of()), null);

                ui.expand("PROFILES");
                ui.click(name);
                ui.waitUntil(10, () -> ui.robot.lookup("#detailTitle").tryQuery()
                        .map(l -> name.equals(((Label) l).getText())).orElse(false));
                ui.screenshot("profile-view-" + d + "-dark-en");
                ui.tab("Configuration");
                ui.waitUntil(10, () -> ui.robot.lookup(".config-editor").tryQuery().isPresent());
                ui.settle();
                ui.screenshot("profile-configuration-" + d + "-dark-en");
                ui.contextMenu(name, "menuCopyProfile");
                ui.waitUntil(5, () -> ui.robot.lookup("#nameField").tryQuery().isPresent());
                ui.ok();
                ui.waitUntil(20, () -> profileExists(client, name + "-copy"));
                assertThat(client.profiles().get(name + "-copy").value().config()).containsEntry("limits.cpu", "1");

                for (String profile : new String[] {name + "-copy", name}) {
                    ui.contextMenu(profile, "menuDeleteProfile");
                    ui.waitUntil(5, () -> ui.robot.lookup("#confirmField").tryQuery().isPresent());
                    ui.robot.clickOn("#confirmField").write(profile);
                    ui.ok();
                    ui.waitUntil(20, () -> !profileExists(client, profile));
                }
            } finally {
                for (String profile : new String[] {name + "-copy", name}) {
                    try {
                        client.profiles().delete(profile);
                    } catch (NotFoundException gone) {
                        // deleted through the window
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void bridgeVolumeAndAliasLifecycle(Daemon daemon) throws Exception {
        String d = daemon.name().toLowerCase(Locale.ROOT);
        String bridge = "hkui" + Long.toString(System.nanoTime() % 46656, 36) + daemon.ordinal();
        String volume = TestBed.uniqueName("uivol");
        String alias = TestBed.uniqueName("uialias");
        try (LxdClient client = TestBed.connect(daemon); UiDriver ui = new UiDriver(daemon).open(false, Locale.JAPANESE)) {
            try {
                // A bridge without addresses: this machine allows loopback traffic only.
                ui.contextMenu("NETWORKS", "menuCreateNetwork");
                ui.waitUntil(5, () -> ui.robot.lookup("#nameField").tryQuery().isPresent());
                ui.type("nameField", bridge);
                ui.type("bridgeIpv4", "10.300.0.1/24");
                assertThat(ui.defaultButton().isDisabled()).isTrue();
                ui.screenshotDialog("dialog-bridge-invalid-" + d + "-light-ja");
                // While an address is "auto" the dialog says the server may find no free subnet, and offers none.
                ui.type("bridgeIpv4", "auto");
                ui.waitUntil(5, () -> ui.robot.lookup("#bridgeAutoNote").query().isVisible());
                ui.screenshotDialog("dialog-bridge-auto-" + d + "-light-ja");
                ui.robot.clickOn("#bridgeUseNone");
                ui.waitUntil(5, () -> !ui.robot.lookup("#bridgeAutoNote").query().isVisible());
                assertThat(ui.robot.lookup("#bridgeIpv4").queryTextInputControl().getText()).isEqualTo("none");
                assertThat(ui.robot.lookup("#bridgeIpv6").queryTextInputControl().getText()).isEqualTo("none");
                ui.ok();
                ui.waitUntil(20, () -> client.networks().list().stream().map(Network::name).anyMatch(bridge::equals));
                assertThat(client.networks().get(bridge).value().config()).containsEntry("ipv4.address", "none");

                ui.expand("STORAGE_POOLS");
                ui.contextMenu("default", "menuCreateVolume");
                ui.waitUntil(5, () -> ui.robot.lookup("#nameField").tryQuery().isPresent());
                ui.type("nameField", volume);
                ui.type("volumeSize", "ten gigs");
                assertThat(ui.defaultButton().isDisabled()).isTrue();
                ui.type("volumeSize", "");
                ui.ok();
                ui.waitUntil(20, () -> client.storage().volumes("default").stream()
                        .anyMatch(v -> v.name().equals(volume)));

                ui.expand("IMAGES");
                ui.contextMenu(TestBed.imageAlias(), "menuCreateAlias");
                ui.waitUntil(5, () -> ui.robot.lookup("#nameField").tryQuery().isPresent());
                ui.type("nameField", alias);
                ui.ok();
                ui.waitUntil(20, () -> client.images().aliases().stream().anyMatch(a -> a.name().equals(alias)));
                ui.contextMenu(TestBed.imageAlias(), "menuRenameAlias-" + alias);
                ui.waitUntil(5, () -> ui.robot.lookup("#nameField").tryQuery().isPresent());
                ui.type("nameField", alias + "-r");
                ui.ok();
                ui.waitUntil(20, () -> client.images().aliases().stream().anyMatch(a -> a.name().equals(alias + "-r"))
                        && client.images().aliases().stream().noneMatch(a -> a.name().equals(alias)));
                ui.contextMenu(TestBed.imageAlias(), "menuDeleteAlias-" + alias + "-r");
                ui.ok();
                ui.waitUntil(20, () -> client.images().aliases().stream().noneMatch(a -> a.name().startsWith(alias)));

                // An image published with the CLI, deleted from its row.
                String instance = dev.hako.testbed.Instances.createStopped(client, "pub");
                String published = TestBed.uniqueName("published");
                try {
                    TestBed.cli(daemon, "publish", instance, "--alias", published);
                } finally {
                    dev.hako.testbed.Instances.remove(client, instance);
                }
                String fingerprint = client.images().alias(published).value().target();
                ui.contextMenu(published, "menuDeleteImage");
                ui.ok();
                ui.waitUntil(30, () -> client.images().list().stream().noneMatch(i -> i.fingerprint().equals(fingerprint)));
                // The right click chose the published image, not the row selected before it.
                assertThat(client.images().alias(TestBed.imageAlias()).value().target()).isNotBlank();

                ui.click("default");
                ui.waitUntil(10, () -> ui.robot.lookup("#poolVolumes").tryQuery().isPresent());
                ui.screenshot("pool-view-" + d + "-light-ja");

                ui.expand("default");
                ui.contextMenu(volume, "menuDeleteVolume");
                ui.waitUntil(5, () -> ui.robot.lookup("#confirmField").tryQuery().isPresent());
                ui.robot.clickOn("#confirmField").write(volume);
                ui.ok();
                ui.waitUntil(20, () -> client.storage().volumes("default").stream()
                        .noneMatch(v -> v.name().equals(volume)));

                ui.expand("NETWORKS");
                ui.click(bridge);
                ui.waitUntil(10, () -> ui.robot.lookup("#networkLeases").tryQuery().isPresent());
                ui.screenshot("network-view-" + d + "-light-ja");
                ui.contextMenu(bridge, "menuDeleteNetwork");
                ui.waitUntil(5, () -> ui.robot.lookup("#confirmField").tryQuery().isPresent());
                ui.robot.clickOn("#confirmField").write(bridge);
                ui.ok();
                ui.waitUntil(20, () -> client.networks().list().stream().map(Network::name).noneMatch(bridge::equals));
            } finally {
                for (String a : new String[] {alias, alias + "-r"}) {
                    try {
                        client.images().deleteAlias(a);
                    } catch (NotFoundException gone) {
                        // renamed or deleted through the window
                    }
                }
                try {
                    client.storage().deleteVolume("default", "custom", volume);
                } catch (NotFoundException gone) {
                    // deleted through the window
                }
                try {
                    client.networks().delete(bridge);
                } catch (NotFoundException gone) {
                    // deleted through the window
                }
            }
            assertThat(client.images().list().stream().map(Image::fingerprint)).isNotEmpty();
        }
    }
}
