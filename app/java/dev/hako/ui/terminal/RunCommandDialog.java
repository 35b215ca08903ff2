package dev.hako.ui.terminal;

import dev.hako.lxd.ExecSession;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.ExecRequest;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskRunner;
import dev.hako.ui.view.instance.InstanceContext;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Runs one command without a pty and shows its standard output and standard error apart,
 * as they stream, then its exit status. A running command can be sent a signal. The
 * equivalent CLI line is shown for copying.
 */
public final class RunCommandDialog {

    /** At most this much of each stream is kept on screen; the rest is counted, not shown. */
    static final int SHOWN_LIMIT = 2 * 1024 * 1024;

    private final InstanceContext context;
    private final I18n i18n;
    private final Stage stage = new Stage();
    private final TextField command = new TextField();
    private final TextArea environment = new TextArea();
    private final TextField cwd = new TextField();
    private final TextField user = new TextField();
    private final TextField group = new TextField();
    private final TextArea stdout = new TextArea();
    private final TextArea stderr = new TextArea();
    private final Label exit = new Label();
    private final TextField cliLine = new TextField();
    private final Button run = new Button();
    private final Button sendSignal = new Button();
    private final ComboBox<String> signalChoice = new ComboBox<>();
    private final StreamBuffer out = new StreamBuffer();
    private final StreamBuffer err = new StreamBuffer();
    private final AnimationTimer flusher;
    private volatile ExecSession session;
    private Integer exitCode;

    public RunCommandDialog(InstanceContext context, Window owner) {
        this.context = context;
        this.i18n = context.i18n();
        stage.setTitle(i18n.format("run.title", context.instanceName()));
        if (owner != null) {
            stage.initOwner(owner);
        }
        command.setId("runCommandLine");
        command.setPromptText(i18n.get("run.commandPrompt"));
        command.setOnAction(e -> start());
        environment.setPromptText("KEY=VALUE");
        environment.setPrefRowCount(2);
        user.setPrefColumnCount(5);
        group.setPrefColumnCount(5);
        stdout.setId("runStdout");
        stderr.setId("runStderr");
        stdout.setEditable(false);
        stderr.setEditable(false);
        stdout.setStyle("-fx-font-family: monospace;");
        stderr.setStyle("-fx-font-family: monospace;");
        exit.setId("runExit");
        cliLine.setId("runCliLine");
        cliLine.setEditable(false);
        run.setText(i18n.get("run.run"));
        run.setId("runStart");
        run.setDefaultButton(true);
        run.setOnAction(e -> start());
        signalChoice.getItems().setAll("SIGINT (2)", "SIGTERM (15)", "SIGKILL (9)", "SIGHUP (1)");
        signalChoice.getSelectionModel().select(1);
        sendSignal.setText(i18n.get("run.signal"));
        sendSignal.setId("runSignal");
        sendSignal.setDisable(true);
        sendSignal.setOnAction(e -> signal());
        Button copy = new Button(i18n.get("run.copy"));
        copy.setId("runCopy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(cliLine.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        command.textProperty().addListener((o, a, b) -> updateCliLine());
        environment.textProperty().addListener((o, a, b) -> updateCliLine());
        cwd.textProperty().addListener((o, a, b) -> updateCliLine());
        user.textProperty().addListener((o, a, b) -> updateCliLine());
        group.textProperty().addListener((o, a, b) -> updateCliLine());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label(i18n.get("run.command")), command, run);
        form.addRow(1, new Label(i18n.get("terminal.options.env")), environment);
        HBox who = new HBox(8, new Label(i18n.get("terminal.options.user")), user,
                new Label(i18n.get("terminal.options.group")), group,
                new Label(i18n.get("terminal.options.cwd")), cwd);
        who.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(cwd, Priority.ALWAYS);
        form.add(who, 1, 2);
        GridPane.setHgrow(command, Priority.ALWAYS);
        HBox cli = new HBox(8, new Label(i18n.get("run.cli")), cliLine, copy);
        cli.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(cliLine, Priority.ALWAYS);
        SplitPane streams = new SplitPane(titled(i18n.get("run.stdout"), stdout),
                titled(i18n.get("run.stderr"), stderr));
        streams.setOrientation(javafx.geometry.Orientation.VERTICAL);
        HBox status = new HBox(8, exit, new javafx.scene.layout.Region(), signalChoice, sendSignal);
        HBox.setHgrow(status.getChildren().get(1), Priority.ALWAYS);
        status.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(8, form, cli);
        BorderPane root = new BorderPane(streams, top, null, status, null);
        root.setPadding(new Insets(10));
        BorderPane.setMargin(streams, new Insets(8, 0, 8, 0));
        Scene scene = new Scene(root, 820, 560);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            root.getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
        stage.setScene(scene);
        flusher = new AnimationTimer() {
            @Override
            public void handle(long now) {
                out.flushTo(stdout);
                err.flushTo(stderr);
            }
        };
        stage.setOnHidden(e -> {
            flusher.stop();
            ExecSession s = session;
            if (s != null) {
                s.close();
            }
        });
        updateCliLine();
    }

    private static VBox titled(String title, TextArea area) {
        VBox box = new VBox(4, new Label(title), area);
        VBox.setVgrow(area, Priority.ALWAYS);
        return box;
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
        command.requestFocus();
    }

    public Integer exitCode() {
        return exitCode;
    }

    private String clientName() {
        LxdClient client = context.remote().client();
        return client != null && client.kind() == ServerKind.INCUS ? "incus" : "lxc";
    }

    private void updateCliLine() {
        try {
            cliLine.setText(CommandLine.execLine(clientName(), context.remote().name(), context.instanceName(),
                    CommandLine.environment(environment.getText()), TerminalTab.id(user.getText()),
                    TerminalTab.id(group.getText()), cwd.getText().strip(), CommandLine.split(command.getText())));
        } catch (IllegalArgumentException incomplete) {
            // Keep the last valid line while the user is typing a quote or a variable.
        }
    }

    private void start() {
        List<String> argv;
        Map<String, String> env;
        Integer uid;
        Integer gid;
        try {
            argv = CommandLine.split(command.getText());
            env = CommandLine.environment(environment.getText());
            uid = TerminalTab.id(user.getText());
            gid = TerminalTab.id(group.getText());
        } catch (IllegalArgumentException bad) {
            exit.setText(i18n.format("terminal.options.invalid", bad.getMessage()));
            return;
        }
        if (argv.isEmpty() || session != null) {
            return;
        }
        out.reset();
        err.reset();
        stdout.clear();
        stderr.clear();
        exitCode = null;
        exit.setText(i18n.get("run.running"));
        run.setDisable(true);
        sendSignal.setDisable(false);
        flusher.start();
        LxdClient client = context.remote().client();
        String instance = context.instanceName();
        String dir = cwd.getText().isBlank() ? null : cwd.getText().strip();
        ExecRequest request = ExecRequest.command(argv).withEnvironment(env.isEmpty() ? null : env).as(uid, gid, dir);
        TaskRunner.run(() -> {
            ExecSession s = client.instances().exec(instance, request);
            session = s;
            s.attach(out::append, err::append);
            s.closeInput();
            return s.awaitExit(Duration.ofDays(3650));
        }, code -> finished(code, null), failure -> finished(null, failure));
    }

    private void finished(Integer code, RuntimeException failure) {
        session = null;
        out.flushTo(stdout);
        err.flushTo(stderr);
        flusher.stop();
        run.setDisable(false);
        sendSignal.setDisable(true);
        exitCode = code;
        exit.setText(failure != null ? i18n.format("run.failed", TerminalView.message(failure))
                : i18n.format("run.exit", code));
    }

    private void signal() {
        ExecSession s = session;
        if (s == null) {
            return;
        }
        String choice = signalChoice.getValue();
        int number = Integer.parseInt(choice.substring(choice.indexOf('(') + 1, choice.indexOf(')')));
        TaskRunner.run(() -> s.signal(number), () -> { },
                e -> exit.setText(i18n.format("run.failed", TerminalView.message(e))));
    }

    /** Decodes a stream's bytes (network thread) and hands the text to the FX thread in frame-sized batches. */
    private static final class StreamBuffer {
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final StringBuilder pendingText = new StringBuilder();
        private ByteBuffer carry = ByteBuffer.allocate(0);
        private long shown;
        private boolean truncated;
        private boolean everTruncated;

        synchronized void reset() {
            pendingText.setLength(0);
            carry = ByteBuffer.allocate(0);
            shown = 0;
            truncated = false;
            everTruncated = false;
            decoder.reset();
        }

        synchronized void append(byte[] bytes) {
            ByteBuffer in = ByteBuffer.allocate(carry.remaining() + bytes.length);
            in.put(carry).put(bytes).flip();
            CharBuffer chars = CharBuffer.allocate(in.remaining() + 1);
            decoder.decode(in, chars, false);
            carry = in.slice();
            chars.flip();
            if (shown + chars.length() <= SHOWN_LIMIT) {
                pendingText.append(chars);
                shown += chars.length();
            } else if (!everTruncated) {
                truncated = true;
                everTruncated = true;
            }
        }

        void flushTo(TextArea area) {
            String text;
            boolean cut;
            synchronized (this) {
                if (pendingText.length() == 0 && !truncated) {
                    return;
                }
                text = pendingText.toString();
                pendingText.setLength(0);
                cut = truncated;
                truncated = false;
            }
            if (!text.isEmpty()) {
                area.appendText(text);
            }
            if (cut) {
                area.appendText("\n[…]\n");
            }
        }
    }
}
