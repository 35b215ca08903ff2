package dev.hako.ui.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.api.StoragePoolsPost;
import dev.hako.lxd.api.StorageVolume;
import dev.hako.lxd.api.StorageVolumesPost;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import dev.hako.ui.UiDriver;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Through the window: a custom volume attached to a running container from the volume's
 * menu (a relative path refused first), its move refused before sending while the
 * container runs, detached from the container's menu, renamed, resized (a bad size
 * refused first), copied and moved to a second dir pool, and the copy attached read-only
 * from the container's menu. The server's state is read back through the API each time.
 * LXD runs dark in English, Incus light in Japanese.
 */
class VolumesUiTest {

    private static final String POOL = "default";

    private static String problem(UiDriver ui) {
        return ui.robot.lookup("#formProblem").match(n -> n.getScene().getWindow().isShowing()).tryQuery()
                .map(n -> ((Label) n).getText()).orElse("");
    }

    private static String command(UiDriver ui) {
        return ui.robot.lookup("#" + "volumeCommand").tryQuery().or(() -> ui.robot.lookup("#attachCommand").tryQuery())
                .or(() -> ui.robot.lookup("#detachCommand").tryQuery())
                .map(n -> ((TextInputControl) n).getText()).orElse("");
    }

    /** Opens a combo box and clicks the entry with that text; again if the click did not take. */
    private static void choose(UiDriver ui, String comboId, String text) throws Exception {
        ui.settle();
        ComboBox<?> combo = ui.robot.lookup("#" + comboId).queryAs(ComboBox.class);
        ui.waitUntil(10, () -> {
            ui.robot.clickOn(combo);
            var cell = ui.robot.lookup(".list-cell").match(n -> n instanceof ListCell<?> c && text.equals(c.getText())
                    && c.isVisible() && c.getScene().getWindow().isShowing()).tryQuery();
            if (cell.isEmpty()) {
                ui.robot.push(KeyCode.ESCAPE);
                return false;
            }
            ui.robot.clickOn(cell.get());
            return UiDriver.onFx(() -> combo.getValue() != null && text.equals(combo.getConverter()
                    .toString(cast(combo.getValue()))));
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    private static List<String> custom(LxdClient client, String pool) {
        return client.storage().volumes(pool).stream().filter(v -> "custom".equals(v.type()))
                .map(StorageVolume::name).toList();
    }

    private static void cancel(UiDriver ui, String fieldId) throws Exception {
        ui.robot.clickOn("#" + fieldId);
        ui.robot.push(KeyCode.ESCAPE);
        ui.waitUntil(5, () -> ui.robot.lookup("#" + fieldId).tryQuery().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void attachDetachRenameResizeCopyAndMove(Daemon daemon) throws Exception {
        boolean dark = daemon == Daemon.LXD;
        Locale locale = dark ? Locale.ENGLISH : Locale.JAPANESE;
        String look = daemon.name().toLowerCase(Locale.ROOT) + (dark ? "-dark-en" : "-light-ja");
        String cli = daemon == Daemon.INCUS ? "incus" : "lxc";
        String volume = TestBed.uniqueName("uiv");
        String renamed = volume + "r";
        String pool2 = TestBed.uniqueName("uivp");
        try (LxdClient client = TestBed.connect(daemon); UiDriver ui = new UiDriver(daemon).open(dark, locale)) {
            client.storage().createVolume(POOL, StorageVolumesPost.custom(volume, "filesystem", Map.of()));
            client.storage().createPool(new StoragePoolsPost(pool2, "dir", null, Map.of()), null);
            String instance = Instances.createRunning(client, "uiv");
            try {
                ui.expand("STORAGE_POOLS");
                ui.expand(POOL);
                ui.contextMenu(volume, "menuAttachVolume");
                ui.waitUntil(5, () -> ui.robot.lookup("#attachInstance").tryQuery().isPresent());
                choose(ui, "attachInstance", instance);
                ui.type("attachPath", "mnt/data");
                ui.waitUntil(5, () -> problem(ui).contains("mnt/data"));
                assertThat(ui.defaultButton().isDisabled()).isTrue();
                ui.screenshotDialog("dialog-volume-attach-badpath-" + look);
                ui.type("attachPath", "/mnt/data");
                ui.waitUntil(5, () -> problem(ui).isEmpty());
                assertThat(command(ui)).isEqualTo(cli + " storage volume attach local:default " + volume + " " + instance
                        + " " + volume + " /mnt/data");
                ui.screenshotDialog("dialog-volume-attach-" + look);
                ui.ok();
                ui.waitUntil(30, () -> client.instances().get(instance).value().devices().containsKey(volume));
                assertThat(client.instances().get(instance).value().devices().get(volume)).isEqualTo(
                        Map.of("type", "disk", "pool", POOL, "source", volume, "path", "/mnt/data"));

                // In use by a running container: the move is refused before anything is sent (the form reads the
                // volume's users from the server, the tree's copy does not know of the new disk).
                ui.contextMenu(volume, "menuMoveVolume");
                ui.waitUntil(5, () -> problem(ui).contains(instance));
                assertThat(ui.defaultButton().isDisabled()).isTrue();
                ui.screenshotDialog("dialog-volume-move-running-" + look);
                cancel(ui, "volumeNewName");

                ui.contextMenu(instance, "menuDetachVolume");
                ui.waitUntil(5, () -> command(ui).equals(cli + " storage volume detach local:default " + volume + " "
                        + instance + " " + volume));
                ui.screenshotDialog("dialog-volume-detach-" + look);
                ui.ok();
                ui.waitUntil(30, () -> !client.instances().get(instance).value().devices().containsKey(volume));

                ui.contextMenu(volume, "menuRenameVolume");
                ui.waitUntil(5, () -> ui.robot.lookup("#volumeNewName").tryQuery().isPresent());
                ui.type("volumeNewName", renamed);
                ui.waitUntil(5, () -> command(ui).equals(cli + " storage volume rename local:default " + volume + " "
                        + renamed));
                ui.screenshotDialog("dialog-volume-rename-" + look);
                ui.ok();
                ui.waitUntil(30, () -> custom(client, POOL).contains(renamed));

                ui.contextMenu(renamed, "menuResizeVolume");
                ui.waitUntil(5, () -> ui.robot.lookup("#volumeNewSize").tryQuery().isPresent());
                ui.type("volumeNewSize", "64M");
                ui.waitUntil(5, () -> !problem(ui).isEmpty());
                assertThat(ui.defaultButton().isDisabled()).isTrue();
                ui.screenshotDialog("dialog-volume-resize-bad-" + look);
                ui.type("volumeNewSize", "64MiB");
                ui.waitUntil(5, () -> command(ui).equals(cli + " storage volume set local:default " + renamed
                        + " size=64MiB"));
                ui.ok();
                ui.waitUntil(30, () -> "64MiB".equals(client.storage().volume(POOL, "custom", renamed).value()
                        .config().get("size")));

                ui.contextMenu(renamed, "menuCopyVolume");
                ui.waitUntil(5, () -> ui.robot.lookup("#volumeNewName").tryQuery().isPresent());
                choose(ui, "volumeTargetPool", pool2);
                ui.type("volumeNewName", "copied");
                ui.waitUntil(5, () -> command(ui).equals(cli + " storage volume copy local:default/" + renamed + " local:"
                        + pool2 + "/copied"));
                ui.screenshotDialog("dialog-volume-copy-" + look);
                ui.ok();
                ui.waitUntil(60, () -> custom(client, pool2).contains("copied"));

                ui.contextMenu(renamed, "menuMoveVolume");
                ui.waitUntil(5, () -> ui.robot.lookup("#volumeNewName").tryQuery().isPresent());
                choose(ui, "volumeTargetPool", pool2);
                ui.waitUntil(5, () -> command(ui).equals(cli + " storage volume move local:default/" + renamed + " local:"
                        + pool2 + "/" + renamed));
                ui.ok();
                ui.waitUntil(60, () -> custom(client, pool2).contains(renamed) && !custom(client, POOL)
                        .contains(renamed));

                ui.contextMenu(instance, "menuAttachToInstance");
                ui.waitUntil(5, () -> ui.robot.lookup("#attachVolume").tryQuery().isPresent());
                choose(ui, "attachVolume", pool2 + "/copied");
                ui.type("attachPath", "/mnt/copied");
                ui.robot.clickOn("#attachReadOnly");
                ui.waitUntil(5, () -> command(ui).equals(cli + " config device add local:" + instance
                        + " copied disk pool=" + pool2 + " source=copied path=/mnt/copied readonly=true"));
                ui.screenshotDialog("dialog-volume-attach-instance-" + look);
                ui.ok();
                ui.waitUntil(30, () -> client.instances().get(instance).value().devices().containsKey("copied"));
                assertThat(client.instances().get(instance).value().devices().get("copied"))
                        .containsEntry("readonly", "true").containsEntry("pool", pool2);
            } finally {
                Instances.remove(client, instance);
                for (String[] v : new String[][] {{POOL, volume}, {POOL, renamed}, {pool2, "copied"},
                        {pool2, renamed}}) {
                    try {
                        client.storage().deleteVolume(v[0], "custom", v[1]);
                    } catch (NotFoundException gone) {
                        // renamed, moved or never made
                    }
                }
                client.storage().deletePool(pool2);
            }
        }
    }
}
