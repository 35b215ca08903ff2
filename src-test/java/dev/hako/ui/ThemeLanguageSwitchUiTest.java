package dev.hako.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.InstanceStatus;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.NoiseFile;
import dev.hako.testbed.TestBed;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Pane;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Switching theme and then language while work is under way loses none of it: a shell
 * running {@code sleep 600} keeps running (the same process, checked through the API), a
 * large upload started just before completes with the right checksum, and an unsaved
 * configuration draft is still there afterwards and saves.
 */
class ThemeLanguageSwitchUiTest {

    /** By predicate: a CSS selector would read the dot in the key as a style class. */
    private static final java.util.function.Predicate<Node> DRAFT_FIELD = n -> "value-user.draft".equals(n.getId());
    private static final Pattern SLEEP = Pattern.compile("(?m)^\\s*(\\d+)\\s.*sleep 600");

    // What a switch keeps lives in the window, not the server: one daemon is enough (Incus here,
    // LXD in TerminalUiTest's switch test); sessions, uploads and drafts on both are tested elsewhere.
    @ParameterizedTest
    @EnumSource(value = Daemon.class, names = "INCUS")
    void sessionsTransfersAndDraftsSurviveTheSwitch(Daemon daemon) throws Exception {
        String d = daemon.name().toLowerCase(Locale.ROOT);
        Path big = NoiseFile.write(Files.createTempDirectory("hako-switch").resolve("big-" + d + ".bin"), 768,
                daemon.ordinal());
        String expectedSha = sha256(big);
        try (LxdClient api = TestBed.connect(daemon)) {
            String name = Instances.createRunning(api, "sw");
            try (UiDriver ui = new UiDriver(daemon).open(false, Locale.ENGLISH)) {
                ui.waitForRow(name, InstanceStatus.RUNNING);
                ui.click(name);
                ui.waitUntil(10, () -> ui.robot.lookup("#instanceTabs").tryQuery().isPresent());

                // A shell running sleep 600.
                selectTab(ui, "terminalTab");
                ui.waitUntil(20, () -> TestBed.cli(daemon, "exec", name, "--", "ps", "-o", "pid,args")
                        .lines().anyMatch(l -> l.trim().matches("\\d+\\s+(-?/bin/)?(ba)?sh.*|\\d+\\s+-?(ba)?sh")));
                Node screen = ui.robot.lookup("#terminalSessions").query();
                ui.robot.clickOn(screen);
                ui.robot.write("sleep 600");
                ui.robot.type(KeyCode.ENTER);
                ui.waitUntil(15, () -> sleepPid(daemon, name).isPresent());
                String pid = sleepPid(daemon, name).orElseThrow();

                // An unsaved draft on the Configuration tab.
                selectTab(ui, "configurationTab");
                ui.waitUntil(20, () -> ui.robot.lookup("#newKey").tryQuery().isPresent());
                ui.robot.interact(() -> ui.robot.lookup("#newKey").queryAs(ComboBox.class).getEditor()
                        .setText("user.draft"));
                ui.robot.interact(() -> ui.robot.lookup("#addKey").queryAs(Button.class).fire());
                ui.waitUntil(5, () -> ui.robot.lookup(DRAFT_FIELD).tryQuery().isPresent());
                ui.robot.interact(() -> ui.robot.lookup(DRAFT_FIELD).queryAs(TextInputControl.class)
                        .setText("kept through the switch"));

                // A large upload, dropped onto the files tab from the desktop.
                selectTab(ui, "filesTab");
                ui.waitUntil(20, () -> ui.robot.lookup("#filesTable").tryQuery().isPresent()
                        && !ui.robot.lookup("#filesLocation").queryAs(TextInputControl.class).getText().isEmpty());
                ui.robot.interact(() -> {
                    ClipboardContent content = new ClipboardContent();
                    content.putFiles(List.of(big.toFile()));
                    var board = Dragboards.holding(content, Set.of(TransferMode.COPY, TransferMode.MOVE));
                    Node table = ui.robot.lookup("#filesTable").query();
                    Dragboards.fireAt(table, DragEvent.DRAG_OVER, board, null);
                    Dragboards.fireAt(table, DragEvent.DRAG_DROPPED, board, null);
                });
                ui.waitUntil(10, () -> transfersShown(ui) > 0);
                String folder = ui.robot.lookup("#filesLocation").queryAs(TextInputControl.class).getText();

                // Theme, then language, while all three are under way.
                ui.robot.clickOn("#themeToggle");
                ui.waitUntil(5, () -> ui.window().scene().getRoot().getStyleClass().contains("dark"));
                assertThat(transfersShown(ui)).as("the upload was still running when the theme changed")
                        .isPositive();
                ui.robot.clickOn("#languageChoice");
                ui.robot.clickOn("日本語");
                ui.waitUntil(5, () -> "設定".equals(tab(ui, "configurationTab").getText()));
                ui.screenshot("switch-" + d + "-dark-ja");

                // The upload completes whole.
                ui.waitUntil(120, () -> transfersShown(ui) == 0);
                String remotePath = (folder.endsWith("/") ? folder : folder + "/") + big.getFileName();
                assertThat(TestBed.cli(daemon, "exec", name, "--", "busybox", "sha256sum", remotePath))
                        .startsWith(expectedSha);

                // The shell's sleep is the same process, still running.
                assertThat(sleepPid(daemon, name)).contains(pid);

                // The draft is still there, and saves.
                selectTab(ui, "configurationTab");
                ui.waitUntil(5, () -> ui.robot.lookup(DRAFT_FIELD).tryQuery()
                        .map(n -> ((TextInputControl) n).getText()).orElse("").equals("kept through the switch"));
                ui.robot.interact(() -> ui.robot.lookup("#saveButton").queryAs(Button.class).fire());
                ui.waitUntil(20, () -> ui.robot.lookup("#confirmSave").tryQuery().isPresent());
                ui.robot.interact(() -> ui.robot.lookup("#confirmSave").queryAs(Button.class).fire());
                ui.waitUntil(30, () -> "kept through the switch".equals(
                        api.instances().get(name).value().config().get("user.draft")));
                ui.screenshot("switch-" + d + "-saved-dark-ja");
            } finally {
                Instances.remove(api, name);
                Files.deleteIfExists(big);
            }
        }
    }

    private static Optional<String> sleepPid(Daemon daemon, String name) {
        Matcher m = SLEEP.matcher(TestBed.cli(daemon, "exec", name, "--", "ps", "-o", "pid,args"));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static int transfersShown(UiDriver ui) {
        return ui.robot.lookup("#filesTransfers").tryQuery().map(n -> ((Pane) n).getChildren().size()).orElse(0);
    }

    private static Tab tab(UiDriver ui, String id) {
        TabPane tabs = ui.robot.lookup("#instanceTabs").queryAs(TabPane.class);
        return tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
    }

    private static void selectTab(UiDriver ui, String id) {
        ui.robot.interact(() -> {
            TabPane tabs = ui.robot.lookup("#instanceTabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tab(ui, id));
        });
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
