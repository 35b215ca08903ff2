package dev.hako.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.LxdClient;
import dev.hako.model.Workspace;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import dev.hako.ui.Screenshots;
import dev.hako.ui.TreeRows;
import dev.hako.ui.common.UiSettings;
import dev.hako.ui.shell.MainWindow;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The "Configuration" tab in an instance's detail view of the main window, saving through the real daemon. */
class ConfigurationTabUiTest {

    private final FxRobot robot = new FxRobot();
    private Workspace workspace;
    private MainWindow window;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    void theInstanceViewHasAConfigurationTabThatSaves() throws Exception {
        try (LxdClient api = TestBed.connect(Daemon.LXD)) {
            String name = Instances.createStopped(api, "edt");
            try {
                UiSettings settings = new UiSettings(Files.createTempDirectory("hako-ui"));
                settings.setLocale(Locale.JAPANESE);
                workspace = Workspace.ofLocalServers(Map.of("LXD_DIR", TestBed.daemonDir(Daemon.LXD).toString()));
                FxToolkit.registerPrimaryStage();
                FxToolkit.setupStage(s -> {
                    window = new MainWindow(s, workspace, settings);
                    s.setWidth(1200);
                    s.setHeight(760);
                    s.show();
                });
                workspace.start();
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                        () -> TreeRows.instance(window.tree().view(), name).isPresent());
                robot.interact(() -> window.select("local", name));
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                        () -> robot.lookup("#instanceTabs").tryQuery().isPresent());
                robot.interact(() -> {
                    TabPane tabs = robot.lookup("#instanceTabs").queryAs(TabPane.class);
                    Tab configuration = tabs.getTabs().stream().filter(t -> "configurationTab".equals(t.getId()))
                            .findFirst().orElseThrow();
                    assertThat(configuration.getText()).isEqualTo("設定");
                    tabs.getSelectionModel().select(configuration);
                });
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(
                        n -> "value-image.os".equals(n.getId())).tryQuery().isPresent());
                // In the detail pane's narrow device list, the Add button still shows its whole label.
                selectEditorTab("devicesTab");
                WaitForAsyncUtils.waitForFxEvents();
                javafx.scene.control.Button addDevice = robot.lookup(n -> "addDevice".equals(n.getId()))
                        .queryAs(javafx.scene.control.Button.class);
                Screenshots.save(window.scene(), "editor-configuration-tab-devices-lxd-light-ja");
                assertThat(((javafx.scene.text.Text) addDevice.lookup(".text")).getText()).isEqualTo("追加");
                selectEditorTab("propertiesTab");
                WaitForAsyncUtils.waitForFxEvents();
                robot.interact(() -> robot.lookup(n -> "newKey".equals(n.getId())).queryAs(
                        javafx.scene.control.ComboBox.class).getEditor().setText("user.from-tab"));
                robot.interact(() -> robot.lookup(n -> "addKey".equals(n.getId()))
                        .queryAs(javafx.scene.control.Button.class).fire());
                robot.interact(() -> robot.lookup(n -> "value-user.from-tab".equals(n.getId()))
                        .queryAs(TextInputControl.class).setText("タブから"));
                Screenshots.save(window.scene(), "editor-configuration-tab-lxd-light-ja");
                robot.interact(() -> robot.lookup(n -> "saveButton".equals(n.getId()))
                        .queryAs(javafx.scene.control.Button.class).fire());
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                        () -> robot.lookup(n -> "confirmSave".equals(n.getId())).tryQuery().isPresent());
                robot.interact(() -> robot.lookup(n -> "confirmSave".equals(n.getId()))
                        .queryAs(javafx.scene.control.Button.class).fire());
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                        () -> "タブから".equals(api.instances().get(name).value().config().get("user.from-tab")));
                // After the save the keyboard stays in the editor, not in the tree's filter box.
                javafx.scene.Node tabs = robot.lookup("#instanceTabs").query();
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                    for (javafx.scene.Node n = window.scene().getFocusOwner(); n != null; n = n.getParent()) {
                        if (n == tabs) {
                            return true;
                        }
                    }
                    return false;
                });
            } finally {
                Instances.remove(api, name);
            }
        }
    }

    /** Selects a tab of the configuration editor (the tab pane that holds a tab with that id). */
    private void selectEditorTab(String id) {
        robot.interact(() -> {
            TabPane editorTabs = robot.lookup(".tab-pane").match(n -> ((TabPane) n).getTabs().stream()
                    .anyMatch(t -> id.equals(t.getId()))).queryAs(TabPane.class);
            editorTabs.getSelectionModel().select(editorTabs.getTabs().stream()
                    .filter(t -> id.equals(t.getId())).findFirst().orElseThrow());
        });
    }
}
