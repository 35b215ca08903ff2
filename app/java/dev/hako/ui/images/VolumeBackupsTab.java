package dev.hako.ui.images;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.VolumeBackups;
import dev.hako.model.PoolVolume;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.ui.common.I18n;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.stage.Window;

/**
 * The Backups tab of a custom storage volume's detail view: its server-side backups
 * (create with or without its snapshots, export to a host file, delete) and the import
 * of a volume backup file as a new custom volume on any remote and pool. Only servers
 * with the API extension {@value VolumeBackups#EXTENSION} get the tab.
 */
public final class VolumeBackupsTab {

    private final Tab tab = new Tab();

    private VolumeBackupsTab(Workspace workspace, RemoteModel remote, PoolVolume volume, I18n i18n) {
        String pool = volume.pool();
        String name = volume.volume().name();
        tab.setText(i18n.get("backups.tab"));
        tab.setId("volumeBackupsTab");
        BackupsPane pane = new BackupsPane(i18n, this::window, remote, name, "volumeBackup",
                "backups.create.volumeOnly", client -> VolumeBackups.of(client).backupsOf(pool, name));
        Button importFile = new Button(i18n.get("backups.volume.import"));
        importFile.setId("volumeBackupImport");
        importFile.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ImageActions actions = new ImageActions(this::window, i18n, workspace);
        importFile.setOnAction(e -> actions.importVolumeBackup(remote, pool));
        pane.buttons().getChildren().add(importFile);
        tab.setContent(pane.node());
        tab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
                pane.reload();
            }
        });
    }

    /** The tab for a volume, or null when it is not a custom volume or its server cannot back volumes up. */
    public static Tab tabFor(Workspace workspace, RemoteModel remote, PoolVolume volume, I18n i18n) {
        LxdClient client = remote == null ? null : remote.client();
        if (client == null || !"custom".equals(volume.volume().type()) || !VolumeBackups.supportedBy(client)) {
            return null;
        }
        return new VolumeBackupsTab(workspace, remote, volume, i18n).tab;
    }

    private Window window() {
        return tab.getTabPane() == null || tab.getTabPane().getScene() == null ? null
                : tab.getTabPane().getScene().getWindow();
    }
}
