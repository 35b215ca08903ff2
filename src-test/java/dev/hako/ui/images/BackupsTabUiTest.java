package dev.hako.ui.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.api.Backup;
import dev.hako.lxd.api.InstanceBackup;
import dev.hako.model.RemoteModel;
import dev.hako.ui.Screenshots;
import dev.hako.ui.common.FxDialogService;
import dev.hako.ui.common.FxTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.Theme;
import dev.hako.ui.view.instance.InstanceContext;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** An instance's Backups tab relabels itself in place when the language changes: rows and selection stay. */
class BackupsTabUiTest {

    private final FxRobot robot = new FxRobot();
    private final RemoteModel remote = new RemoteModel("lab", new Endpoint.UnixSocket(Path.of("/nonexistent")));

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
        remote.close();
    }

    @ParameterizedTest
    @CsvSource({"true,en,ja", "false,ja,en"})
    void aLanguageSwitchRelabelsTheTabAndKeepsItsRows(boolean dark, String from, String to) throws Exception {
        I18n i18n = new I18n(Locale.forLanguageTag(from));
        OffsetDateTime made = OffsetDateTime.of(2026, 5, 1, 9, 30, 0, 0, ZoneOffset.UTC);
        AtomicReference<Stage> window = new AtomicReference<>();
        AtomicReference<BackupsTab> tab = new AtomicReference<>();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            tab.set(new BackupsTab(new InstanceContext(remote, "web", i18n, FxTaskExecutor.get(),
                    new FxDialogService(() -> null, i18n)), null));
            Theme.apply(dark);
            stage.setScene(new Scene(new TabPane(tab.get().tab()), 900, 300));
            Theme.decorate(stage.getScene(), dark);
            stage.show();
            window.set(stage);
        });
        BackupsTab backups = tab.get();
        @SuppressWarnings("unchecked")
        TableView<Backup> table = robot.lookup("#backupsTable").queryAs(TableView.class);
        robot.interact(() -> {
            // The rows as a reload would leave them (the remote here has no server to ask).
            table.getItems().setAll(List.of(new InstanceBackup("web/b1", made, null, true, false),
                    new InstanceBackup("web/b2", made.plusDays(1), null, false, false)));
            table.getSelectionModel().select(1);
        });
        assertThat(robot.lookup("#backupExport").queryAs(Button.class).isDisabled()).isFalse();

        robot.interact(() -> i18n.setLocale(Locale.forLanguageTag(to)));
        I18n target = new I18n(Locale.forLanguageTag(to));
        assertThat(backups.tab().getText()).isEqualTo(target.get("backups.tab"));
        assertThat(robot.lookup("#backupCreate").queryAs(Button.class).getText())
                .isEqualTo(target.get("backups.create"));
        assertThat(table.getColumns().get(3).getText()).isEqualTo(target.get("backups.instanceOnly"));
        assertThat(table.getColumns().get(3).getCellObservableValue(0).getValue())
                .isEqualTo(target.get("backups.yes"));
        assertThat(table.getItems()).hasSize(2);
        assertThat(table.getSelectionModel().getSelectedItem().shortName()).isEqualTo("b2");
        assertThat(robot.lookup("#backupExport").queryAs(Button.class).isDisabled()).isFalse();
        Screenshots.save(window.get().getScene(), "backups-tab-relabelled-" + (dark ? "dark-" : "light-") + to);
        robot.interact(backups::dispose);
    }
}
