package dev.hako.ui.terminal;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Instance;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskRunner;
import dev.hako.ui.view.instance.InstanceContext;
import dev.hako.ui.view.instance.InstanceTab;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The Console tab: the instance's text console, live over the console websocket (what
 * {@code lxc console} shows), and the console log kept by the server, which can be
 * refreshed and cleared.
 */
public final class ConsoleTab implements InstanceTab {

    private final InstanceContext context;
    private final I18n i18n;
    private final Tab tab = new Tab();
    private final TabPane parts = new TabPane();
    private final TerminalView live;
    private final TextArea log = new TextArea();
    private final Label logStatus = new Label();
    private final Button connect = new Button();
    private final Button disconnect = new Button();
    private boolean running;

    public ConsoleTab(InstanceContext context, Instance instance) {
        this.context = context;
        this.i18n = context.i18n();
        tab.setText(i18n.get("console.tab"));
        tab.setId("consoleTab");
        LxdClient client = context.remote().client();
        String name = context.instanceName();
        live = new TerminalView(i18n, name + "-console", (columns, rows) -> client.instances().console(name,
                columns, rows), true);

        connect.setText(i18n.get("console.connect"));
        connect.setId("consoleConnect");
        connect.setOnAction(e -> live.connect());
        disconnect.setText(i18n.get("console.disconnect"));
        disconnect.setOnAction(e -> live.close());
        Label hint = new Label(i18n.get("console.hint"));
        hint.getStyleClass().add("text-muted");
        HBox liveBar = new HBox(8, connect, disconnect, hint);
        liveBar.setAlignment(Pos.CENTER_LEFT);
        liveBar.setPadding(new Insets(6, 8, 6, 8));
        BorderPane livePane = new BorderPane(live.node(), liveBar, null, null, null);
        Tab liveTab = new Tab(i18n.get("console.live"), livePane);
        liveTab.setId("consoleLive");

        log.setId("consoleLog");
        log.setEditable(false);
        log.setStyle("-fx-font-family: monospace;");
        Button refresh = new Button(i18n.get("console.log.refresh"));
        refresh.setId("consoleLogRefresh");
        refresh.setOnAction(e -> refreshLog());
        Button clear = new Button(i18n.get("console.log.clear"));
        clear.setId("consoleLogClear");
        clear.setOnAction(e -> clearLog());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox logBar = new HBox(8, refresh, clear, gap, logStatus);
        logBar.setAlignment(Pos.CENTER_LEFT);
        logBar.setPadding(new Insets(6, 8, 6, 8));
        Tab logTab = new Tab(i18n.get("console.log"), new BorderPane(log, logBar, null, null, null));
        logTab.setId("consoleLogTab");
        logTab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                refreshLog();
            }
        });
        parts.getTabs().setAll(liveTab, logTab);
        parts.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tab.setContent(parts);
        tab.selectedProperty().addListener((o, was, now) -> {
            if (now && running && live.state() == TerminalView.State.CLOSED && liveTab.isSelected()) {
                live.connect();
            }
        });
        instanceChanged(instance);
    }

    @Override
    public Tab tab() {
        return tab;
    }

    public TerminalView live() {
        return live;
    }

    public String logText() {
        return log.getText();
    }

    public void refreshLog() {
        LxdClient client = context.remote().client();
        String name = context.instanceName();
        logStatus.setText(i18n.get("console.log.loading"));
        TaskRunner.run(() -> client.instances().consoleLog(name), text -> {
            log.setText(text);
            log.positionCaret(text.length());
            logStatus.setText(i18n.format("console.log.size", text.length()));
        }, failure -> logStatus.setText(i18n.format("console.log.failed", TerminalView.message(failure))));
    }

    private void clearLog() {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, i18n.format("console.log.clearConfirm",
                context.instanceName()), ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(tab.getContent().getScene().getWindow());
        if (confirm.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        clearLogNow();
    }

    /** Clears the server's console log without asking (after confirmation). */
    public void clearLogNow() {
        LxdClient client = context.remote().client();
        String name = context.instanceName();
        // LXD removes the log file on clear, so reading it back at once would fail: show it empty.
        TaskRunner.run(() -> client.instances().clearConsoleLog(name), () -> {
            log.clear();
            logStatus.setText(i18n.get("console.log.cleared"));
        },
                failure -> logStatus.setText(i18n.format("console.log.failed", TerminalView.message(failure))));
    }

    @Override
    public void instanceChanged(Instance instance) {
        running = instance.running();
        connect.setDisable(!running);
        live.instanceRunning(running);
    }

    @Override
    public void dispose() {
        live.close();
    }
}
