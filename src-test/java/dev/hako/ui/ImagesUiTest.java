package dev.hako.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.ExecSession;
import dev.hako.lxd.ImageTransfers;
import dev.hako.lxd.InstanceBackups;
import dev.hako.lxd.InstanceFiles;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.api.ExecRequest;
import dev.hako.lxd.api.InstanceSnapshotsPost;
import dev.hako.lxd.api.InstanceStatePut;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.ImageVariants;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import dev.hako.ui.common.I18n;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Image import and export, backups, snapshot tools and the snapshot schedule, driven through the window. */
class ImagesUiTest {

    private static boolean aliasExists(LxdClient client, String alias) {
        return client.images().aliases().stream().anyMatch(a -> a.name().equals(alias));
    }

    private static String look(Daemon daemon, boolean first) {
        boolean dark = (daemon == Daemon.LXD) == first;
        return (dark ? "dark" : "light") + "-" + (dark ? "en" : "ja");
    }

    private static Locale locale(Daemon daemon, boolean first) {
        return (daemon == Daemon.LXD) == first ? Locale.ENGLISH : Locale.JAPANESE;
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void importAnImageFileThenExportItWithTheSameFingerprint(Daemon daemon) throws Exception {
        String d = daemon.name().toLowerCase(Locale.ROOT);
        String look = look(daemon, true);
        Locale locale = locale(daemon, true);
        Path dir = Files.createTempDirectory("hako-images-ui");
        Path tarball = ImageVariants.unified(dir);
        String fingerprint = ImageTransfers.sha256Of(List.of(tarball));
        String alias = TestBed.uniqueName("uiimg");
        try (LxdClient client = TestBed.connect(daemon);
             UiDriver ui = new UiDriver(daemon).open(look.startsWith("dark"), locale)) {
            try {
                ui.contextMenu("IMAGES", "menuImportImage");
                ui.waitUntil(5, () -> ui.robot.lookup("#imageFile").tryQuery().isPresent());
                ui.type("imageFile", tarball.toString());
                ui.type("imageAliases", alias + ", bad alias");
                assertThat(ui.robot.lookup("#formProblem").queryAs(Label.class).getText()).contains("bad alias");
                assertThat(ui.defaultButton().isDisabled()).isTrue();
                ui.screenshotDialog("dialog-image-import-invalid-" + d + "-" + look);
                ui.type("imageAliases", alias);
                ui.type("imageProperties", "purpose=ui test");
                ui.ok();
                ui.waitUntil(60, () -> aliasExists(client, alias));
                assertThat(client.images().alias(alias).value().target()).isEqualTo(fingerprint);
                assertThat(client.images().get(fingerprint).value().properties()).containsEntry("purpose", "ui test");

                ui.expand("IMAGES");
                ui.contextMenu(alias, "menuExportImage");
                ui.waitUntil(5, () -> ui.robot.lookup("#exportTarget").tryQuery().isPresent());
                Path out = dir.resolve("exported.tar.gz");
                ui.type("exportTarget", out.toString());
                ui.screenshotDialog("dialog-image-export-" + d + "-" + look);
                ui.ok();
                ui.waitUntil(60, () -> Files.exists(out));
                ui.ok(); // "exported and checked"
                assertThat(ImageTransfers.sha256Of(List.of(out))).isEqualTo(fingerprint);
            } finally {
                try {
                    client.images().delete(fingerprint).awaitSuccess(Instances.OP_TIMEOUT);
                } catch (NotFoundException never) {
                    // not imported
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void backupsSnapshotToolsAndSchedule(Daemon daemon) throws Exception {
        String d = daemon.name().toLowerCase(Locale.ROOT);
        String look = look(daemon, false);
        Locale locale = locale(daemon, false);
        I18n i18n = new I18n(locale);
        Path dir = Files.createTempDirectory("hako-backups-ui");
        try (LxdClient client = TestBed.connect(daemon);
             UiDriver ui = new UiDriver(daemon).open(look.startsWith("dark"), locale)) {
            String name = Instances.createRunning(client, "uibk");
            String restored = TestBed.uniqueName("uirest");
            String fromSnapshot = TestBed.uniqueName("uisnap");
            String alias = TestBed.uniqueName("uipub");
            try {
                client.instances().files().upload(name, "/root/marker", new ByteArrayInputStream(
                        "kept".getBytes()), 4, InstanceFiles.FileOptions.defaults());
                ui.click(name);
                ui.tab(i18n.get("backups.tab"));
                ui.robot.clickOn("#backupCreate");
                ui.waitUntil(5, () -> ui.robot.lookup("#backupNewName").tryQuery().isPresent());
                ui.type("backupNewName", "b1");
                ui.screenshotDialog("dialog-backup-create-" + d + "-" + look);
                ui.ok();
                ui.waitUntil(60, () -> InstanceBackups.of(client).list(name).stream()
                        .anyMatch(b -> b.shortName().equals("b1")));
                TableView<?> backups = ui.robot.lookup("#backupsTable").queryAs(TableView.class);
                ui.waitUntil(10, () -> !backups.getItems().isEmpty());
                ui.screenshot("instance-backups-" + d + "-" + look);
                ui.robot.clickOn(ui.robot.lookup("#backupsTable .table-row-cell").nth(0).queryAs(
                        javafx.scene.Node.class));
                ui.robot.clickOn("#backupExport");
                ui.waitUntil(5, () -> ui.robot.lookup("#backupTarget").tryQuery().isPresent());
                Path file = dir.resolve("b1.tar.gz");
                ui.type("backupTarget", file.toString());
                ui.ok();
                ui.waitUntil(60, () -> Files.exists(file));
                ui.ok(); // "backup saved"

                ui.contextMenu("INSTANCES", "menuImportBackup");
                ui.waitUntil(5, () -> ui.robot.lookup("#backupFile").tryQuery().isPresent());
                ui.type("backupFile", file.toString());
                ui.type("backupName", restored);
                ui.screenshotDialog("dialog-backup-import-" + d + "-" + look);
                ui.ok();
                ui.waitUntil(60, () -> client.instances().names().contains(restored));
                // The instance record appears before the import operation has unpacked its storage.
                ui.waitUntil(60, () -> {
                    try {
                        client.instances().changeState(restored, InstanceStatePut.start())
                                .awaitSuccess(Instances.OP_TIMEOUT);
                        return true;
                    } catch (dev.hako.lxd.LxdException stillImporting) {
                        Thread.sleep(1000);
                        return false;
                    }
                });
                ExecSession.Result cat = client.instances().exec(restored, ExecRequest.command(
                        List.of("cat", "/root/marker"))).collect(null, Instances.OP_TIMEOUT);
                assertThat(cat.stdoutText()).isEqualTo("kept");

                // Snapshot tools: rename, schedule, new instance, publish.
                client.instances().createSnapshot(name, new InstanceSnapshotsPost("s1", false, null))
                        .awaitSuccess(Instances.OP_TIMEOUT);
                ui.click(name);
                ui.tab(i18n.get("snapshots.tab"));
                TableView<?> snapshots = ui.robot.lookup("#snapshotsTable").queryAs(TableView.class);
                ui.waitUntil(10, () -> !snapshots.getItems().isEmpty());
                ui.robot.clickOn(ui.robot.lookup("#snapshotsTable .table-row-cell").nth(0).queryAs(
                        javafx.scene.Node.class));
                ui.robot.clickOn("#snapshotRename");
                ui.waitUntil(5, () -> ui.robot.lookup("#snapshotNewName").tryQuery().isPresent());
                ui.type("snapshotNewName", "s2");
                ui.ok();
                ui.waitUntil(30, () -> client.instances().snapshots(name).stream().anyMatch(s -> s.name().equals("s2")));

                ui.robot.clickOn("#snapshotSchedule");
                ui.waitUntil(10, () -> ui.robot.lookup("#scheduleCron").tryQuery().isPresent());
                ui.type("scheduleCron", "0 25 * * *");
                assertThat(ui.defaultButton().isDisabled()).isTrue();
                ui.type("scheduleCron", "@daily,@hourly");
                ui.type("scheduleExpiry", "2w");
                Label preview = ui.robot.lookup("#schedulePreview").queryAs(Label.class);
                assertThat(preview.getText().lines().count()).isGreaterThanOrEqualTo(6);
                ui.screenshotDialog("dialog-snapshot-schedule-" + d + "-" + look);
                ui.ok();
                ui.waitUntil(30, () -> "@daily, @hourly".equals(
                        client.instances().get(name).value().config().get("snapshots.schedule")));
                assertThat(client.instances().get(name).value().config()).containsEntry("snapshots.expiry", "2w");

                ui.waitUntil(10, () -> !snapshots.getItems().isEmpty());
                ui.robot.clickOn(ui.robot.lookup("#snapshotsTable .table-row-cell").nth(0).queryAs(
                        javafx.scene.Node.class));
                ui.robot.clickOn("#snapshotNewInstance");
                ui.waitUntil(5, () -> ui.robot.lookup("#fromSnapshotName").tryQuery().isPresent());
                ui.type("fromSnapshotName", fromSnapshot);
                ui.ok();
                ui.waitUntil(60, () -> client.instances().names().contains(fromSnapshot));

                ui.robot.clickOn("#snapshotPublish");
                ui.waitUntil(5, () -> ui.robot.lookup("#publishAliases").tryQuery().isPresent());
                ui.type("publishAliases", alias);
                ui.screenshotDialog("dialog-publish-" + d + "-" + look);
                ui.ok();
                ui.waitUntil(60, () -> aliasExists(client, alias));
            } finally {
                if (aliasExists(client, alias)) {
                    String fp = client.images().alias(alias).value().target();
                    client.images().delete(fp).awaitSuccess(Instances.OP_TIMEOUT);
                }
                Instances.remove(client, fromSnapshot);
                Instances.remove(client, restored);
                Instances.remove(client, name);
            }
        }
    }
}
