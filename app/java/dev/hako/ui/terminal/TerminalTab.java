package dev.hako.ui.terminal;

import dev.hako.lxd.api.Instance;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.view.instance.InstanceContext;
import dev.hako.ui.view.instance.InstanceTab;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
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
 * The Terminal tab of an instance: the terminals of a {@link TerminalTabViewModel} side by side
 * in inner tabs, a bar to open more, set their options, interrupt one or run a one-off command.
 * Its labels follow the window's language in place; the terminals keep running through it.
 */
public final class TerminalTab implements InstanceTab {

    private final InstanceContext context;
    private final TerminalTabViewModel model;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final Tab tab = new Tab();
    private final TabPane terminals = new TabPane();
    private final Label notRunning = new Label();
    private final BorderPane content = new BorderPane();
    private final List<TerminalView> views = new ArrayList<>();

    public TerminalTab(InstanceContext context, Instance instance) {
        this.context = context;
        this.model = TerminalTabViewModel.of(context);
        this.tasks = context.tasks();
        this.dialogs = context.dialogs();
        this.i18n = context.i18n();
        tab.textProperty().bind(LocalText.of(i18n, "terminal.tab"));
        tab.setId("terminalTab");
        terminals.setId("terminalSessions");
        terminals.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        Button newTerminal = button("terminal.new", "newTerminal");
        newTerminal.setOnAction(e -> openTerminal());
        newTerminal.disableProperty().bind(model.runningProperty().not());
        Button optionsButton = button("terminal.options", "terminalOptions");
        optionsButton.setOnAction(e -> editOptions());
        Button runCommand = button("run.open", "runCommand");
        runCommand.setOnAction(e -> new RunCommandDialog(context).show());
        runCommand.disableProperty().bind(model.runningProperty().not());
        Button interrupt = button("terminal.interrupt", null);
        interrupt.setOnAction(e -> current().ifPresent(v -> v.model().signal(2)));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, newTerminal, optionsButton, interrupt, gap, runCommand);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        notRunning.setId("terminalNotRunning");
        notRunning.textProperty().bind(LocalText.of(i18n, "terminal.notRunning"));
        notRunning.setPadding(new Insets(16));
        content.setTop(bar);
        tab.setContent(content);
        tab.selectedProperty().addListener((obs, was, now) -> {
            if (model.opensFirstTerminal(now)) {
                openTerminal();
            }
        });
        instanceChanged(instance);
    }

    private Button button(String key, String id) {
        Button button = new Button();
        button.textProperty().bind(LocalText.of(i18n, key));
        button.setId(id);
        return button;
    }

    @Override
    public Tab tab() {
        return tab;
    }

    public TerminalTabViewModel model() {
        return model;
    }

    public List<TerminalView> views() {
        return List.copyOf(views);
    }

    private Optional<TerminalView> current() {
        int i = terminals.getSelectionModel().getSelectedIndex();
        return i >= 0 && i < views.size() ? Optional.of(views.get(i)) : Optional.empty();
    }

    /** Opens one more terminal with the current options; FX thread. */
    public TerminalView openTerminal() {
        TerminalViewModel terminal = model.newTerminal();
        TerminalView view = new TerminalView(terminal, tasks);
        Tab inner = new Tab();
        inner.textProperty().bind(model.title(terminal));
        inner.setContent(view.node());
        inner.setOnClosed(e -> {
            views.remove(view);
            model.closeTerminal(terminal);
        });
        views.add(view);
        terminals.getTabs().add(inner);
        terminals.getSelectionModel().select(inner);
        content.setCenter(terminals);
        terminal.connect();
        return view;
    }

    /** The options for new terminals, checked as they are typed; OK stays disabled while one is wrong. */
    private void editOptions() {
        ExecForm form = model.optionsForm();
        TextField command = new TextField();
        command.textProperty().bindBidirectional(form.commandProperty());
        command.promptTextProperty().bind(LocalText.of(i18n, "terminal.options.commandPrompt"));
        TextField user = new TextField();
        user.textProperty().bindBidirectional(form.userProperty());
        TextField group = new TextField();
        group.textProperty().bindBidirectional(form.groupProperty());
        TextField cwd = new TextField();
        cwd.textProperty().bindBidirectional(form.cwdProperty());
        TextArea env = new TextArea();
        env.setPrefRowCount(4);
        env.setPromptText("KEY=VALUE");
        env.textProperty().bindBidirectional(form.environmentProperty());
        Label problem = new Label();
        problem.setId("terminalOptionsProblem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        problem.textProperty().bind(form.problemProperty());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, label("terminal.options.command"), command);
        grid.addRow(1, label("terminal.options.user"), user);
        grid.addRow(2, label("terminal.options.group"), group);
        grid.addRow(3, label("terminal.options.cwd"), cwd);
        grid.addRow(4, label("terminal.options.env"), env);
        grid.add(problem, 1, 5);
        GridPane.setHgrow(command, Priority.ALWAYS);
        dialogs.showForm(i18n.get("terminal.options.title"), null, grid, form.invalidProperty())
                .filter(ButtonType.OK::equals)
                .ifPresent(ok -> model.applyOptions(form));
    }

    private Label label(String key) {
        Label label = new Label();
        label.textProperty().bind(LocalText.of(i18n, key));
        return label;
    }

    public void setOptions(TerminalOptions options) {
        model.optionsProperty().set(options);
    }

    @Override
    public void instanceChanged(Instance instance) {
        boolean running = instance.running();
        model.instanceChanged(running);
        if (views.isEmpty()) {
            content.setCenter(running ? null : notRunning);
            if (running && tab.isSelected()) {
                openTerminal();
            }
        }
    }

    @Override
    public void dispose() {
        model.dispose();
        views.clear();
    }
}
