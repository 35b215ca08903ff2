package dev.hako.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.ExecRequest;
import dev.hako.lxd.api.InstanceStatePut;
import dev.hako.model.RemoteModel;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import dev.hako.ui.Screenshots;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.Theme;
import dev.hako.ui.files.FileRow;
import dev.hako.ui.files.FilesTab;
import dev.hako.ui.view.instance.InstanceContext;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The terminal, console and files tabs of an instance against the real daemons: keys typed
 * reach the shell and its output is read back from the rendered screen buffer, a window
 * resize reaches the pty, Ctrl+C interrupts, the exit status is shown with a reconnect, and
 * the run-command dialog reports exit codes with stdout and stderr apart.
 */
class TerminalUiTest {

    private final FxRobot robot = new FxRobot();
    private RemoteModel remote;
    private Stage stage;
    private Scene scene;
    private TerminalTab terminalTab;
    private ConsoleTab consoleTab;
    private FilesTab filesTab;
    private TabPane tabs;

    private InstanceContext open(Daemon daemon, String instance, boolean dark, Locale locale) throws Exception {
        remote = new RemoteModel("local", new Endpoint.UnixSocket(TestBed.socket(daemon)));
        remote.start();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> remote.client() != null && remote.state().online());
        var inst = remote.client().instances().get(instance).value();
        InstanceContext context = new InstanceContext(remote, instance, new I18n(locale));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            stage = s;
            Theme.apply(dark);
            terminalTab = new TerminalTab(context, inst);
            consoleTab = new ConsoleTab(context, inst);
            filesTab = new FilesTab(context, inst);
            tabs = new TabPane(terminalTab.tab(), consoleTab.tab(), filesTab.tab());
            tabs.getSelectionModel().clearSelection();
            scene = new Scene(tabs, 1000, 640);
            Theme.decorate(scene, dark);
            s.setScene(scene);
            s.setWidth(1000);
            s.setHeight(680);
            s.show();
        });
        return context;
    }

    @AfterEach
    void close() throws Exception {
        robot.interact(() -> {
            if (terminalTab != null) {
                terminalTab.dispose();
                consoleTab.dispose();
                filesTab.dispose();
            }
        });
        FxToolkit.cleanupStages();
        if (remote != null) {
            remote.close();
        }
    }

    private static String suffix(Daemon daemon, boolean dark, Locale locale) {
        return daemon.name().toLowerCase(Locale.ROOT) + (dark ? "-dark-" : "-light-") + locale.getLanguage();
    }

    private void waitForScreen(TerminalView view, String text) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> view.screenText().contains(text));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("'" + text + "' not on the screen (" + view.state() + ", " + view.statusText()
                    + "):\n" + view.screenText(), e);
        }
    }

    private void type(TerminalView view, String text) {
        robot.clickOn(view.widget().getPane());
        robot.write(text);
        robot.type(KeyCode.ENTER);
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void typedCommandsRunAndResizeReachesThePty(Daemon daemon) throws Exception {
        boolean dark = daemon == Daemon.INCUS;
        Locale locale = dark ? Locale.JAPANESE : Locale.ENGLISH;
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = Instances.createRunning(client, "term");
            try {
                InstanceContext context = open(daemon, name, dark, locale);
                robot.interact(() -> tabs.getSelectionModel().select(terminalTab.tab()));
                WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> terminalTab.views().size() == 1
                        && terminalTab.views().get(0).state() == TerminalView.State.RUNNING);
                TerminalView view = terminalTab.views().get(0);

                type(view, "echo hako-$((6*7))");
                waitForScreen(view, "hako-42");

                // Resize: the pty inside must learn the new size from the widget.
                robot.interact(() -> {
                    stage.setWidth(760);
                    stage.setHeight(520);
                });
                WaitForAsyncUtils.waitForFxEvents();
                Thread.sleep(500);
                type(view, "/bin/busybox stty size; echo stty-done");
                waitForScreen(view, "\nstty-done");
                var buffer = view.widget().getTerminalTextBuffer();
                String expected = buffer.getHeight() + " " + buffer.getWidth();
                Matcher size = Pattern.compile("(?m)^(\\d+ \\d+)\\s*$").matcher(view.screenText());
                String last = null;
                while (size.find()) {
                    last = size.group(1);
                }
                assertThat(last).as(view.screenText()).isEqualTo(expected);
                assertThat(expected).isNotEqualTo("24 80");

                // Ctrl+C reaches the foreground process through the pty.
                type(view, "sleep 1000");
                Thread.sleep(300);
                robot.press(KeyCode.CONTROL).press(KeyCode.C).release(KeyCode.C).release(KeyCode.CONTROL);
                type(view, "echo after-$((1+1))");
                waitForScreen(view, "after-2");
                Screenshots.save(scene, "terminal-" + suffix(daemon, dark, locale));

                // A second terminal at once, then the first one exits with a status.
                robot.interact(terminalTab::openTerminal);
                WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                        () -> terminalTab.views().get(1).state() == TerminalView.State.RUNNING);
                TerminalView second = terminalTab.views().get(1);
                type(second, "exit 3");
                WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> second.state() == TerminalView.State.EXITED);
                assertThat(second.exitCode()).isEqualTo(3);
                assertThat(second.statusText()).contains("3");
                Screenshots.save(scene, "terminal-exited-" + suffix(daemon, dark, locale));
                robot.interact(second::connect);
                WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> second.state() == TerminalView.State.RUNNING);

                // Run-command dialog: exit code, stdout and stderr apart, the CLI line.
                RunCommandDialog[] dialog = new RunCommandDialog[1];
                robot.interact(() -> {
                    dialog[0] = new RunCommandDialog(context, stage);
                    dialog[0].show();
                });
                robot.clickOn("#runCommandLine").write("/bin/sh -c 'echo to-out; echo to-err >&2; exit 7'");
                robot.clickOn("#runStart");
                WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> dialog[0].exitCode() != null);
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(dialog[0].exitCode()).isEqualTo(7);
                assertThat(robot.lookup("#runStdout").queryTextInputControl().getText()).isEqualTo("to-out\n");
                assertThat(robot.lookup("#runStderr").queryTextInputControl().getText()).isEqualTo("to-err\n");
                assertThat(robot.lookup("#runCliLine").queryTextInputControl().getText()).isEqualTo(
                        (daemon == Daemon.INCUS ? "incus" : "lxc") + " exec " + name
                                + " -- /bin/sh -c 'echo to-out; echo to-err >&2; exit 7'");
                Screenshots.save(dialog[0].stage().getScene(), "run-command-" + suffix(daemon, dark, locale));
                // A long command is stopped by a signal: 128 + 9.
                robot.interact(() -> robot.lookup("#runCommandLine").queryTextInputControl().setText("sleep 1000"));
                robot.clickOn("#runStart");
                Thread.sleep(1000);
                robot.interact(() -> {
                    @SuppressWarnings("unchecked")
                    var choice = (javafx.scene.control.ComboBox<String>) dialog[0].stage().getScene()
                            .lookup(".combo-box");
                    choice.getSelectionModel().select("SIGKILL (9)");
                });
                robot.clickOn("#runSignal");
                WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> dialog[0].exitCode() != null);
                assertThat(dialog[0].exitCode()).isEqualTo(137);
                robot.interact(() -> dialog[0].stage().close());

                // The instance stops: the terminal says so and does not hang.
                client.instances().changeState(name, InstanceStatePut.stop(null, true)).awaitSuccess(
                        Instances.OP_TIMEOUT);
                var stopped = client.instances().get(name).value();
                robot.interact(() -> terminalTab.instanceChanged(stopped));
                WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                        () -> view.state() == TerminalView.State.INSTANCE_STOPPED);
                Thread.sleep(500);
                assertThat(view.state()).isEqualTo(TerminalView.State.INSTANCE_STOPPED);
            } finally {
                Instances.remove(client, name);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void consoleAndFilesInBothThemesAndLanguages(Daemon daemon) throws Exception {
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = Instances.createRunning(client, "cons");
            try {
                client.instances().exec(name, ExecRequest.command(List.of("/bin/sh", "-c",
                        "mkdir -p '/root/日本語 フォルダ' && echo hello > '/root/a file.txt'")))
                        .collect(null, Duration.ofSeconds(30));
                for (boolean dark : new boolean[] {false, true}) {
                    for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.JAPANESE}) {
                        if (dark == (locale == Locale.ENGLISH)) {
                            continue; // two of four combinations per daemon keeps the run short
                        }
                        shootConsoleAndFiles(daemon, client, name, dark, locale);
                        close();
                    }
                }
                // The other two combinations on this daemon too, files only.
                for (boolean dark : new boolean[] {false, true}) {
                    Locale locale = dark ? Locale.ENGLISH : Locale.JAPANESE;
                    open(daemon, name, dark, locale);
                    robot.interact(() -> tabs.getSelectionModel().select(filesTab.tab()));
                    robot.interact(() -> filesTab.navigate("/root"));
                    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> filesTab.table().getItems().stream()
                            .anyMatch(r -> r.name().equals("a file.txt")) && filesTab.statusText().contains("/root"));
                    Screenshots.save(scene, "files-" + suffix(daemon, dark, locale));
                    close();
                }
            } finally {
                terminalTab = null;
                Instances.remove(client, name);
            }
        }
    }

    private static String read(LxdClient client, String instance, String path) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        client.instances().files().download(instance, path, out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private void shootConsoleAndFiles(Daemon daemon, LxdClient client, String name, boolean dark, Locale locale)
            throws Exception {
        open(daemon, name, dark, locale);
        robot.interact(() -> tabs.getSelectionModel().select(consoleTab.tab()));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> consoleTab.live().state() == TerminalView.State.RUNNING);
        // The server attaches to the console a moment after the websocket opens: write until it shows.
        for (int attempt = 0; attempt < 10 && !consoleTab.live().screenText().contains("console-says-hello");
                attempt++) {
            client.instances().exec(name, ExecRequest.command(List.of("/bin/sh", "-c",
                    "echo console-says-hello > /dev/console"))).collect(null, Duration.ofSeconds(30));
            Thread.sleep(1000);
        }
        waitForScreen(consoleTab.live(), "console-says-hello");
        Screenshots.save(scene, "console-" + suffix(daemon, dark, locale));
        robot.interact(consoleTab::refreshLog);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> consoleTab.logText().contains("console-says-hello"));

        robot.interact(() -> tabs.getSelectionModel().select(filesTab.tab()));
        robot.interact(() -> filesTab.navigate("/root"));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> filesTab.table().getItems().stream()
                .map(FileRow::name).toList().containsAll(List.of("a file.txt", "日本語 フォルダ")));
        FileRow file = filesTab.table().getItems().stream().filter(r -> r.name().equals("a file.txt")).findFirst()
                .orElseThrow();
        assertThat(file.metadata().size()).isEqualTo(6);
        assertThat(file.permissions()).startsWith("-rw");
        if (!dark) {
            // Upload (the path files dropped from the desktop take) and download through the tab.
            java.nio.file.Path local = java.nio.file.Files.createTempFile("hako up ", " ü.txt");
            java.nio.file.Files.writeString(local, "uploaded through the tab\n");
            robot.interact(() -> filesTab.uploadAll(List.of(local)));
            String uploaded = local.getFileName().toString();
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> filesTab.table().getItems().stream()
                    .anyMatch(r -> r.name().equals(uploaded)) && filesTab.runningTransfers() == 0);
            java.nio.file.Path back = local.resolveSibling("back " + uploaded);
            FileRow row = filesTab.table().getItems().stream().filter(r -> r.name().equals(uploaded)).findFirst()
                    .orElseThrow();
            robot.interact(() -> filesTab.download(row, back));
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> java.nio.file.Files.exists(back)
                    && filesTab.runningTransfers() == 0);
            assertThat(java.nio.file.Files.readString(back)).isEqualTo("uploaded through the tab\n");
            java.nio.file.Files.delete(local);
            java.nio.file.Files.delete(back);

            // Edit a small text file; a change made on the server meanwhile is noticed before saving.
            robot.interact(() -> dev.hako.ui.files.TextFileEditor.open(new InstanceContext(remote, name,
                    new I18n(locale)), "/root/a file.txt", stage, m -> { }, () -> { }));
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> dev.hako.ui.files.TextFileEditor.lastOpened() != null
                    && dev.hako.ui.files.TextFileEditor.lastOpened().stage().isShowing());
            var editor = dev.hako.ui.files.TextFileEditor.lastOpened();
            assertThat(editor.textArea().getText()).isEqualTo("hello\n");
            Screenshots.save(editor.stage().getScene(), "file-editor-" + suffix(daemon, dark, locale));
            robot.interact(() -> editor.textArea().setText("edited in Hako\n"));
            client.instances().exec(name, ExecRequest.command(List.of("/bin/sh", "-c",
                    "echo changed-on-server >> '/root/a file.txt'"))).collect(null, Duration.ofSeconds(30));
            robot.interact(() -> editor.save(false));
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
            robot.clickOn(robot.lookup(".dialog-pane .button").match(n -> n instanceof javafx.scene.control.Button b
                    && b.getText().equals(locale == Locale.JAPANESE ? "いいえ" : "No")).queryButton());
            assertThat(read(client, name, "/root/a file.txt")).isEqualTo("hello\nchanged-on-server\n");
            robot.interact(() -> editor.save(true));
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                    () -> read(client, name, "/root/a file.txt").equals("edited in Hako\n"));
            robot.interact(() -> editor.stage().close());
            byte[] hello = "hello\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            client.instances().files().upload(name, "/root/a file.txt", new java.io.ByteArrayInputStream(hello),
                    hello.length, dev.hako.lxd.InstanceFiles.FileOptions.defaults());
        }
        Screenshots.save(scene, "files-" + suffix(daemon, dark, locale));
    }
}
