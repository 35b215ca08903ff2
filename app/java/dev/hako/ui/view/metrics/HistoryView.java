package dev.hako.ui.view.metrics;

import dev.hako.model.metrics.MetricPoint;
import dev.hako.model.metrics.MetricRange;
import dev.hako.model.metrics.MetricSeries;
import dev.hako.ui.common.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Charts of recorded figures (CPU, memory, network, disk) over a chosen range, in the style
 * of the live charts; for a remote's total also the recording switch. Drawn from the view
 * model's series; relabelled in place on a language switch.
 */
public final class HistoryView {

    private final HistoryViewModel model;
    private final I18n i18n;
    private final VBox node = new VBox(8);
    private final Label heading = new Label();
    private final Label status = new Label();
    private final Label empty = new Label();
    private final CheckBox record = new CheckBox();
    private final List<ToggleButton> ranges = new ArrayList<>();
    private final Chart cpu = new Chart("historyCpuChart", 1);
    private final Chart memory = new Chart("historyMemoryChart", 1);
    private final Chart network = new Chart("historyNetworkChart", 2);
    private final Chart disk = new Chart("historyDiskChart", 2);
    private final ChangeListener<Locale> relabel = (o, was, now) -> relabel();

    public HistoryView(HistoryViewModel model) {
        this.model = model;
        this.i18n = model.i18n();
        node.setId(model.forInstance() ? "instanceHistory" : "remoteHistory");
        node.getStyleClass().add("metric-history");
        heading.getStyleClass().add("title-4");
        status.setWrapText(true);
        status.getStyleClass().add("text-muted");
        status.setId("historyStatus");
        empty.getStyleClass().add("text-muted");
        empty.setId("historyEmpty");
        record.setId("historyRecord");
        record.selectedProperty().bindBidirectional(model.recordingOnProperty());
        ToggleGroup group = new ToggleGroup();
        HBox rangeBar = new HBox();
        rangeBar.getStyleClass().add("segmented");
        for (MetricRange range : MetricRange.values()) {
            ToggleButton button = new ToggleButton();
            button.setUserData(range);
            button.setId("historyRange-" + range.name());
            button.setToggleGroup(group);
            button.setSelected(range == model.rangeProperty().get());
            ranges.add(button);
            rangeBar.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                model.rangeProperty().set((MetricRange) now.getUserData());
            }
        });
        HBox top = new HBox(12, heading);
        top.setAlignment(Pos.CENTER_LEFT);
        if (!model.forInstance()) {
            top.getChildren().add(record);
        }
        FlowPane charts = new FlowPane(8, 8, cpu.chart, memory.chart, network.chart, disk.chart);
        node.getChildren().addAll(top, status, rangeBar, empty, charts);
        model.seriesProperty().addListener((o, was, now) -> draw());
        model.recordingOnProperty().addListener((o, was, now) -> showStatus());
        model.readFailureProperty().addListener((o, was, now) -> showStatus());
        model.serverFailureProperty().addListener((o, was, now) -> showStatus());
        relabel();
    }

    public Node node() {
        return node;
    }

    /** On screen or not: reads and listens only while it is. */
    public void setActive(boolean active) {
        if (active) {
            i18n.localeProperty().addListener(relabel);
            relabel();
        } else {
            i18n.localeProperty().removeListener(relabel);
        }
        model.setActive(active);
    }

    private void relabel() {
        heading.setText(i18n.get(model.forInstance() ? "metrics.title" : "metrics.total"));
        record.setText(i18n.get("metrics.record"));
        for (ToggleButton button : ranges) {
            button.setText(i18n.get(((MetricRange) button.getUserData()).key()));
        }
        cpu.label("metrics.chart.cpu", "metrics.axis.cpu", "live.cpu");
        memory.label("metrics.chart.memory", "metrics.axis.memory", "live.memory");
        network.label("metrics.chart.network", "metrics.axis.rate", "metrics.rx", "metrics.tx");
        labelDisk();
        showStatus();
        draw();
    }

    private void labelDisk() {
        if (model.diskShowsSpace()) {
            disk.label("metrics.chart.diskSpace", "metrics.axis.space", "metrics.used");
        } else {
            disk.label("metrics.chart.disk", "metrics.axis.rate", "metrics.read", "metrics.written");
        }
    }

    private void showStatus() {
        status.setText(model.statusText());
    }

    private void draw() {
        MetricSeries series = model.seriesProperty().get();
        String none = model.emptyText();
        empty.setText(none == null ? "" : none);
        empty.setVisible(none != null);
        empty.setManaged(none != null);
        showStatus();
        if (series == null) {
            return;
        }
        labelDisk();
        cpu.plot(series, HistoryViewModel.CPU);
        memory.plot(series, HistoryViewModel.MEMORY);
        network.plot(series, HistoryViewModel.RX, HistoryViewModel.TX);
        if (model.diskShowsSpace()) {
            disk.plot(series, HistoryViewModel.USED);
        } else {
            disk.plot(series, HistoryViewModel.READ, HistoryViewModel.WRITTEN);
        }
    }

    /** One chart with its series, time axis from the range's start to its end. */
    private final class Chart {
        private final NumberAxis time = new NumberAxis();
        private final LineChart<Number, Number> chart;
        private final List<XYChart.Series<Number, Number>> lines = new ArrayList<>();

        Chart(String id, int count) {
            time.setAutoRanging(false);
            time.setMinorTickVisible(false);
            formatTimes();
            NumberAxis values = new NumberAxis();
            values.setForceZeroInRange(true);
            chart = new LineChart<>(time, values);
            chart.setId(id);
            chart.setAnimated(false);
            chart.setCreateSymbols(false);
            // Four side by side in a wide window, two by two in a narrow one.
            chart.setPrefSize(260, 230);
            chart.getStyleClass().addAll("live-chart", "history-chart");
            for (int i = 0; i < count; i++) {
                XYChart.Series<Number, Number> line = new XYChart.Series<>();
                lines.add(line);
            }
            chart.getData().addAll(lines);
            chart.setLegendSide(Side.TOP);
        }

        /** A new formatter each time: the axis formats its labels again only when it gets one. */
        private void formatTimes() {
            time.setTickLabelFormatter(new StringConverter<>() {
                @Override
                public String toString(Number value) {
                    return model.timeText(value.doubleValue());
                }

                @Override
                public Number fromString(String text) {
                    return 0;
                }
            });
        }

        void label(String titleKey, String unitKey, String... lineKeys) {
            formatTimes();
            chart.setTitle(i18n.get(titleKey));
            chart.getYAxis().setLabel(i18n.get(unitKey));
            for (int i = 0; i < lines.size(); i++) {
                lines.get(i).setName(i < lineKeys.length ? i18n.get(lineKeys[i]) : "");
            }
            chart.setLegendVisible(lines.size() > 1 && lineKeys.length > 1);
        }

        @SafeVarargs
        final void plot(MetricSeries series, ToDoubleFunction<MetricPoint>... values) {
            time.setLowerBound(series.from());
            time.setUpperBound(series.to());
            time.setTickUnit(Math.max(1, (series.to() - series.from()) / 5.0));
            for (int i = 0; i < lines.size(); i++) {
                List<XYChart.Data<Number, Number>> data = new ArrayList<>();
                if (i < values.length) {
                    for (MetricPoint point : series.points()) {
                        double v = values[i].applyAsDouble(point);
                        if (!Double.isNaN(v)) {
                            data.add(new XYChart.Data<>(point.time(), v));
                        }
                    }
                }
                // One replacement a line: a redraw of 500 points is one layout, not 500.
                lines.get(i).getData().setAll(data);
            }
        }
    }
}
