package dev.hako.ui.view.dashboard;

import dev.hako.ui.tree.TreeLocation;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The pieces dashboards are drawn with: cards, links to places in the tree, usage bars. */
final class Cards {

    /** The narrowest a card gets: two fit side by side beside the tree in a window of 1200 px. */
    static final double MIN_CARD_WIDTH = 330;
    static final double GAP = 12;

    private Cards() {
    }

    /** A titled box; its content follows the title. */
    static VBox card(String id, String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("dashboard-card-title");
        VBox card = new VBox(6, heading);
        card.getChildren().addAll(content);
        card.getStyleClass().add("dashboard-card");
        card.setId(id);
        return card;
    }

    /**
     * A pane of cards in as many equal columns as its width holds, each card at least
     * {@link #MIN_CARD_WIDTH} wide; the cards are the pane's children, set by the caller.
     */
    static FlowPane columns() {
        FlowPane pane = new FlowPane(GAP, GAP);
        pane.widthProperty().addListener((o, was, now) -> fit(pane));
        pane.getChildren().addListener((javafx.collections.ListChangeListener<Node>) change -> fit(pane));
        return pane;
    }

    private static void fit(FlowPane pane) {
        double width = pane.getWidth() - pane.snappedLeftInset() - pane.snappedRightInset();
        if (width <= 0) {
            return;
        }
        int columns = Math.max(1, (int) ((width + GAP) / (MIN_CARD_WIDTH + GAP)));
        double each = Math.floor((width - (columns - 1) * GAP) / columns);
        for (Node card : pane.getChildren()) {
            if (card instanceof Region region) {
                region.setMinWidth(each);
                region.setPrefWidth(each);
                region.setMaxWidth(each);
            }
        }
    }

    /** A text that brings a place up in the tree when clicked. */
    static Hyperlink link(String text, TreeLocation place, Consumer<TreeLocation> goTo) {
        Hyperlink link = new Hyperlink(text);
        link.getStyleClass().add("dashboard-link");
        link.setOnAction(e -> {
            link.setVisited(false);
            goTo.accept(place);
        });
        link.setMnemonicParsing(false);
        return link;
    }

    static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        label.setWrapText(true);
        return label;
    }

    static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    /**
     * A bar for a share used and the figures beside it; a share of -1 draws no bar, only the
     * text (which then says the figures are unknown).
     */
    static Node usage(double fraction, String text) {
        Label figures = new Label(text);
        figures.getStyleClass().add("dashboard-usage-text");
        if (fraction < 0) {
            figures.getStyleClass().add("text-muted");
            return figures;
        }
        ProgressBar bar = new ProgressBar(fraction);
        bar.getStyleClass().add("dashboard-usage");
        if (DashboardFigures.nearlyFull(fraction)) {
            bar.getStyleClass().add("dashboard-usage-full");
        }
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setTooltip(new Tooltip(text));
        VBox box = new VBox(2, bar, figures);
        box.setFillWidth(true);
        return box;
    }

    /** A name (often a link) on the left, a short text on the right. */
    static HBox row(Node name, Node detail) {
        HBox row = new HBox(8, name, detail);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(detail, Priority.NEVER);
        return row;
    }
}
