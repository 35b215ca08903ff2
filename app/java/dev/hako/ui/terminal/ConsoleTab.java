package dev.hako.ui.terminal;

import dev.hako.lxd.api.Instance;
import dev.hako.ui.common.I18n;
import dev.hako.ui.view.instance.InstanceContext;
import dev.hako.ui.view.instance.InstanceTab;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The Console tab: the live console of a {@link ConsoleTabViewModel} as a terminal, and the
 * console log kept by the server, which can be refreshed and cleared. Its labels follow the
 * window's language in place; the console session keeps running through it.
 */
public final class ConsoleTab implements InstanceTab {

    private final ConsoleTabViewModel model;
    private final I18n i18n;
    private final Tab tab = new Tab();
    private final TabPane parts = new TabPane();
    private final TerminalView live;
    private final TextArea log = new TextArea();

    public ConsoleTab(InstanceContext context, Instance instance) {
        this.model = ConsoleTabViewModel.of(context);
        this.i18n = context.i18n();
        tab.textProperty().bind(LocalText.of(i18n, "console.tab"));
        tab.setId("consoleTab");
        live = new TerminalView(model.live(), context.tasks());

        Button connect = button("console.connect", "consoleConnect");
        connect.setOnAction(e -> model.live().connect());
        connect.disableProperty().bind(model.runningProperty().not());
        Button disconnect = button("console.disconnect", null);
        disconnect.setOnAction(e -> model.live().close());
        Label hint = new Label();
        hint.textProperty().bind(LocalText.of(i18n, "console.hint"));
        hint.getStyleClass().add("text-muted");
        HBox liveBar = new HBox(8, connect, disconnect, hint);
        liveBar.setAlignment(Pos.CENTER_LEFT);
        liveBar.setPadding(new Insets(6, 8, 6, 8));
        BorderPane livePane = new BorderPane(live.node(), liveBar, null, null, null);
        Tab liveTab = new Tab(null, livePane);
        liveTab.textProperty().bind(LocalText.of(i18n, "console.live"));
        liveTab.setId("consoleLive");

        log.setId("consoleLog");
        log.setEditable(false);
        log.setStyle("-fx-font-family: monospace;");
        model.logProperty().addListener((o, old, text) -> {
            log.setText(text);
            log.positionCaret(text.length());
        });
        Button refresh = button("console.log.refresh", "consoleLogRefresh");
        refresh.setOnAction(e -> model.refreshLog());
        Button clear = button("console.log.clear", "consoleLogClear");
        clear.setOnAction(e -> model.clearLog());
        Label logStatus = new Label();
        logStatus.textProperty().bind(model.logStatusProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox logBar = new HBox(8, refresh, clear, gap, logStatus);
        logBar.setAlignment(Pos.CENTER_LEFT);
        logBar.setPadding(new Insets(6, 8, 6, 8));
        Tab logTab = new Tab(null, new BorderPane(log, logBar, null, null, null));
        logTab.textProperty().bind(LocalText.of(i18n, "console.log"));
        logTab.setId("consoleLogTab");
        logTab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                model.refreshLog();
            }
        });
        parts.getTabs().setAll(liveTab, logTab);
        parts.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tab.setContent(parts);
        tab.selectedProperty().addListener((o, was, now) -> {
            if (model.attachesOnShow(now, liveTab.isSelected())) {
                model.live().connect();
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

    public ConsoleTabViewModel model() {
        return model;
    }

    public TerminalView live() {
        return live;
    }

    public String logText() {
        return model.logProperty().get();
    }

    public void refreshLog() {
        model.refreshLog();
    }

    /** Clears the server's console log without asking (after confirmation). */
    public void clearLogNow() {
        model.clearLogNow();
    }

    @Override
    public void instanceChanged(Instance instance) {
        model.instanceChanged(instance.running());
    }

    @Override
    public void dispose() {
        model.dispose();
    }
}
