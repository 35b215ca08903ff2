package dev.hako.ui.terminal;

import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.view.instance.InstanceContext;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
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
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The window of a {@link RunCommandViewModel}: the command's fields, its standard output and
 * standard error apart as they stream, its exit status and the equivalent CLI line. It stays
 * open beside the main window and follows its theme and language in place.
 */
public final class RunCommandDialog {

    private final RunCommandViewModel model;
    private final I18n i18n;
    private final Stage stage;
    private final TextField command = new TextField();
    private final TextArea stdout = new TextArea();
    private final TextArea stderr = new TextArea();
    private final AnimationTimer flusher;

    public RunCommandDialog(InstanceContext context) {
        this(RunCommandViewModel.of(context), context.dialogs());
    }

    RunCommandDialog(RunCommandViewModel model, DialogService dialogs) {
        this.model = model;
        this.i18n = model.i18n();
        ExecForm form = model.form();
        command.setId("runCommandLine");
        command.textProperty().bindBidirectional(form.commandProperty());
        command.promptTextProperty().bind(LocalText.of(i18n, "run.commandPrompt"));
        command.setOnAction(e -> model.start());
        TextArea environment = new TextArea();
        environment.textProperty().bindBidirectional(form.environmentProperty());
        environment.setPromptText("KEY=VALUE");
        environment.setPrefRowCount(2);
        TextField user = new TextField();
        user.textProperty().bindBidirectional(form.userProperty());
        user.setPrefColumnCount(5);
        TextField group = new TextField();
        group.textProperty().bindBidirectional(form.groupProperty());
        group.setPrefColumnCount(5);
        TextField cwd = new TextField();
        cwd.textProperty().bindBidirectional(form.cwdProperty());
        stdout.setId("runStdout");
        stderr.setId("runStderr");
        for (TextArea area : new TextArea[] {stdout, stderr}) {
            area.setEditable(false);
            area.setStyle("-fx-font-family: monospace;");
        }
        Label exit = new Label();
        exit.setId("runExit");
        exit.textProperty().bind(model.statusTextProperty());
        TextField cliLine = new TextField();
        cliLine.setId("runCliLine");
        cliLine.setEditable(false);
        cliLine.textProperty().bind(model.cliLineProperty());
        Button run = button("run.run", "runStart");
        run.setDefaultButton(true);
        run.setOnAction(e -> model.start());
        run.disableProperty().bind(model.runningProperty());
        ComboBox<String> signalChoice = new ComboBox<>();
        signalChoice.getItems().setAll(RunCommandViewModel.SIGNALS);
        signalChoice.getSelectionModel().select(1);
        Button sendSignal = button("run.signal", "runSignal");
        sendSignal.disableProperty().bind(model.runningProperty().not());
        sendSignal.setOnAction(e -> model.signal(signalChoice.getValue()));
        Button copy = button("run.copy", "runCopy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(cliLine.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });

        GridPane fields = new GridPane();
        fields.setHgap(8);
        fields.setVgap(6);
        fields.addRow(0, label("run.command"), command, run);
        fields.addRow(1, label("terminal.options.env"), environment);
        HBox who = new HBox(8, label("terminal.options.user"), user, label("terminal.options.group"), group,
                label("terminal.options.cwd"), cwd);
        who.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(cwd, Priority.ALWAYS);
        fields.add(who, 1, 2);
        GridPane.setHgrow(command, Priority.ALWAYS);
        HBox cli = new HBox(8, label("run.cli"), cliLine, copy);
        cli.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(cliLine, Priority.ALWAYS);
        SplitPane streams = new SplitPane(titled("run.stdout", stdout), titled("run.stderr", stderr));
        streams.setOrientation(Orientation.VERTICAL);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        // Esc presses Close, as in every other dialog; closing ends a command still running.
        Button close = button("run.close", "runClose");
        close.setCancelButton(true);
        close.setOnAction(e -> close.getScene().getWindow().hide());
        HBox status = new HBox(8, exit, gap, signalChoice, sendSignal, close);
        status.setAlignment(Pos.CENTER_LEFT);
        BorderPane root = new BorderPane(streams, new VBox(8, fields, cli), null, status, null);
        root.setPadding(new Insets(10));
        root.setPrefSize(820, 560);
        BorderPane.setMargin(streams, new Insets(8, 0, 8, 0));

        flusher = new AnimationTimer() {
            @Override
            public void handle(long now) {
                flush();
            }
        };
        model.runsProperty().addListener((o, was, now) -> {
            stdout.clear();
            stderr.clear();
        });
        model.runningProperty().addListener((o, was, now) -> {
            if (now) {
                flusher.start();
            } else {
                // All output is in before the command counts as ended: show the rest now.
                flush();
                flusher.stop();
            }
        });
        stage = dialogs.window(model.titleProperty().get(), root);
        stage.titleProperty().bind(model.titleProperty());
        stage.setOnHidden(e -> {
            flusher.stop();
            model.close();
        });
    }

    private void flush() {
        append(stdout, model.takeStdout());
        append(stderr, model.takeStderr());
    }

    private static void append(TextArea area, String text) {
        if (!text.isEmpty()) {
            area.appendText(text);
        }
    }

    private Button button(String key, String id) {
        Button button = new Button();
        button.textProperty().bind(LocalText.of(i18n, key));
        button.setId(id);
        return button;
    }

    private Label label(String key) {
        Label label = new Label();
        label.textProperty().bind(LocalText.of(i18n, key));
        return label;
    }

    private VBox titled(String key, TextArea area) {
        VBox box = new VBox(4, label(key), area);
        VBox.setVgrow(area, Priority.ALWAYS);
        return box;
    }

    public Stage stage() {
        return stage;
    }

    public RunCommandViewModel model() {
        return model;
    }

    public void show() {
        stage.show();
        command.requestFocus();
    }

    public Integer exitCode() {
        return model.exitCode();
    }
}
