package dev.hako.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.CertificateFingerprint;
import dev.hako.lxd.ClientIdentity;
import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.ExecRequest;
import dev.hako.lxd.api.InstanceStatePut;
import dev.hako.model.RemoteModel;
import dev.hako.remote.ClientCertificates;
import dev.hako.remote.Enrolment;
import dev.hako.remote.RemoteAccess;
import dev.hako.remote.RemoteAddress;
import dev.hako.remote.ServerCertificate;
import dev.hako.remote.ServerCertificateProbe;
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
        return open(new RemoteModel("local", new Endpoint.UnixSocket(TestBed.socket(daemon))), instance, dark, locale);
    }

    private InstanceContext open(RemoteModel model, String instance, boolean dark, Locale locale) throws Exception {
        remote = model;
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

    private void pressCtrlC() {
        robot.press(KeyCode.CONTROL).press(KeyCode.C).release(KeyCode.C).release(KeyCode.CONTROL);
    }

    /** Waits until a process named {@code name} runs in the instance (the server's view, not the screen's). */
    private static void waitForProcess(LxdClient client, String instance, String name) throws Exception {
        String script = "for f in /proc/[0-9]*/comm; do read c < \"$f\" 2>/dev/null && [ \"$c\" = \"$1\" ]"
                + " && exit 0; done; exit 1";
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> client.instances().exec(instance,
                ExecRequest.command(List.of("/bin/sh", "-c", script, "sh", name)))
                .collect(null, Duration.ofSeconds(30)).exitCode() == 0);
    }

    /**
     * Writes {@code text} to the instance's console until the live console shows it: the server
     * attaches to the console a moment after the websocket opens, and a line written before is seen by no one.
     */
    private static void writeToConsoleUntilShown(LxdClient client, String instance, TerminalView console,
                                                 String text) throws Exception {
        for (int attempt = 0; attempt < 10 && !console.screenText().contains(text); attempt++) {
            client.instances().exec(instance, ExecRequest.command(List.of("/bin/sh", "-c",
                    "echo " + text + " > /dev/console"))).collect(null, Duration.ofSeconds(30));
            try {
                WaitForAsyncUtils.waitFor(1, TimeUnit.SECONDS, () -> console.screenText().contains(text));
            } catch (java.util.concurrent.TimeoutException notYet) {
                // written before the server attached: write it again
            }
        }
    }

    /** The pty size the last {@code stty size} on the screen reported, or null. */
    private static String lastSttySize(TerminalView view) {
        Matcher size = Pattern.compile("(?m)^(\\d+ \\d+)\\s*$").matcher(view.screenText());
        String last = null;
        while (size.find()) {
            last = size.group(1);
        }
        return last;
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
                        && terminalTab.views().get(0).state() == TerminalViewModel.State.RUNNING);
                TerminalView view = terminalTab.views().get(0);

                type(view, "echo hako-$((6*7))");
                waitForScreen(view, "hako-42");

                // Resize: the pty inside must learn the new size from the widget.
                var buffer = view.widget().getTerminalTextBuffer();
                String before = buffer.getHeight() + " " + buffer.getWidth();
                robot.interact(() -> {
                    stage.setWidth(760);
                    stage.setHeight(520);
                });
                WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
                    var sent = view.sentSize();
                    return !(buffer.getHeight() + " " + buffer.getWidth()).equals(before) && sent != null
                            && sent.getRows() == buffer.getHeight() && sent.getColumns() == buffer.getWidth();
                });
                String expected = buffer.getHeight() + " " + buffer.getWidth();
                // The size travels on the control socket, the keys on the pty's: ask until the pty has it.
                for (int attempt = 1; attempt <= 5 && !expected.equals(lastSttySize(view)); attempt++) {
                    type(view, "/bin/busybox stty size; echo stty-done-" + attempt);
                    waitForScreen(view, "\nstty-done-" + attempt);
                }
                assertThat(lastSttySize(view)).as(view.screenText()).isEqualTo(expected);
                assertThat(expected).isNotEqualTo("24 80");

                // Ctrl+C reaches the foreground process through the pty.
                type(view, "sleep 1000");
                waitForProcess(client, name, "sleep");
                pressCtrlC();
                type(view, "echo after-$((1+1))");
                waitForScreen(view, "after-2");
                Screenshots.save(scene, "terminal-" + suffix(daemon, dark, locale));

                // A second terminal at once, then the first one exits with a status.
                robot.interact(terminalTab::openTerminal);
                WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                        () -> terminalTab.views().get(1).state() == TerminalViewModel.State.RUNNING);
                TerminalView second = terminalTab.views().get(1);
                type(second, "exit 3");
                WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> second.state() == TerminalViewModel.State.EXITED);
                assertThat(second.exitCode()).isEqualTo(3);
                assertThat(second.statusText()).contains("3");
                Screenshots.save(scene, "terminal-exited-" + suffix(daemon, dark, locale));
                robot.interact(second::connect);
                WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                        () -> second.state() == TerminalViewModel.State.RUNNING);

                // Run-command dialog: exit code, stdout and stderr apart, the CLI line.
                RunCommandDialog[] dialog = new RunCommandDialog[1];
                robot.interact(() -> {
                    dialog[0] = new RunCommandDialog(context);
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
                WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                        () -> !robot.lookup("#runSignal").queryButton().isDisabled());
                waitForProcess(client, name, "sleep");
                robot.interact(() -> {
                    @SuppressWarnings("unchecked")
                    var choice = (javafx.scene.control.ComboBox<String>) dialog[0].stage().getScene()
                            .lookup(".combo-box");
                    choice.getSelectionModel().select("SIGKILL (9)");
                });
                robot.clickOn("#runSignal");
                WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> dialog[0].exitCode() != null);
                assertThat(dialog[0].exitCode()).isEqualTo(137);
                // Esc closes the window, as its Close button does.
                robot.clickOn("#runCliLine").push(javafx.scene.input.KeyCode.ESCAPE);
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !dialog[0].stage().isShowing());

                // The instance stops: the terminal says so and does not hang.
                client.instances().changeState(name, InstanceStatePut.stop(null, true)).awaitSuccess(
                        Instances.OP_TIMEOUT);
                var stopped = client.instances().get(name).value();
                robot.interact(() -> terminalTab.instanceChanged(stopped));
                WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                        () -> view.state() == TerminalViewModel.State.INSTANCE_STOPPED);
                // The session's own end, reported after, must not overwrite why it ended.
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.model().canReconnectProperty().get());
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(view.state()).isEqualTo(TerminalViewModel.State.INSTANCE_STOPPED);
            } finally {
                Instances.remove(client, name);
            }
        }
    }

    /**
     * Switching theme and language while a command runs in a terminal: the terminal tab, the
     * console tab and an open run-command window relabel in place, the terminal takes the new
     * colours, and the session, its screen and its scrollback are the same ones afterwards: a
     * command typed after the switch runs in the same shell.
     */
    // What a switch keeps lives in the window: one daemon is enough (LXD here, Incus in
    // ThemeLanguageSwitchUiTest); terminals on both are tested above.
    @ParameterizedTest
    @EnumSource(value = Daemon.class, names = "LXD")
    void anOpenTerminalSurvivesThemeAndLanguageSwitches(Daemon daemon) throws Exception {
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = Instances.createRunning(client, "switch");
            try {
                InstanceContext context = open(daemon, name, false, Locale.ENGLISH);
                I18n i18n = context.i18n();
                robot.interact(() -> tabs.getSelectionModel().select(terminalTab.tab()));
                WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> terminalTab.views().size() == 1
                        && terminalTab.views().get(0).state() == TerminalViewModel.State.RUNNING);
                TerminalView view = terminalTab.views().get(0);
                type(view, "seq 1 200; X=kept-in-shell; echo before-switch");
                waitForScreen(view, "\nbefore-switch");
                type(view, "sleep 600");
                waitForProcess(client, name, "sleep");
                RunCommandDialog[] dialog = new RunCommandDialog[1];
                robot.interact(() -> {
                    dialog[0] = new RunCommandDialog(context);
                    dialog[0].show();
                    dialog[0].model().form().commandProperty().set("echo typed before");
                });
                var widget = view.widget();
                var history = widget.getTerminalTextBuffer().getHistoryBuffer();
                assertThat(history.getLineTexts()).contains("1", "100");
                assertThat(view.paintedDark()).isFalse();
                assertThat(terminalTab.tab().getText()).isEqualTo("Terminal");
                Screenshots.save(scene, "terminal-before-switch-" + suffix(daemon, false, Locale.ENGLISH));

                robot.interact(() -> {
                    i18n.setLocale(Locale.JAPANESE);
                    Theme.switchTo(true);
                });
                WaitForAsyncUtils.waitForFxEvents();
                // The same widget on the same session: nothing was rebuilt, nothing reconnected.
                assertThat(view.widget()).isSameAs(widget);
                assertThat(view.state()).isEqualTo(TerminalViewModel.State.RUNNING);
                assertThat(terminalTab.views()).containsExactly(view);
                assertThat(view.paintedDark()).isTrue();
                assertThat(widget.getTerminalPanel().getBackground())
                        .isEqualTo(javafx.scene.paint.Color.rgb(0x0d, 0x11, 0x17));
                assertThat(widget.getTerminalTextBuffer().getHistoryBuffer().getLineTexts()).contains("1", "100");
                assertThat(view.screenText()).contains("before-switch", "sleep 600");
                // Relabelled in place: tabs, the terminal's bar, the run-command window (its draft kept).
                assertThat(terminalTab.tab().getText()).isEqualTo("端末");
                assertThat(consoleTab.tab().getText()).isEqualTo("コンソール");
                assertThat(view.statusText()).isEqualTo(i18n.get("terminal.running")).contains("接続しました");
                assertThat(robot.lookup("#newTerminal").queryButton().getText()).isEqualTo("新しい端末");
                assertThat(dialog[0].stage().getTitle()).isEqualTo(name + " でコマンドを実行");
                assertThat(robot.from(dialog[0].stage().getScene().getRoot()).lookup("#runStart").queryButton()
                        .getText()).isEqualTo("実行");
                assertThat(robot.from(dialog[0].stage().getScene().getRoot()).lookup("#runCommandLine")
                        .queryTextInputControl().getText()).isEqualTo("echo typed before");
                assertThat(dialog[0].stage().getScene().getRoot().getStyleClass()).contains("dark");
                Screenshots.save(dialog[0].stage().getScene(), "run-command-after-switch-"
                        + suffix(daemon, true, Locale.JAPANESE));
                robot.interact(() -> dialog[0].stage().close()); // it covers the terminal the robot types into

                // The command that ran through the switch is still the shell's foreground job.
                robot.clickOn(widget.getPane());
                pressCtrlC();
                type(view, "echo after-switch-$((6*7)) $X");
                waitForScreen(view, "after-switch-42 kept-in-shell");
                Screenshots.save(scene, "terminal-after-switch-" + suffix(daemon, true, Locale.JAPANESE));

                // And back, again in place.
                robot.interact(() -> {
                    i18n.setLocale(Locale.ENGLISH);
                    Theme.switchTo(false);
                });
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(view.widget()).isSameAs(widget);
                assertThat(view.paintedDark()).isFalse();
                assertThat(terminalTab.tab().getText()).isEqualTo("Terminal");
                type(view, "echo back-again-$((2*3))");
                waitForScreen(view, "back-again-6");
                Screenshots.save(scene, "terminal-switched-back-" + suffix(daemon, false, Locale.ENGLISH));
            } finally {
                Instances.remove(client, name);
            }
        }
    }

    /**
     * The same shell, one-off command and console over HTTPS with a client certificate the
     * server was made to trust the way a person does it (LXD: trust password, Incus: token),
     * so the exec and console websockets run over TLS, not the unix socket.
     */
    @ParameterizedTest
    @EnumSource(Daemon.class)
    void shellCommandAndConsoleOnAnHttpsRemote(Daemon daemon) throws Exception {
        boolean dark = daemon == Daemon.LXD;
        Locale locale = dark ? Locale.JAPANESE : Locale.ENGLISH;
        try (LxdClient admin = TestBed.connect(daemon)) {
            String name = Instances.createRunning(admin, "tls");
            ClientIdentity identity = ClientCertificates.generate(TestBed.uniqueName("hako-term"));
            RemoteAddress address = new RemoteAddress(TestBed.host(daemon), TestBed.port(daemon));
            ServerCertificate certificate = ServerCertificateProbe.probe(address);
            Enrolment.Credential credential = daemon == Daemon.LXD
                    ? new Enrolment.Password(TestBed.lxdTrustPassword())
                    : new Enrolment.Token(new RemoteAccess(admin).issueToken(TestBed.uniqueName("hako-term")).token());
            Enrolment.enrol(address, certificate, identity, credential);
            try {
                InstanceContext context = open(new RemoteModel("tls-" + daemon.name().toLowerCase(Locale.ROOT),
                        Enrolment.endpoint(address, certificate, identity)), name, dark, locale);
                assertThat(remote.endpoint()).isInstanceOf(Endpoint.Https.class);
                robot.interact(() -> tabs.getSelectionModel().select(terminalTab.tab()));
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> terminalTab.views().size() == 1
                        && terminalTab.views().get(0).state() == TerminalViewModel.State.RUNNING);
                TerminalView view = terminalTab.views().get(0);
                type(view, "echo tls-$((6*7)); hostname");
                waitForScreen(view, "tls-42");
                waitForScreen(view, "\n" + name);
                // Keys that are not text travel too: Ctrl+C interrupts the foreground command.
                type(view, "sleep 1000");
                waitForProcess(admin, name, "sleep");
                pressCtrlC();
                type(view, "echo back-$((2+3))");
                waitForScreen(view, "back-5");
                Screenshots.save(scene, "terminal-https-" + suffix(daemon, dark, locale));

                RunCommandDialog[] dialog = new RunCommandDialog[1];
                robot.interact(() -> {
                    dialog[0] = new RunCommandDialog(context);
                    dialog[0].show();
                });
                robot.clickOn("#runCommandLine").write("/bin/sh -c 'hostname; exit 5'");
                robot.clickOn("#runStart");
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> dialog[0].exitCode() != null);
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(dialog[0].exitCode()).isEqualTo(5);
                assertThat(robot.lookup("#runStdout").queryTextInputControl().getText()).isEqualTo(name + "\n");
                Screenshots.save(dialog[0].stage().getScene(), "run-command-https-" + suffix(daemon, dark, locale));
                robot.interact(() -> dialog[0].stage().close());

                robot.interact(() -> tabs.getSelectionModel().select(consoleTab.tab()));
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                        () -> consoleTab.live().state() == TerminalViewModel.State.RUNNING);
                writeToConsoleUntilShown(admin, name, consoleTab.live(), "tls-console");
                waitForScreen(consoleTab.live(), "tls-console");
                Screenshots.save(scene, "console-https-" + suffix(daemon, dark, locale));
            } finally {
                close();
                terminalTab = null;
                admin.certificates().delete(CertificateFingerprint.sha256(identity.certificate()));
                Instances.remove(admin, name);
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

    /**
     * Files move both ways by drag and drop. A native drag between applications cannot be
     * driven under Xvfb, so the desktop's side is played by JavaFX's in-memory clipboard: a
     * drag-over and a drop event carrying host files go through the table's own handlers and
     * upload them; the other way, the content a drag started on a row puts on the dragboard is
     * the host copy of the file, checked against what is in the instance.
     */
    @ParameterizedTest
    @EnumSource(Daemon.class)
    void filesMoveBothWaysByDragAndDrop(Daemon daemon) throws Exception {
        boolean dark = daemon == Daemon.INCUS;
        Locale locale = dark ? Locale.ENGLISH : Locale.JAPANESE;
        java.nio.file.Path desktop = java.nio.file.Files.createTempDirectory("hako desktop ");
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = Instances.createRunning(client, "drag");
            try {
                open(daemon, name, dark, locale);
                robot.interact(() -> tabs.getSelectionModel().select(filesTab.tab()));
                robot.interact(() -> filesTab.navigate("/root"));
                WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> filesTab.statusText().contains("/root"));

                // Desktop → instance: two files, one binary with a non-ASCII name, one empty.
                java.nio.file.Path binary = desktop.resolve("ドロップ ü.bin");
                byte[] bytes = new byte[3 * 1024 * 1024 + 17];
                new java.util.Random(6).nextBytes(bytes);
                java.nio.file.Files.write(binary, bytes);
                java.nio.file.Path empty = java.nio.file.Files.createFile(desktop.resolve("empty file"));
                javafx.scene.input.DragEvent[] over = new javafx.scene.input.DragEvent[1];
                javafx.scene.input.DragEvent[] drop = new javafx.scene.input.DragEvent[1];
                robot.interact(() -> {
                    javafx.scene.input.Dragboard board = desktopDragboard(List.of(binary.toFile(), empty.toFile()));
                    over[0] = dragEvent(javafx.scene.input.DragEvent.DRAG_OVER, board);
                    javafx.event.Event.fireEvent(filesTab.table(), over[0]);
                    drop[0] = dragEvent(javafx.scene.input.DragEvent.DRAG_DROPPED, board);
                    javafx.event.Event.fireEvent(filesTab.table(), drop[0]);
                });
                assertThat(over[0].getAcceptedTransferMode()).isEqualTo(javafx.scene.input.TransferMode.COPY);
                assertThat(drop[0].isDropCompleted()).isTrue();
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> filesTab.runningTransfers() == 0
                        && filesTab.table().getItems().stream().map(FileRow::name).toList()
                                .containsAll(List.of("ドロップ ü.bin", "empty file")));
                assertThat(sha256(readBytes(client, name, "/root/ドロップ ü.bin"))).isEqualTo(sha256(bytes));
                assertThat(readBytes(client, name, "/root/empty file")).isEmpty();

                // Instance → desktop: a file made inside is dragged out of the table.
                byte[] inside = new byte[2 * 1024 * 1024 + 5];
                new java.util.Random(7).nextBytes(inside);
                client.instances().files().upload(name, "/root/from inside 日本.bin",
                        new java.io.ByteArrayInputStream(inside), inside.length,
                        dev.hako.lxd.InstanceFiles.FileOptions.defaults());
                robot.interact(filesTab::refresh);
                WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> filesTab.table().getItems().stream()
                        .anyMatch(r -> r.name().equals("from inside 日本.bin")));
                FileRow row = filesTab.table().getItems().stream()
                        .filter(r -> r.name().equals("from inside 日本.bin")).findFirst().orElseThrow();
                robot.interact(() -> {
                    filesTab.table().getSelectionModel().clearSelection();
                    filesTab.table().getSelectionModel().select(row);
                });
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> filesTab.dragReady(row));
                javafx.scene.input.ClipboardContent[] content = new javafx.scene.input.ClipboardContent[1];
                robot.interact(() -> content[0] = filesTab.dragContent(row));
                assertThat(content[0]).isNotNull();
                assertThat(content[0].getFiles()).hasSize(1);
                java.io.File dragged = content[0].getFiles().get(0);
                assertThat(dragged.getName()).isEqualTo("from inside 日本.bin");
                assertThat(sha256(java.nio.file.Files.readAllBytes(dragged.toPath()))).isEqualTo(sha256(inside));
                // What the desktop does with a dropped file: copy it where it was dropped.
                java.nio.file.Path landed = java.nio.file.Files.copy(dragged.toPath(), desktop.resolve(dragged.getName()));
                assertThat(sha256(java.nio.file.Files.readAllBytes(landed))).isEqualTo(sha256(inside));

                // The table's own rows dropped back on it are not uploaded again.
                javafx.scene.input.DragEvent[] own = new javafx.scene.input.DragEvent[1];
                robot.interact(() -> {
                    javafx.scene.input.Dragboard board = desktopDragboard(List.of(dragged));
                    own[0] = new javafx.scene.input.DragEvent(filesTab.table(), filesTab.table(),
                            javafx.scene.input.DragEvent.DRAG_OVER, board, 100, 100, 100, 100,
                            javafx.scene.input.TransferMode.COPY, filesTab.table(), null, null);
                    javafx.event.Event.fireEvent(filesTab.table(), own[0]);
                });
                assertThat(own[0].getAcceptedTransferMode()).isNull();
                Screenshots.save(scene, "files-dragged-" + suffix(daemon, dark, locale));
            } finally {
                Instances.remove(client, name);
                try (var walk = java.nio.file.Files.walk(desktop)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** A dragboard holding host files, as one from a file manager does (offering copy and move). */
    private static javafx.scene.input.Dragboard desktopDragboard(List<java.io.File> files) {
        javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
        content.putFiles(files);
        return dev.hako.ui.Dragboards.holding(content, java.util.Set.of(javafx.scene.input.TransferMode.COPY,
                javafx.scene.input.TransferMode.MOVE));
    }

    /** A drag event from another application (no gesture source) in the middle of the table. */
    private javafx.scene.input.DragEvent dragEvent(javafx.event.EventType<javafx.scene.input.DragEvent> type,
                                                   javafx.scene.input.Dragboard board) {
        var bounds = filesTab.table().localToScene(filesTab.table().getBoundsInLocal());
        double x = bounds.getCenterX();
        double y = bounds.getCenterY();
        return new javafx.scene.input.DragEvent(filesTab.table(), filesTab.table(), type, board, x, y,
                stage.getX() + x, stage.getY() + y, javafx.scene.input.TransferMode.COPY, null, null, null);
    }

    private static byte[] readBytes(LxdClient client, String instance, String path) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        client.instances().files().download(instance, path, out);
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
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
                () -> consoleTab.live().state() == TerminalViewModel.State.RUNNING);
        writeToConsoleUntilShown(client, name, consoleTab.live(), "console-says-hello");
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
