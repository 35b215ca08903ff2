package dev.hako.ui.view.instance;

import dev.hako.lxd.api.Instance;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.Icons;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The instance's main facts, as {@code lxc info} opens with them. */
final class OverviewTab implements InstanceTab {

    private final I18n i18n;
    private final Tab tab = new Tab();
    private final VBox content = new VBox(12);
    private final LiveFigures live;
    private boolean shown;
    private boolean running;

    OverviewTab(InstanceContext context, Instance instance) {
        this.i18n = context.i18n();
        this.live = new LiveFigures(context.remote(), context.instanceName(), i18n);
        tab.setText(i18n.get("instance.tab.overview"));
        content.setPadding(new Insets(16));
        content.getStyleClass().add("instance-summary");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        tab.setContent(scroll);
        instanceChanged(instance);
    }

    @Override
    public Tab tab() {
        return tab;
    }

    @Override
    public void instanceChanged(Instance instance) {
        Label title = new Label(instance.name());
        title.getStyleClass().add("title-2");
        title.setId("summaryTitle");
        HBox heading = new HBox(8, Icons.instanceStatus(instance.statusCode()), title);
        heading.setAlignment(Pos.CENTER_LEFT);

        GridPane facts = new GridPane();
        facts.setHgap(16);
        facts.setVgap(6);
        int row = 0;
        row = add(facts, row, "instance.status", statusText(instance));
        row = add(facts, row, "instance.type", instance.type());
        row = add(facts, row, "instance.architecture", instance.architecture());
        row = add(facts, row, "instance.image", instance.config() == null ? null
                : instance.config().get("image.description"));
        row = add(facts, row, "instance.profiles", instance.profiles() == null ? null
                : String.join(", ", instance.profiles()));
        row = add(facts, row, "instance.created", date(instance.createdAt()));
        row = add(facts, row, "instance.lastUsed", date(instance.lastUsedAt()));
        // Standalone servers report the location "none".
        row = add(facts, row, "instance.location", "none".equals(instance.location()) ? null : instance.location());
        add(facts, row, "instance.description", instance.description());
        content.getChildren().setAll(heading, facts);
        running = instance.running();
        if (running) {
            content.getChildren().add(live.node());
        }
        live.setActive(shown && running);
    }

    @Override
    public void shownChanged(boolean nowShown) {
        shown = nowShown;
        live.setActive(shown && running);
    }

    @Override
    public void dispose() {
        live.stop();
    }

    private String statusText(Instance instance) {
        String key = "status." + instance.status().toLowerCase(java.util.Locale.ROOT);
        String text = i18n.get(key);
        return text.startsWith("!") ? instance.status() : text;
    }

    private String date(OffsetDateTime time) {
        // The server reports "never" as the zero time 0001-01-01.
        if (time == null || time.getYear() <= 1) {
            return i18n.get("instance.never");
        }
        return time.atZoneSameInstant(java.time.ZoneId.systemDefault())
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(i18n.locale()));
    }

    private int add(GridPane grid, int row, String key, String value) {
        if (value == null || value.isBlank()) {
            return row;
        }
        Label name = new Label(i18n.get(key));
        name.getStyleClass().add("fact-name");
        Label text = new Label(value);
        text.setWrapText(true);
        grid.addRow(row, name, text);
        return row + 1;
    }
}
