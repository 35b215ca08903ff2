package dev.hako.ui.wizard.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.hako.ui.WizardSteps.button;
import static dev.hako.ui.WizardSteps.next;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.StoragePool;
import dev.hako.lxd.api.StorageVolumesPost;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import dev.hako.ui.UiDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextArea;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The storage pool wizard clicked through page by page (a dir pool on a fresh directory,
 * root disk of a new profile), then the pool deleted with its profile disk and volume cleared.
 * LXD in the dark theme and English, Incus in the light theme and Japanese.
 */
class StoragePoolWizardUiTest {

    private static boolean poolExists(LxdClient client, String name) {
        return client.storage().pools().stream().map(StoragePool::name).anyMatch(name::equals);
    }

    /** Whether the pool is gone; LXD's listing can refuse while a pool is half deleted: ask again then. */
    private static boolean poolGone(LxdClient client, String name) {
        try {
            return !poolExists(client, name);
        } catch (dev.hako.lxd.NotFoundException deleting) {
            return false;
        }
    }



    @ParameterizedTest
    @EnumSource(Daemon.class)
    void createWithNewProfileThenDeleteClearingUsage(Daemon daemon) throws Exception {
        String d = daemon.name().toLowerCase(Locale.ROOT);
        boolean dark = daemon == Daemon.LXD;
        Locale locale = dark ? Locale.ENGLISH : Locale.JAPANESE;
        String suffix = d + "-" + (dark ? "dark-en" : "light-ja");
        // The servers take _ and . in pool names, and so does the wizard.
        String pool = TestBed.uniqueName("ui_pool") + ".fast";
        String profile = TestBed.uniqueName("uiprof");
        Path source = Path.of(TestBed.env("HAKO_TB_DIR"), "pools", pool);
        Files.createDirectories(source);
        try (LxdClient client = TestBed.connect(daemon); UiDriver ui = new UiDriver(daemon).open(dark, locale)) {
            try {
                ui.contextMenu("STORAGE_POOLS", "menuCreatePool");
                ui.waitUntil(10, () -> ui.robot.lookup("#poolName").tryQuery().isPresent());
                ui.settle();
                @SuppressWarnings("unchecked")
                ChoiceBox<String> drivers = ui.robot.lookup("#poolDriver").queryAs(ChoiceBox.class);
                // Only what the server reports as supported, and dir is always among them here.
                assertThat(drivers.getItems()).contains("dir");
                assertThat(drivers.getValue()).isEqualTo("dir");
                ui.type("poolName", "default");
                assertThat(button(ui, "wizardNext").isDisabled()).isTrue();
                ui.screenshotDialog("pool-wizard-1-name-taken-" + suffix);
                ui.type("poolName", pool);
                assertThat(button(ui, "wizardNext").isDisabled()).isFalse();
                ui.screenshotDialog("pool-wizard-1-driver-" + suffix);
                next(ui);

                ui.waitUntil(5, () -> ui.robot.lookup("#pool_source").tryQuery().isPresent());
                ui.type("pool_source", "relative/dir");
                assertThat(button(ui, "wizardNext").isDisabled()).isTrue();
                ui.screenshotDialog("pool-wizard-2-invalid-" + suffix);
                ui.type("pool_source", source.toString());
                assertThat(button(ui, "wizardNext").isDisabled()).isFalse();
                ui.screenshotDialog("pool-wizard-2-settings-" + suffix);
                next(ui);

                ui.robot.clickOn("#poolNewProfile");
                ui.type("poolNewProfileName", profile);
                ui.settle();
                String yaml = ui.robot.lookup("#poolPreview").queryAs(TextArea.class).getText();
                assertThat(yaml).contains("name: " + pool).contains("driver: dir").contains("source: " + source)
                        .contains("PUT /1.0/profiles/" + profile).contains("pool: " + pool);
                ui.screenshotDialog("pool-wizard-3-profile-" + suffix);
                ui.ok();
                ui.waitUntil(20, () -> poolExists(client, pool));
                assertThat(client.storage().pool(pool).value().config()).containsEntry("source", source.toString());
                assertThat(client.profiles().get(profile).value().devices().get("root"))
                        .isEqualTo(Map.of("type", "disk", "path", "/", "pool", pool));

                client.storage().createVolume(pool, StorageVolumesPost.custom("data", "filesystem", Map.of()));
                ui.expand("STORAGE_POOLS");
                ui.contextMenu(pool, "menuDeletePool");
                ui.waitUntil(10, () -> ui.robot.lookup("#poolUsage").tryQuery().isPresent());
                ui.settle();
                ui.robot.clickOn("#confirmField").write(pool);
                // Typing the name is not enough while the profile disk and the volume are not agreed to.
                assertThat(ui.defaultButton().isDisabled()).isTrue();
                ui.robot.clickOn("#poolClearProfiles");
                assertThat(ui.defaultButton().isDisabled()).isTrue();
                ui.robot.clickOn("#poolClearVolumes");
                ui.screenshotDialog("pool-delete-usage-" + suffix);
                assertThat(ui.defaultButton().isDisabled()).isFalse();
                ui.ok();
                ui.waitUntil(20, () -> poolGone(client, pool));
                assertThat(client.profiles().get(profile).value().devices()).doesNotContainKey("root");
            } finally {
                for (Runnable cleanup : new Runnable[] {
                        () -> client.profiles().delete(profile),
                        () -> client.storage().deleteVolume(pool, "custom", "data"),
                        () -> client.storage().deletePool(pool)}) {
                    try {
                        cleanup.run();
                    } catch (RuntimeException gone) {
                        // deleted through the window
                    }
                }
            }
        }
    }
}
