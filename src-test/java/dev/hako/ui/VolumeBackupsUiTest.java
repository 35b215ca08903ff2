package dev.hako.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.InstanceFiles;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.VolumeBackups;
import dev.hako.lxd.api.ExecRequest;
import dev.hako.lxd.api.InstanceSource;
import dev.hako.lxd.api.InstanceStatePut;
import dev.hako.lxd.api.InstancesPost;
import dev.hako.lxd.api.StorageVolumesPost;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import dev.hako.ui.common.I18n;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.TableView;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A custom volume's Backups tab driven through the window: create a backup, export it to
 * a file, import the file as a new volume (from the tab on LXD, from the pool's menu on
 * Incus), check a file's content in the new volume, delete the backup.
 */
class VolumeBackupsUiTest {

    private static final String POOL = TestBed.env("HAKO_TB_POOL");

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void backUpExportAndImportACustomVolume(Daemon daemon) throws Exception {
        String d = daemon.name().toLowerCase(Locale.ROOT);
        boolean dark = daemon == Daemon.LXD;
        String look = dark ? "dark-en" : "light-ja";
        Locale locale = dark ? Locale.ENGLISH : Locale.JAPANESE;
        I18n i18n = new I18n(locale);
        Path dir = Files.createTempDirectory("hako-volume-backups-ui");
        String volume = TestBed.uniqueName("uivol");
        String restored = TestBed.uniqueName("uivolr");
        String writer = TestBed.uniqueName("uivw");
        String reader = TestBed.uniqueName("uivr");
        try (LxdClient client = TestBed.connect(daemon);
             UiDriver ui = new UiDriver(daemon).open(dark, locale)) {
            try {
                client.storage().createVolume(POOL, StorageVolumesPost.custom(volume, "filesystem", Map.of()));
                startWith(client, writer, volume);
                client.instances().files().upload(writer, "/data/marker", new ByteArrayInputStream(
                        "in the volume".getBytes()), 13, InstanceFiles.FileOptions.defaults());

                ui.expand("STORAGE_POOLS");
                ui.expand(POOL);
                ui.click(volume);
                ui.tab(i18n.get("backups.tab"));
                ui.robot.clickOn("#volumeBackupCreate");
                ui.waitUntil(5, () -> ui.robot.lookup("#volumeBackupNewName").tryQuery().isPresent());
                ui.type("volumeBackupNewName", "vb1");
                ui.robot.clickOn("#volumeBackupWithoutSnapshots");
                ui.screenshotDialog("dialog-volume-backup-create-" + d + "-" + look);
                ui.ok();
                ui.waitUntil(60, () -> VolumeBackups.of(client).list(POOL, volume).stream()
                        .anyMatch(b -> b.shortName().equals("vb1") && b.volumeOnly()));
                TableView<?> table = ui.robot.lookup("#volumeBackupsTable").queryAs(TableView.class);
                ui.waitUntil(10, () -> !table.getItems().isEmpty());
                ui.screenshot("volume-backups-" + d + "-" + look);

                ui.robot.clickOn(ui.robot.lookup("#volumeBackupsTable .table-row-cell").nth(0)
                        .queryAs(javafx.scene.Node.class));
                ui.robot.clickOn("#volumeBackupExport");
                ui.waitUntil(5, () -> ui.robot.lookup("#volumeBackupTarget").tryQuery().isPresent());
                Path file = dir.resolve("vb1.tar.gz");
                ui.type("volumeBackupTarget", file.toString());
                ui.ok();
                ui.waitUntil(60, () -> Files.exists(file));
                ui.ok(); // "backup saved"

                if (daemon == Daemon.LXD) {
                    ui.robot.clickOn("#volumeBackupImport");
                } else {
                    ui.contextMenu(POOL, "menuImportVolumeBackup");
                }
                ui.waitUntil(5, () -> ui.robot.lookup("#backupFile").tryQuery().isPresent());
                ui.type("backupFile", file.toString());
                ui.type("backupName", restored);
                ui.screenshotDialog("dialog-volume-backup-import-" + d + "-" + look);
                ui.ok();
                ui.waitUntil(60, () -> exists(client, restored));
                // The new volume shows up in the tree under its pool.
                ui.cell(restored);
                startWith(client, reader, restored);
                String cat = client.instances().exec(reader, ExecRequest.command(List.of("cat", "/data/marker")))
                        .collect(null, Instances.OP_TIMEOUT).stdoutText();
                assertThat(cat).isEqualTo("in the volume");

                ui.click(volume);
                ui.tab(i18n.get("backups.tab"));
                TableView<?> again = ui.robot.lookup("#volumeBackupsTable").queryAs(TableView.class);
                ui.waitUntil(10, () -> !again.getItems().isEmpty());
                ui.robot.clickOn(ui.robot.lookup("#volumeBackupsTable .table-row-cell").nth(0)
                        .queryAs(javafx.scene.Node.class));
                ui.robot.clickOn("#volumeBackupDelete");
                ui.ok(); // confirm
                ui.waitUntil(30, () -> VolumeBackups.of(client).list(POOL, volume).isEmpty());
                ui.waitUntil(10, () -> again.getItems().isEmpty());
            } finally {
                Instances.remove(client, reader);
                Instances.remove(client, writer);
                deleteVolume(client, restored);
                deleteVolume(client, volume);
            }
        }
    }

    private static boolean exists(LxdClient client, String volume) {
        try {
            client.storage().volume(POOL, "custom", volume);
            return true;
        } catch (NotFoundException absent) {
            return false;
        }
    }

    private static void startWith(LxdClient client, String name, String volume) {
        client.instances().create(new InstancesPost(name, "container", InstanceSource.imageAlias(TestBed.imageAlias()),
                null, null, Map.of("data", Map.of("type", "disk", "pool", POOL, "source", volume, "path", "/data")),
                null, null, null)).awaitSuccess(Instances.OP_TIMEOUT);
        client.instances().changeState(name, InstanceStatePut.start()).awaitSuccess(Instances.OP_TIMEOUT);
    }

    private static void deleteVolume(LxdClient client, String volume) {
        try {
            client.storage().deleteVolume(POOL, "custom", volume);
        } catch (NotFoundException gone) {
            // never made
        }
    }
}
