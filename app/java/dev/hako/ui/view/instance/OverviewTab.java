package dev.hako.ui.view.instance;

import dev.hako.lxd.api.Instance;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.Icons;
import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The instance's main facts and, while it runs and the view is on screen, its live
 * figures. A language switch redraws the facts and relabels the live figures in place
 * (their charts keep their history).
 */
final class OverviewTab implements InstanceTab {

    private final I18n i18n;
    private final OverviewViewModel model;
    private final Tab tab = new Tab();
    private final ScrollPane scroll = new ScrollPane();
    private final LiveFigures live;
    /** The instance's recorded figures; null without metric recording (windows made by tests). */
    private final dev.hako.ui.view.metrics.HistoryView history;
    private final ChangeListener<Locale> relabel = (language, was, now) -> relabel();
    private boolean shown;

    OverviewTab(InstanceContext context, Instance instance) {
        this.i18n = context.i18n();
        this.model = new OverviewViewModel(i18n, instance);
        this.live = new LiveFigures(new LiveFiguresViewModel(context.remote(), context.instanceName(), i18n,
                context.tasks()));
        var charts = context.charts();
        history = charts == null ? null : charts.forInstance(context.remote().name(), context.remote().project(),
                context.instanceName(), i18n, context.tasks());
        scroll.setFitToWidth(true);
        tab.setContent(scroll);
        model.instanceProperty().addListener((obs, was, now) -> draw());
        i18n.localeProperty().addListener(relabel);
        relabel();
    }

    @Override
    public Tab tab() {
        return tab;
    }

    @Override
    public void instanceChanged(Instance instance) {
        model.instanceProperty().set(instance);
    }

    private void relabel() {
        tab.setText(i18n.get("instance.tab.overview"));
        live.relabel();
        draw();
    }

    private void draw() {
        Instance instance = model.instanceProperty().get();
        Label title = new Label(instance.name());
        title.getStyleClass().add("title-2");
        title.setId("summaryTitle");
        HBox heading = new HBox(8, Icons.instanceStatus(instance.statusCode()), title);
        heading.setAlignment(Pos.CENTER_LEFT);
        GridPane facts = new GridPane();
        facts.setHgap(16);
        facts.setVgap(6);
        int row = 0;
        for (OverviewViewModel.Fact fact : model.facts()) {
            Label name = new Label(fact.label());
            name.getStyleClass().add("fact-name");
            Label text = new Label(fact.value());
            text.setWrapText(true);
            facts.addRow(row++, name, text);
        }
        VBox content = new VBox(12, heading, facts);
        content.setPadding(new Insets(16));
        content.getStyleClass().add("instance-summary");
        if (model.running()) {
            content.getChildren().add(live.node());
        }
        if (history != null) {
            // Stopped instances too: what they did while they ran stays recorded.
            content.getChildren().add(history.node());
        }
        // A new page in the same scroll pane, at the same place (replacing its children would scroll to the top).
        double position = scroll.getVvalue();
        scroll.setContent(content);
        scroll.setVvalue(position);
        live.setActive(shown && model.running());
    }

    @Override
    public void shownChanged(boolean nowShown) {
        shown = nowShown;
        live.setActive(shown && model.running());
        if (history != null) {
            history.setActive(shown);
        }
    }

    @Override
    public void dispose() {
        i18n.localeProperty().removeListener(relabel);
        live.stop();
        if (history != null) {
            history.setActive(false);
        }
    }
}
