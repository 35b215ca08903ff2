package dev.hako.ui.view.instance;

import dev.hako.ui.common.I18n;
import java.util.List;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Shows the live figures of a running instance, refreshed every 2 s only while its view
 * is on screen, with charts of the last 10 minutes. Relabels in place: the charts keep
 * their history through a language switch.
 */
final class LiveFigures {

    private static final Duration PERIOD = Duration.seconds(2);

    private final LiveFiguresViewModel model;
    private final I18n i18n;
    private final Timeline timer;
    private final VBox node = new VBox(8);
    private final Label heading = new Label();
    private final Label cpu = new Label("—");
    private final Label memory = new Label("—");
    private final Label network = new Label("—");
    private final Label processes = new Label("—");
    private final Label addresses = new Label("—");
    private final Label disk = new Label("—");
    private final Map<String, Label> names = new java.util.LinkedHashMap<>();
    private final XYChart.Series<Number, Number> cpuSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> memorySeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> rxSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> txSeries = new XYChart.Series<>();
    private final LineChart<Number, Number> cpuChart;
    private final LineChart<Number, Number> memoryChart;
    private final LineChart<Number, Number> networkChart;

    LiveFigures(LiveFiguresViewModel model) {
        this.model = model;
        this.i18n = model.i18n();
        node.setId("liveFigures");
        GridPane facts = new GridPane();
        facts.setHgap(16);
        facts.setVgap(6);
        int row = 0;
        for (var pair : List.of(Map.entry("live.addresses", addresses), Map.entry("live.cpu", cpu),
                Map.entry("live.memory", memory), Map.entry("live.network", network),
                Map.entry("live.processes", processes), Map.entry("live.disk", disk))) {
            Label name = new Label();
            name.getStyleClass().add("fact-name");
            names.put(pair.getKey(), name);
            facts.addRow(row++, name, pair.getValue());
        }
        // Named before they join a chart: the legend takes its entries from the series then.
        rxSeries.setName(i18n.get("live.rx"));
        txSeries.setName(i18n.get("live.tx"));
        cpuChart = chart("liveCpuChart", cpuSeries);
        memoryChart = chart("liveMemoryChart", memorySeries);
        networkChart = chart("liveNetworkChart", rxSeries, txSeries);
        HBox charts = new HBox(8, cpuChart, memoryChart, networkChart);
        charts.setPadding(new Insets(4, 0, 0, 0));
        heading.getStyleClass().add("title-4");
        // The charts first: they are what a look at a busy instance is for, and stay above the fold.
        node.getChildren().addAll(heading, charts, facts);
        model.latestProperty().addListener((obs, was, now) -> show(now));
        model.history().addListener((ListChangeListener<LiveFiguresViewModel.Figures>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::plot);
            }
        });
        relabel();
        timer = new Timeline(new KeyFrame(PERIOD, e -> model.refresh()));
        timer.setCycleCount(Timeline.INDEFINITE);
    }

    @SafeVarargs
    private static LineChart<Number, Number> chart(String id, XYChart.Series<Number, Number>... series) {
        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(false);
        x.setTickLabelsVisible(false);
        x.setTickMarkVisible(false);
        NumberAxis y = new NumberAxis();
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        // JavaFX draws a legend only when 200 px are left for the plot besides it and the title.
        chart.setPrefSize(250, 285);
        chart.getData().addAll(series);
        chart.getStyleClass().add("live-chart");
        chart.setLegendVisible(series.length > 1);
        chart.setLegendSide(javafx.geometry.Side.TOP);
        return chart;
    }

    Node node() {
        return node;
    }

    /** Names, legends and the last figures in the window's language; the charts' points stay. */
    void relabel() {
        heading.setText(i18n.get("live.title"));
        names.forEach((key, label) -> label.setText(i18n.get(key)));
        cpuSeries.setName(i18n.get("live.cpu"));
        memorySeries.setName(i18n.get("live.memoryMiB"));
        rxSeries.setName(i18n.get("live.rx"));
        txSeries.setName(i18n.get("live.tx"));
        // What each chart is, its unit, and its time axis: a point every PERIOD, newest on the right.
        String time = i18n.format("live.axis.time", (int) PERIOD.toSeconds());
        label(cpuChart, "live.chart.cpu", "live.axis.cpu", time);
        label(memoryChart, "live.chart.memory", "live.axis.memory", time);
        label(networkChart, "live.chart.network", "live.axis.network", time);
        if (model.latestProperty().get() != null) {
            show(model.latestProperty().get());
        }
    }

    private void label(LineChart<Number, Number> chart, String titleKey, String unitKey, String time) {
        chart.setTitle(i18n.get(titleKey));
        chart.getYAxis().setLabel(i18n.get(unitKey));
        chart.getXAxis().setLabel(time);
    }

    void setActive(boolean active) {
        if (active) {
            model.refresh();
            timer.play();
        } else {
            timer.stop();
        }
    }

    void stop() {
        timer.stop();
        model.stop();
    }

    private void show(LiveFiguresViewModel.Figures figures) {
        addresses.setText(model.addressesText(figures));
        setIfKnown(cpu, model.cpuText(figures));
        memory.setText(model.memoryText(figures));
        setIfKnown(network, model.networkText(figures));
        processes.setText(model.processesText(figures));
        disk.setText(model.diskText(figures));
    }

    private static void setIfKnown(Label label, String text) {
        if (text != null) {
            label.setText(text);
        }
    }

    private void plot(LiveFiguresViewModel.Figures figures) {
        if (figures.cpuPercent() != null) {
            cpuSeries.getData().add(new XYChart.Data<>(figures.sample(), figures.cpuPercent()));
        }
        memorySeries.getData().add(new XYChart.Data<>(figures.sample(), figures.memoryBytes() / 1048576.0));
        if (figures.rxKiBps() != null) {
            rxSeries.getData().add(new XYChart.Data<>(figures.sample(), figures.rxKiBps()));
            txSeries.getData().add(new XYChart.Data<>(figures.sample(), figures.txKiBps()));
        }
        for (var series : List.of(cpuSeries, memorySeries, rxSeries, txSeries)) {
            if (series.getData().size() > LiveFiguresViewModel.POINTS) {
                series.getData().remove(0);
            }
        }
    }
}
