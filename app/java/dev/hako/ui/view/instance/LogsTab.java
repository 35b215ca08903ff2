package dev.hako.ui.view.instance;

import dev.hako.lxd.api.Instance;
import dev.hako.ui.common.I18n;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/**
 * The instance's log files: one shown as numbered lines, error lines marked, re-read every
 * two seconds while followed and on screen (nothing is read while the tab is hidden),
 * searched, and saved to a file. Thin: the state is {@link LogsViewModel}'s.
 */
final class LogsTab implements InstanceTab {

    static final Duration FOLLOW_EVERY = Duration.seconds(2);

    private final I18n i18n;
    private final LogsViewModel model;
    private final Tab tab = new Tab();
    private final ChoiceBox<String> files = new ChoiceBox<>();
    private final ListView<LogsViewModel.LogLine> list = new ListView<>();
    private final Label placeholder = new Label();
    private final Label failedStart = new Label();
    private final TextField search = new TextField();
    private final Label matchText = new Label();
    private final CheckBox follow = new CheckBox();
    private final Map<javafx.scene.control.Labeled, String> labels = new LinkedHashMap<>();
    private final ChangeListener<Locale> relabel = (language, was, now) -> relabel();
    private final Timeline ticks = new Timeline(new KeyFrame(FOLLOW_EVERY, e -> tick()));
    private boolean shown;

    LogsTab(InstanceContext context, Instance instance) {
        this.i18n = context.i18n();
        this.model = new LogsViewModel(context.remote(), context.instanceName(), i18n, context.tasks(),
                context.dialogs());
        model.setStopped(!instance.running());
        ticks.setCycleCount(Timeline.INDEFINITE);
        tab.setId("logsTab");
        list.setId("logLines");
        list.getStyleClass().add("log-lines");
        list.setPlaceholder(placeholder);
        list.setItems(model.lines());
        list.setCellFactory(v -> new LineCell());
        files.setId("logFiles");
        files.setMinWidth(120);
        files.setItems(model.files());
        files.valueProperty().bindBidirectional(model.fileProperty());
        follow.setId("logFollow");
        follow.selectedProperty().bindBidirectional(model.followProperty());
        follow.selectedProperty().addListener((obs, was, now) -> updateTicks());
        search.setId("logSearch");
        search.textProperty().bindBidirectional(model.queryProperty());
        search.setOnAction(e -> model.nextMatch());
        search.setPrefColumnCount(18);
        matchText.setId("logMatch");
        Button previous = button("logPrevious", "logs.previous", model::previousMatch);
        Button next = button("logNext", "logs.next", model::nextMatch);
        previous.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.matches()));
        next.disableProperty().bind(previous.disableProperty());
        Button save = button("logSave", "logs.save", this::chooseSave);
        save.disableProperty().bind(model.fileProperty().isNull());
        Button refresh = button("logRefresh", "logs.refresh", model::reload);
        Label fileLabel = label("logs.file");
        FlowPane bar = new FlowPane(8, 8, fileLabel, files, follow, refresh, save, search, previous, next, matchText);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        failedStart.setId("logFailedStart");
        failedStart.getStyleClass().add("log-failed-start");
        failedStart.setWrapText(true);
        failedStart.setMaxWidth(Double.MAX_VALUE);
        failedStart.visibleProperty().bind(model.failedStartProperty());
        failedStart.managedProperty().bind(failedStart.visibleProperty());
        BorderPane pane = new BorderPane(list);
        pane.setTop(new VBox(bar, failedStart));
        tab.setContent(pane);
        // Tests reach the model, and whether the follow timer runs, through the node.
        pane.getProperties().put(LogsViewModel.class, model);
        pane.getProperties().put("hako.logs.following",
                (java.util.function.BooleanSupplier) () -> ticks.getStatus() == javafx.animation.Animation.Status.RUNNING);
        tab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected && shown) {
                model.reload();
            }
            updateTicks();
        });
        model.failureProperty().addListener((obs, was, now) -> placeholder.setText(model.placeholderText()));
        model.errorsProperty().addListener((obs, was, now) -> relabelFailedStart());
        model.failedStartProperty().addListener((obs, was, now) -> showFirstError());
        model.lines().addListener((ListChangeListener<LogsViewModel.LogLine>) c -> linesChanged());
        model.matches().addListener((ListChangeListener<Integer>) c -> updateMatch());
        model.currentProperty().addListener((obs, was, now) -> {
            updateMatch();
            if (now.intValue() >= 0) {
                list.scrollTo(Math.max(0, now.intValue() - 3));
                list.getSelectionModel().select(now.intValue());
            }
        });
        i18n.localeProperty().addListener(relabel);
        relabel();
    }

    private Button button(String id, String key, Runnable action) {
        Button button = new Button();
        button.setId(id);
        button.setOnAction(e -> action.run());
        labels.put(button, key);
        return button;
    }

    private Label label(String key) {
        Label label = new Label();
        labels.put(label, key);
        return label;
    }

    private void relabel() {
        tab.setText(i18n.get("logs.tab"));
        follow.setText(i18n.get("logs.follow"));
        search.setPromptText(i18n.get("logs.search"));
        placeholder.setText(model.placeholderText());
        labels.forEach((control, key) -> control.setText(i18n.get(key)));
        relabelFailedStart();
        updateMatch();
    }

    private void relabelFailedStart() {
        failedStart.setText(i18n.format("logs.failedStart", model.errorsProperty().get()));
    }

    private void updateMatch() {
        matchText.setText(model.matchText());
        list.refresh();
    }

    /** The log grew while followed: show its end, unless the user is on a match or a failed start. */
    private void linesChanged() {
        if (model.failedStartProperty().get()) {
            showFirstError();
        } else if (model.followProperty().get() && model.currentProperty().get() < 0 && !model.lines().isEmpty()) {
            list.scrollTo(model.lines().size() - 1);
        }
    }

    private void showFirstError() {
        int first = model.firstError();
        if (model.failedStartProperty().get() && first >= 0) {
            list.scrollTo(Math.max(0, first - 3));
        }
    }

    private void chooseSave() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.format("logs.saveTitle", model.fileProperty().get()));
        chooser.setInitialFileName(model.suggestedFileName());
        File target = chooser.showSaveDialog(tab.getTabPane() == null ? null : tab.getTabPane().getScene().getWindow());
        if (target != null) {
            model.saveTo(target.toPath());
        }
    }

    private void tick() {
        if (shown && tab.isSelected() && model.followProperty().get()) {
            model.read();
        }
    }

    /** Reads repeat only while the tab is on screen and followed. */
    private void updateTicks() {
        if (shown && tab.isSelected() && model.followProperty().get()) {
            ticks.play();
        } else {
            ticks.stop();
        }
    }

    /** The model, for tests that drive the tab. */
    LogsViewModel model() {
        return model;
    }

    @Override
    public Tab tab() {
        return tab;
    }

    @Override
    public void instanceChanged(Instance changed) {
        model.setStopped(!changed.running());
        // A start (or a failed one) writes to the log: read it again when it is on screen.
        if (shown && tab.isSelected()) {
            model.reload();
        }
    }

    @Override
    public void shownChanged(boolean nowShown) {
        boolean was = shown;
        shown = nowShown;
        if (nowShown && !was && tab.isSelected()) {
            model.reload();
        }
        updateTicks();
    }

    @Override
    public void dispose() {
        ticks.stop();
        i18n.localeProperty().removeListener(relabel);
        model.cancel();
    }

    /** A numbered line; errors and search matches carry a style class each (both themes style them). */
    private final class LineCell extends ListCell<LogsViewModel.LogLine> {
        @Override
        protected void updateItem(LogsViewModel.LogLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll("log-error", "log-match", "log-current");
            if (empty || line == null) {
                setText(null);
                return;
            }
            setText(String.format("%5d  %s", line.number(), line.text()));
            if (line.error()) {
                getStyleClass().add("log-error");
            }
            if (model.matches(line)) {
                getStyleClass().add(getIndex() == model.currentProperty().get() ? "log-current" : "log-match");
            }
        }
    }
}
