package dev.hako.ui.view.dashboard;

import dev.hako.ui.common.I18n;
import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * The event monitor's table and its filters. Thin: the rows, filters and batching are
 * {@link EventMonitorViewModel}'s. Its streams are open only while it is on screen; every
 * 100 ms on screen the events that arrived are put in the table at once.
 */
final class EventMonitorView {

    static final Duration FLUSH_EVERY = Duration.millis(100);
    /** events.level.debug … events.level.error. */
    private static final String LEVEL_KEYS = "events.level.";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final EventMonitorViewModel model;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final TableView<EventMonitorViewModel.Row> table = new TableView<>();
    private final Label placeholder = new Label();
    private final Label count = new Label();
    private final TextField search = new TextField();
    private final ChoiceBox<EventMonitorViewModel.Level> minLevel = new ChoiceBox<>();
    private final Map<Labeled, String> labels = new LinkedHashMap<>();
    private final Map<TableColumn<EventMonitorViewModel.Row, String>, String> columns = new LinkedHashMap<>();
    private final ChangeListener<Locale> relabel = (o, was, now) -> relabel();
    private final Runnable stop = this::dispose;
    private final Set<Runnable> live;
    private final OnScreen onScreen;
    private boolean scrollPending;

    /** {@code live} holds the monitors on screen, for the window to stop when it closes. */
    EventMonitorView(EventMonitorViewModel model, Set<Runnable> live) {
        this.model = model;
        this.i18n = model.i18n();
        this.live = live;
        root.setId("eventMonitor");
        root.getStyleClass().add("event-monitor");
        // Tests reach the model through the node (whether its streams are open).
        root.getProperties().put(EventMonitorViewModel.class, model);
        table.setId("eventTable");
        table.setPlaceholder(placeholder);
        table.setItems(model.shown());
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        column("events.time", 115, r -> r.time() == null ? ""
                : TIME.format(r.time().atZoneSameInstant(ZoneId.systemDefault())));
        column("events.remote", 80, EventMonitorViewModel.Row::remote);
        column("events.type", 90, EventMonitorViewModel.Row::type);
        column("events.level", 65, EventMonitorViewModel.Row::level);
        column("events.action", 150, EventMonitorViewModel.Row::action);
        column("events.source", 220, EventMonitorViewModel.Row::source);
        column("events.project", 90, EventMonitorViewModel.Row::project);
        column("events.message", 600, EventMonitorViewModel.Row::message);
        table.setRowFactory(t -> new LevelRow());
        CheckBox lifecycle = check("eventsLifecycle", "events.lifecycle");
        lifecycle.selectedProperty().bindBidirectional(model.lifecycleProperty());
        CheckBox operation = check("eventsOperation", "events.operation");
        operation.selectedProperty().bindBidirectional(model.operationProperty());
        CheckBox logging = check("eventsLogging", "events.logging");
        logging.selectedProperty().bindBidirectional(model.loggingProperty());
        minLevel.setId("eventsMinLevel");
        minLevel.setMinWidth(100);
        minLevel.getItems().setAll(EventMonitorViewModel.Level.values());
        minLevel.valueProperty().bindBidirectional(model.minLevelProperty());
        minLevel.disableProperty().bind(logging.selectedProperty().not());
        Label levelLabel = new Label();
        labels.put(levelLabel, "events.minLevel");
        search.setId("eventsSearch");
        search.textProperty().bindBidirectional(model.queryProperty());
        search.setPrefColumnCount(16);
        ToggleButton pause = new ToggleButton();
        pause.setId("eventsPause");
        pause.selectedProperty().bindBidirectional(model.pausedProperty());
        labels.put(pause, "events.pause");
        Button clear = new Button();
        clear.setId("eventsClear");
        clear.setOnAction(e -> model.clear());
        labels.put(clear, "events.clear");
        Button export = new Button();
        export.setId("eventsExport");
        export.setOnAction(e -> chooseExport());
        labels.put(export, "events.export");
        count.setId("eventsCount");
        FlowPane bar = new FlowPane(8, 8, lifecycle, operation, logging, levelLabel, minLevel, search, pause, clear,
                export, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        root.setTop(bar);
        root.setCenter(table);
        model.shown().addListener((ListChangeListener<EventMonitorViewModel.Row>) c -> shownChanged());
        model.pausedProperty().addListener((o, was, now) -> count.setText(model.countText()));
        i18n.localeProperty().addListener(relabel);
        relabel();
        onScreen = new OnScreen(root, FLUSH_EVERY, this::tick, this::shown);
    }

    Node node() {
        return root;
    }

    EventMonitorViewModel model() {
        return model;
    }

    /** New rows: count them, and follow the newest unless the user picked a row to look at. */
    private void shownChanged() {
        count.setText(model.pausedProperty().get() ? i18n.format("events.paused", model.pendingCount())
                : model.countText());
        scrollPending = true;
    }

    private void tick() {
        // Scrolled one tick after the rows came, once the table has laid them out.
        if (scrollPending && table.getSelectionModel().isEmpty() && !model.shown().isEmpty()) {
            table.scrollTo(model.shown().size() - 1);
        }
        scrollPending = false;
        model.syncStreams();
        model.flush();
        if (model.pausedProperty().get()) {
            count.setText(i18n.format("events.paused", model.pendingCount()));
        }
    }

    private void shown(boolean shown) {
        if (shown) {
            live.add(stop);
            model.open();
        } else {
            live.remove(stop);
            model.close();
        }
    }

    /** Closes the streams for good (window close). */
    void dispose() {
        onScreen.stop();
        model.close();
        i18n.localeProperty().removeListener(relabel);
    }

    private CheckBox check(String id, String key) {
        CheckBox box = new CheckBox();
        box.setId(id);
        labels.put(box, key);
        return box;
    }

    private void column(String key, double width, Function<EventMonitorViewModel.Row, String> value) {
        TableColumn<EventMonitorViewModel.Row, String> column = new TableColumn<>();
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        columns.put(column, key);
        table.getColumns().add(column);
    }

    private void relabel() {
        labels.forEach((control, key) -> control.setText(i18n.get(key)));
        columns.forEach((column, key) -> column.setText(i18n.get(key)));
        search.setPromptText(i18n.get("events.search"));
        placeholder.setText(i18n.get("events.none"));
        minLevel.setConverter(new StringConverter<>() {
            @Override
            public String toString(EventMonitorViewModel.Level level) {
                return level == null ? "" : i18n.get(LEVEL_KEYS + level.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public EventMonitorViewModel.Level fromString(String text) {
                return null;
            }
        });
        count.setText(model.countText());
    }

    private void chooseExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("events.exportTitle"));
        chooser.setInitialFileName("events.jsonl");
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("JSON Lines", "*.jsonl", "*.json"));
        File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file != null) {
            model.exportTo(file.toPath());
        }
    }

    /** Rows of error and warning level are tinted (both themes). */
    private static final class LevelRow extends TableRow<EventMonitorViewModel.Row> {
        @Override
        protected void updateItem(EventMonitorViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("event-error", "event-warning");
            if (!empty && row != null && !row.level().isEmpty()) {
                EventMonitorViewModel.Level level = EventMonitorViewModel.Level.of(row.level());
                if (level == EventMonitorViewModel.Level.ERROR) {
                    getStyleClass().add("event-error");
                } else if (level == EventMonitorViewModel.Level.WARNING) {
                    getStyleClass().add("event-warning");
                }
            }
        }
    }
}
