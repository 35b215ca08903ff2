package dev.hako.ui.view.instance;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.InstanceState;
import dev.hako.model.RemoteModel;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskRunner;
import dev.hako.ui.view.FactSheet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
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
 * CPU, memory, network and processes of a running instance from its state
 * endpoint, refreshed every 2 s only while its view is on screen, with charts of
 * the last 10 minutes.
 */
final class LiveFigures {

    private static final Duration PERIOD = Duration.seconds(2);
    private static final int POINTS = 300;

    private final RemoteModel remote;
    private final String instance;
    private final I18n i18n;
    private final Timeline timer;
    private final VBox node = new VBox(8);
    private final Label cpu = new Label("—");
    private final Label memory = new Label("—");
    private final Label network = new Label("—");
    private final Label processes = new Label("—");
    private final Label addresses = new Label("—");
    private final Label disk = new Label("—");
    private final XYChart.Series<Number, Number> cpuSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> memorySeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> rxSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> txSeries = new XYChart.Series<>();
    private boolean loading;
    private long sample;
    private long lastCpu = -1;
    private long lastRx = -1;
    private long lastTx = -1;
    private long lastAt;

    LiveFigures(RemoteModel remote, String instance, I18n i18n) {
        this.remote = remote;
        this.instance = instance;
        this.i18n = i18n;
        node.setId("liveFigures");
        GridPane facts = new GridPane();
        facts.setHgap(16);
        facts.setVgap(6);
        int row = 0;
        for (var pair : List.of(Map.entry("live.addresses", addresses), Map.entry("live.cpu", cpu),
                Map.entry("live.memory", memory), Map.entry("live.network", network),
                Map.entry("live.processes", processes), Map.entry("live.disk", disk))) {
            Label name = new Label(i18n.get(pair.getKey()));
            name.getStyleClass().add("fact-name");
            facts.addRow(row++, name, pair.getValue());
        }
        cpuSeries.setName(i18n.get("live.cpu"));
        memorySeries.setName(i18n.get("live.memoryMiB"));
        rxSeries.setName(i18n.get("live.rx"));
        txSeries.setName(i18n.get("live.tx"));
        HBox charts = new HBox(8, chart(cpuSeries), chart(memorySeries), chart(rxSeries, txSeries));
        charts.setPadding(new Insets(4, 0, 0, 0));
        Label heading = new Label(i18n.get("live.title"));
        heading.getStyleClass().add("title-4");
        node.getChildren().addAll(heading, facts, charts);
        timer = new Timeline(new KeyFrame(PERIOD, e -> refresh()));
        timer.setCycleCount(Timeline.INDEFINITE);
    }

    @SafeVarargs
    private static LineChart<Number, Number> chart(XYChart.Series<Number, Number>... series) {
        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(false);
        x.setTickLabelsVisible(false);
        x.setTickMarkVisible(false);
        NumberAxis y = new NumberAxis();
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setPrefSize(240, 160);
        chart.getData().addAll(series);
        chart.getStyleClass().add("live-chart");
        return chart;
    }

    Node node() {
        return node;
    }

    void setActive(boolean active) {
        if (active) {
            refresh();
            timer.play();
        } else {
            timer.stop();
        }
    }

    private void refresh() {
        LxdClient client = remote.client();
        if (loading || client == null) {
            return;
        }
        loading = true;
        TaskRunner.run(() -> client.instances().state(instance), state -> {
            loading = false;
            show(state);
        }, failure -> loading = false);
    }

    private void show(InstanceState state) {
        long now = System.nanoTime();
        double seconds = lastAt == 0 ? 0 : (now - lastAt) / 1e9;
        lastAt = now;
        sample++;
        List<String> ips = new ArrayList<>();
        long rx = 0;
        long tx = 0;
        if (state.network() != null) {
            for (var entry : state.network().entrySet()) {
                if (entry.getKey().equals("lo")) {
                    continue;
                }
                if (entry.getValue().addresses() != null) {
                    entry.getValue().addresses().stream().filter(a -> "global".equals(a.scope()))
                            .forEach(a -> ips.add(a.address() + " (" + entry.getKey() + ")"));
                }
                if (entry.getValue().counters() != null) {
                    rx += entry.getValue().counters().bytesReceived();
                    tx += entry.getValue().counters().bytesSent();
                }
            }
        }
        addresses.setText(ips.isEmpty() ? i18n.get("live.none") : String.join(", ", ips));
        long cpuNow = state.cpu() == null ? -1 : state.cpu().usage();
        if (cpuNow >= 0 && lastCpu >= 0 && seconds > 0) {
            // Counters restart with the instance: never show a negative load.
            double percent = Math.max(0, (cpuNow - lastCpu) / 1e9 / seconds * 100);
            cpu.setText(String.format(i18n.locale(), "%.1f %%", percent));
            add(cpuSeries, percent);
        } else if (cpuNow < 0) {
            cpu.setText(i18n.get("live.none"));
        }
        lastCpu = cpuNow;
        long memoryUsage = state.memory() == null ? 0 : state.memory().usage();
        memory.setText(FactSheet.bytes(memoryUsage));
        add(memorySeries, memoryUsage / 1048576.0);
        if (lastRx >= 0 && seconds > 0) {
            double rxRate = Math.max(0, (rx - lastRx) / 1024.0 / seconds);
            double txRate = Math.max(0, (tx - lastTx) / 1024.0 / seconds);
            network.setText(String.format(i18n.locale(), "↓ %.1f KiB/s  ↑ %.1f KiB/s", rxRate, txRate));
            add(rxSeries, rxRate);
            add(txSeries, txRate);
        }
        lastRx = rx;
        lastTx = tx;
        processes.setText(state.processes() < 0 ? i18n.get("live.none") : Long.toString(state.processes()));
        long diskUsage = state.disk() == null ? 0 : state.disk().values().stream()
                .mapToLong(InstanceState.Disk::usage).sum();
        disk.setText(FactSheet.bytes(diskUsage));
    }

    private void add(XYChart.Series<Number, Number> series, double value) {
        series.getData().add(new XYChart.Data<>(sample, value));
        if (series.getData().size() > POINTS) {
            series.getData().remove(0);
        }
    }

    void stop() {
        timer.stop();
    }
}
