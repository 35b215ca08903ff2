package dev.hako.ui.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.ui.Screenshots;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import dev.hako.ui.common.Theme;
import dev.hako.ui.view.instance.InstanceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Files tab's controls when the window's language changes: everything is relabelled in
 * place while a copy runs, and the folder, the rows, the selection and the scroll position
 * stay as they were. The instance's files are played by an in-memory file tree.
 */
class FilesTabUiTest {

    @TempDir
    Path host;

    private final FxRobot robot = new FxRobot();
    private FilesTab filesTab;

    @AfterEach
    void close() throws Exception {
        if (filesTab != null) {
            robot.interact(filesTab::dispose);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void aLanguageSwitchRelabelsInPlaceWhileACopyRuns() throws Exception {
        FakeFileOperations files = new FakeFileOperations().folder("/").folder("/root");
        for (int i = 0; i < 80; i++) {
            files.file(String.format("/root/file %02d.txt", i), "x".repeat(i));
        }
        I18n i18n = new I18n(Locale.ENGLISH);
        DeferredTaskExecutor tasks = new DeferredTaskExecutor();
        ScriptedDialogService dialogs = new ScriptedDialogService(i18n);
        InstanceContext context = new InstanceContext(null, "fake", i18n, tasks, dialogs);
        Scene[] scene = new Scene[1];
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Theme.apply(true);
            filesTab = new FilesTab(context, new FilesViewModel(files, tasks, dialogs, i18n));
            scene[0] = new Scene(new TabPane(filesTab.tab()), 1000, 640);
            Theme.decorate(scene[0], true);
            stage.setScene(scene[0]);
            stage.show();
        });
        Path upload = Files.write(host.resolve("up.bin"), new byte[100]);
        robot.interact(() -> {
            filesTab.navigate("/root");
            tasks.runAll();
            filesTab.table().getSelectionModel().select(60);
            filesTab.table().scrollTo(55);
            filesTab.uploadAll(List.of(upload));
        });
        WaitForAsyncUtils.waitForFxEvents();
        VirtualFlow<?> flow = (VirtualFlow<?>) filesTab.table().lookup(".virtual-flow");
        int firstShown = flow.getFirstVisibleCell().getIndex();
        FileRow selected = filesTab.table().getSelectionModel().getSelectedItem();
        List<FileRow> rows = List.copyOf(filesTab.table().getItems());
        Transfer transfer = filesTab.model().transfers().get(0);
        assertThat(firstShown).isGreaterThan(40);
        assertThat(selected.name()).isEqualTo("file 60.txt");
        assertThat(transferRow().getChildren()).filteredOn(Button.class::isInstance)
                .extracting(n -> ((Button) n).getText()).containsExactly("Cancel");
        assertThat(filesTab.statusText()).isEqualTo("80 items in /root");

        robot.interact(() -> i18n.setLocale(Locale.JAPANESE));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(filesTab.tab().getText()).isEqualTo("ファイル");
        assertThat(filesTab.table().getColumns().get(0).getText()).isEqualTo("名前");
        assertThat(((Button) robot.lookup("#filesUp").query()).getTooltip().getText()).isEqualTo("上へ");
        assertThat(filesTab.statusText()).isEqualTo("/root に 80 個の項目");
        assertThat(((Label) transferRow().getChildren().get(0)).getText())
                .isEqualTo("アップロード up.bin → /root/up.bin");
        assertThat(transferRow().getChildren()).filteredOn(Button.class::isInstance)
                .extracting(n -> ((Button) n).getText()).containsExactly("キャンセル");
        assertThat(transfer.isCancelled()).isFalse();
        assertThat(filesTab.model().transfers()).containsExactly(transfer);
        assertThat(filesTab.directory()).isEqualTo("/root");
        assertThat(((javafx.scene.control.TextField) robot.lookup("#filesLocation").query()).getText())
                .isEqualTo("/root");
        assertThat(filesTab.table().getItems()).containsExactlyElementsOf(rows);
        assertThat(filesTab.table().getSelectionModel().getSelectedItem()).isSameAs(selected);
        assertThat(flow.getFirstVisibleCell().getIndex()).isEqualTo(firstShown);
        Screenshots.save(scene[0], "files-relabelled-while-copying-dark-ja");

        robot.interact(tasks::runAll);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(filesTab.runningTransfers()).isZero();
        assertThat(robot.lookup("#filesTransfers").queryAs(javafx.scene.layout.VBox.class).getChildren()).isEmpty();
        assertThat(filesTab.table().getItems()).extracting(FileRow::name).contains("up.bin");
        assertThat(filesTab.statusText()).isEqualTo("完了: アップロード up.bin → /root/up.bin");
    }

    private HBox transferRow() {
        return (HBox) robot.lookup("#filesTransfers").queryAs(javafx.scene.layout.VBox.class).getChildren().get(0);
    }
}
