package dev.hako.ui.images;

import dev.hako.lxd.VolumeBackups;
import dev.hako.model.PoolVolume;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.ui.actions.ActionContext;
import dev.hako.ui.common.FxDialogService;
import dev.hako.ui.common.FxTaskExecutor;
import dev.hako.ui.common.I18n;
import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.layout.Region;

/**
 * The Backups tab of a custom storage volume's detail view: its server-side backups
 * (create with or without its snapshots, export to a host file, delete) and the import
 * of a volume backup file as a new custom volume on any remote and pool. Only servers
 * with the API extension {@value VolumeBackups#EXTENSION} get the tab. Relabelled in
 * place when the language changes.
 */
public final class VolumeBackupsTab {

    private final Tab tab = new Tab();
    private final I18n i18n;
    private final BackupsPane pane;
    private final Button importFile = new Button();
    // Held by the tab for as long as it lives; the language only holds it weakly.
    private final ChangeListener<Locale> relabel = (o, was, now) -> relabel();

    private VolumeBackupsTab(Workspace workspace, RemoteModel remote, PoolVolume volume, I18n i18n) {
        this.i18n = i18n;
        String pool = volume.pool();
        String name = volume.volume().name();
        tab.setId("volumeBackupsTab");
        ActionContext context = new ActionContext(this::window, i18n, workspace, FxTaskExecutor.get(),
                new FxDialogService(this::window, i18n));
        ImageActions actions = new ImageActions(context);
        BackupsViewModel model = BackupsViewModel.ofVolume(context, actions::transfer, remote, pool, name);
        pane = new BackupsPane(i18n, model, "volumeBackup", "backups.create.volumeOnly");
        importFile.setId("volumeBackupImport");
        importFile.setMinWidth(Region.USE_PREF_SIZE);
        importFile.setOnAction(e -> actions.importVolumeBackup(remote, pool));
        pane.buttons().getChildren().add(importFile);
        tab.setContent(pane.node());
        tab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
                model.reload();
            }
        });
        tab.getProperties().put(VolumeBackupsTab.class, this);
        i18n.localeProperty().addListener(new WeakChangeListener<>(relabel));
        relabel();
    }

    /** The tab for a volume, or null when it is not a custom volume or its server cannot back volumes up. */
    public static Tab tabFor(Workspace workspace, RemoteModel remote, PoolVolume volume, I18n i18n) {
        if (!"custom".equals(volume.volume().type()) || !ImageActions.volumeBackupsSupported(remote)) {
            return null;
        }
        return new VolumeBackupsTab(workspace, remote, volume, i18n).tab;
    }

    private void relabel() {
        tab.setText(i18n.get("backups.tab"));
        importFile.setText(i18n.get("backups.volume.import"));
        pane.relabel();
    }

    private javafx.stage.Window window() {
        return tab.getTabPane() == null || tab.getTabPane().getScene() == null ? null
                : tab.getTabPane().getScene().getWindow();
    }
}
