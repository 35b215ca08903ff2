package dev.hako.ui.view;

import dev.hako.ui.common.I18n;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The building blocks of the read-only detail views: a title, label/value rows,
 * key/value tables and lists. Empty values are left out rather than shown blank.
 */
public final class FactSheet {

    private final I18n i18n;
    private final VBox content = new VBox(12);
    private GridPane grid;
    private int row;

    public FactSheet(I18n i18n, String title, Node icon) {
        this.i18n = i18n;
        content.setPadding(new Insets(16));
        content.getStyleClass().add("fact-sheet");
        if (title != null && !title.isEmpty()) {
            Label heading = new Label(title, icon);
            heading.getStyleClass().add("title-3");
            heading.setId("detailTitle");
            content.getChildren().add(heading);
        }
        newGrid();
    }

    private void newGrid() {
        grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        row = 0;
        content.getChildren().add(grid);
    }

    /** A label/value row; skipped when the value is empty. */
    public FactSheet fact(String key, String value) {
        if (value == null || value.isBlank()) {
            return this;
        }
        Label name = new Label(i18n.get(key));
        name.getStyleClass().add("fact-name");
        Label text = new Label(value);
        text.setWrapText(true);
        grid.addRow(row++, name, text);
        return this;
    }

    /** A row holding any node (a usage bar, a link). */
    public FactSheet fact(String key, Node value) {
        Label name = new Label(i18n.get(key));
        name.getStyleClass().add("fact-name");
        grid.addRow(row++, name, value);
        return this;
    }

    public FactSheet section(String key) {
        Label heading = new Label(i18n.get(key));
        heading.getStyleClass().add("title-4");
        content.getChildren().add(heading);
        newGrid();
        return this;
    }

    /** A sorted two-column table of a config map. */
    public FactSheet keyValues(String key, Map<String, String> values) {
        if (values == null || values.isEmpty()) {
            return this;
        }
        section(key);
        TableView<Map.Entry<String, String>> table = new TableView<>();
        table.getStyleClass().add("key-values");
        table.getItems().setAll(new TreeMap<>(values).entrySet());
        TableColumn<Map.Entry<String, String>, String> k = new TableColumn<>(i18n.get("view.key"));
        k.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getKey()));
        k.setPrefWidth(260);
        TableColumn<Map.Entry<String, String>, String> v = new TableColumn<>(i18n.get("view.value"));
        v.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue()));
        v.setPrefWidth(360);
        table.getColumns().setAll(java.util.List.of(k, v));
        fitRows(table, values.size(), 12);
        content.getChildren().add(table);
        return this;
    }

    /** Devices: one small table per device. */
    public FactSheet devices(String key, Map<String, Map<String, String>> devices) {
        if (devices == null || devices.isEmpty()) {
            return this;
        }
        section(key);
        new TreeMap<>(devices).forEach((name, settings) -> {
            Label device = new Label(name + "  (" + settings.getOrDefault("type", "?") + ")");
            device.getStyleClass().add("text-bold");
            content.getChildren().add(device);
            GridPane table = new GridPane();
            table.setHgap(16);
            table.setPadding(new Insets(0, 0, 0, 16));
            int r = 0;
            for (var e : new TreeMap<>(settings).entrySet()) {
                if (!e.getKey().equals("type")) {
                    table.addRow(r++, new Label(e.getKey()), new Label(e.getValue()));
                }
            }
            content.getChildren().add(table);
        });
        return this;
    }

    /** A list of strings (used-by URLs shown as their object names). */
    public FactSheet list(String key, List<String> items) {
        if (items == null || items.isEmpty()) {
            return this;
        }
        section(key);
        VBox list = new VBox(2);
        for (String item : items) {
            list.getChildren().add(new Label("• " + item));
        }
        content.getChildren().add(list);
        return this;
    }

    /** A read-only text column computed from each row. */
    public static <T> TableColumn<T, String> column(String title, double width,
                                                    java.util.function.Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    /** Sizes a table to show up to {@code max} rows without an inner scroll bar. */
    public static void fitRows(TableView<?> table, int rows, int max) {
        table.setFixedCellSize(28);
        double height = Math.min(max, Math.max(1, rows)) * 28 + 46;
        table.setPrefHeight(height);
        table.setMinHeight(height);
    }

    public FactSheet node(Node node) {
        content.getChildren().add(node);
        return this;
    }

    public Node build() {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** The sheet without a scroll pane, for a view that keeps its own (and its position) across redraws. */
    public Node content() {
        return content;
    }

    public String date(OffsetDateTime time) {
        return i18n.dateTime(time, "instance.never");
    }

    /** Bytes in the binary units the server uses (KiB, MiB, GiB …). */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** "/1.0/instances/c1?project=x" → "instances/c1 (x)". */
    public static List<String> usedBy(List<String> urls) {
        if (urls == null) {
            return List.of();
        }
        return urls.stream().map(url -> {
            String path = url.startsWith("/1.0/") ? url.substring(5) : url;
            int q = path.indexOf('?');
            String suffix = q < 0 ? "" : " (" + path.substring(q + 1).replace("project=", "") + ")";
            return java.net.URLDecoder.decode(q < 0 ? path : path.substring(0, q),
                    java.nio.charset.StandardCharsets.UTF_8) + suffix;
        }).toList();
    }
}
