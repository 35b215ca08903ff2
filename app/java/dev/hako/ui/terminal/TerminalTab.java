package dev.hako.ui.terminal;

import dev.hako.lxd.ExecSession;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.api.ExecRequest;
import dev.hako.lxd.api.Instance;
import dev.hako.ui.common.I18n;
import dev.hako.ui.view.instance.InstanceContext;
import dev.hako.ui.view.instance.InstanceTab;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The Terminal tab of an instance: any number of terminals side by side in inner tabs, each
 * an interactive exec with its own pty. The first one opens when the tab is first shown
 * (never merely because the instance was selected), further ones with "New terminal".
 */
public final class TerminalTab implements InstanceTab {

    private final InstanceContext context;
    private final I18n i18n;
    private final Tab tab = new Tab();
    private final TabPane terminals = new TabPane();
    private final Label notRunning = new Label();
    private final Button newTerminal = new Button();
    private final Button runCommand = new Button();
    private final BorderPane content = new BorderPane();
    private final List<TerminalView> views = new ArrayList<>();
    private TerminalOptions options = TerminalOptions.shell();
    private boolean running;
    private int counter;

    public TerminalTab(InstanceContext context, Instance instance) {
        this.context = context;
        this.i18n = context.i18n();
        tab.setText(i18n.get("terminal.tab"));
        tab.setId("terminalTab");
        terminals.setId("terminalSessions");
        terminals.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        newTerminal.setText(i18n.get("terminal.new"));
        newTerminal.setId("newTerminal");
        newTerminal.setOnAction(e -> openTerminal());
        Button optionsButton = new Button(i18n.get("terminal.options"));
        optionsButton.setId("terminalOptions");
        optionsButton.setOnAction(e -> editOptions());
        runCommand.setText(i18n.get("run.open"));
        runCommand.setId("runCommand");
        runCommand.setOnAction(e -> new RunCommandDialog(context, tab.getTabPane() == null ? null
                : tab.getTabPane().getScene().getWindow()).show());
        Button interrupt = new Button(i18n.get("terminal.interrupt"));
        interrupt.setOnAction(e -> current().ifPresent(v -> v.signal(2)));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, newTerminal, optionsButton, interrupt, gap, runCommand);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        notRunning.setId("terminalNotRunning");
        notRunning.setText(i18n.get("terminal.notRunning"));
        notRunning.setPadding(new Insets(16));
        content.setTop(bar);
        tab.setContent(content);
        tab.selectedProperty().addListener((obs, was, now) -> {
            if (now && views.isEmpty() && running) {
                openTerminal();
            }
        });
        instanceChanged(instance);
    }

    @Override
    public Tab tab() {
        return tab;
    }

    public List<TerminalView> views() {
        return List.copyOf(views);
    }

    private java.util.Optional<TerminalView> current() {
        int i = terminals.getSelectionModel().getSelectedIndex();
        return i >= 0 && i < views.size() ? java.util.Optional.of(views.get(i)) : java.util.Optional.empty();
    }

    /** Opens one more terminal with the current options; FX thread. */
    public TerminalView openTerminal() {
        TerminalOptions opts = options;
        LxdClient client = context.remote().client();
        String instance = context.instanceName();
        String title = i18n.format("terminal.title", ++counter);
        TerminalView view = new TerminalView(i18n, instance + "-" + counter,
                (columns, rows) -> startShell(client, instance, opts, columns, rows), false);
        Tab inner = new Tab(title, view.node());
        inner.setOnClosed(e -> {
            views.remove(view);
            view.close();
        });
        views.add(view);
        terminals.getTabs().add(inner);
        terminals.getSelectionModel().select(inner);
        content.setCenter(terminals);
        view.connect();
        return view;
    }

    /** Finds the shell (bash if present, else sh) unless a command was chosen, then starts it on a pty. */
    static ExecSession startShell(LxdClient client, String instance, TerminalOptions opts, int columns, int rows) {
        List<String> command = opts.autoShell() ? List.of(findShell(client, instance)) : opts.command();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TERM", "xterm-256color");
        env.putAll(opts.environment());
        ExecRequest request = ExecRequest.interactive(command, env, columns, rows)
                .as(opts.user(), opts.group(), opts.cwd() == null || opts.cwd().isBlank() ? null : opts.cwd());
        return client.instances().exec(instance, request);
    }

    static String findShell(LxdClient client, String instance) {
        for (String candidate : List.of("/bin/bash", "/usr/bin/bash")) {
            try {
                var meta = client.instances().files().stat(instance, candidate);
                if (!meta.isDirectory()) {
                    return candidate;
                }
            } catch (LxdException absent) {
                // not there (or a VM without agent: sh is the safe choice)
            }
        }
        return "/bin/sh";
    }

    private void editOptions() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(i18n.get("terminal.options.title"));
        dialog.initOwner(content.getScene().getWindow());
        TextField command = new TextField(String.join(" ", options.command().stream().map(CommandLine::quote)
                .toList()));
        command.setPromptText(i18n.get("terminal.options.commandPrompt"));
        TextField user = new TextField(options.user() == null ? "" : options.user().toString());
        TextField group = new TextField(options.group() == null ? "" : options.group().toString());
        TextField cwd = new TextField(options.cwd() == null ? "" : options.cwd());
        TextArea env = new TextArea();
        env.setPrefRowCount(4);
        env.setPromptText("KEY=VALUE");
        StringBuilder envText = new StringBuilder();
        options.environment().forEach((k, v) -> envText.append(k).append('=').append(v).append('\n'));
        env.setText(envText.toString());
        Label error = new Label();
        error.getStyleClass().add("danger");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(i18n.get("terminal.options.command")), command);
        grid.addRow(1, new Label(i18n.get("terminal.options.user")), user);
        grid.addRow(2, new Label(i18n.get("terminal.options.group")), group);
        grid.addRow(3, new Label(i18n.get("terminal.options.cwd")), cwd);
        grid.addRow(4, new Label(i18n.get("terminal.options.env")), env);
        grid.add(error, 1, 5);
        GridPane.setHgrow(command, Priority.ALWAYS);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                options = new TerminalOptions(CommandLine.split(command.getText()), id(user.getText()),
                        id(group.getText()), cwd.getText().isBlank() ? null : cwd.getText().strip(),
                        CommandLine.environment(env.getText()));
            } catch (IllegalArgumentException bad) {
                error.setText(i18n.format("terminal.options.invalid", bad.getMessage()));
                e.consume();
            }
        });
        dialog.showAndWait();
    }

    static Integer id(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            int value = Integer.parseInt(t);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(t);
        }
    }

    public void setOptions(TerminalOptions options) {
        this.options = options;
    }

    @Override
    public void instanceChanged(Instance instance) {
        running = instance.running();
        newTerminal.setDisable(!running);
        runCommand.setDisable(!running);
        views.forEach(v -> v.instanceRunning(running));
        if (views.isEmpty()) {
            content.setCenter(running ? null : notRunning);
            if (running && tab.isSelected()) {
                openTerminal();
            }
        }
    }

    @Override
    public void dispose() {
        views.forEach(TerminalView::close);
        views.clear();
    }
}
