package dev.hako.ui.volumes;

import dev.hako.lxd.api.Instance;
import dev.hako.model.PoolVolume;
import dev.hako.model.volumes.VolumeDisk;
import dev.hako.ui.common.CommandBox;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FormBuilder;
import dev.hako.ui.common.I18n;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The attach-volume and detach-volume forms; they bind an {@link AttachVolumeViewModel} or {@link DetachVolumeViewModel}. */
public final class AttachVolumeDialog {

    private AttachVolumeDialog() {
    }

    /** Shows the attach form; OK attaches, and a refusal brings the form back as typed. */
    static void showAttach(DialogService dialogs, AttachVolumeViewModel model, String cli, String header) {
        I18n i18n = dialogs.i18n();
        ComboBox<Instance> instance = combo("attachInstance", model.instances(), Instance::name);
        instance.valueProperty().bindBidirectional(model.instanceProperty());
        ComboBox<PoolVolume> volume = combo("attachVolume", model.volumes(),
                v -> v.pool() + "/" + v.volume().name() + ("block".equals(v.volume().contentType()) ? " (block)" : ""));
        volume.valueProperty().bindBidirectional(model.volumeProperty());
        TextField device = new TextField();
        device.setId("attachDevice");
        device.textProperty().bindBidirectional(model.deviceProperty());
        device.promptTextProperty().bind(Bindings.createStringBinding(() -> model.volumeProperty().get() == null ? ""
                : model.volumeProperty().get().volume().name(), model.volumeProperty()));
        TextField path = new TextField();
        path.setId("attachPath");
        path.setPromptText("/mnt/data");
        path.textProperty().bindBidirectional(model.pathProperty());
        path.disableProperty().bind(Bindings.createBooleanBinding(model::block, model.volumeProperty()));
        CheckBox readOnly = new CheckBox(i18n.get("volumes.attach.readOnly"));
        readOnly.setId("attachReadOnly");
        readOnly.selectedProperty().bindBidirectional(model.readOnlyProperty());
        GridPane grid = grid();
        grid.addRow(0, new Label(i18n.get("volumes.attach.instance")), instance);
        grid.addRow(1, new Label(i18n.get("volumes.attach.volume")), volume);
        grid.addRow(2, new Label(i18n.get("volumes.attach.device")), device);
        grid.addRow(3, new Label(i18n.get("volumes.attach.path")), path);
        grid.add(readOnly, 1, 4);
        VBox content = form(i18n, grid, hint(i18n.get("volumes.attach.hint")), model, cli, "attachCommand");
        FormBuilder.focusOnShow(content, model.instances().size() == 1 ? volume : instance);
        if (dialogs.showForm(i18n.get("volumes.attach.title"), header, content, model.invalidProperty())
                .filter(ButtonType.OK::equals).isPresent()) {
            model.attach(() -> showAttach(dialogs, model, cli, header));
        }
    }

    /** Shows the detach form. */
    static void showDetach(DialogService dialogs, DetachVolumeViewModel model, String cli) {
        I18n i18n = dialogs.i18n();
        ComboBox<VolumeDisk> disk = combo("detachDevice", model.disks(), d -> i18n.format("volumes.detach.item",
                d.device(), d.pool() + "/" + d.volume(), d.path() == null || d.path().isEmpty() ? "-" : d.path()));
        disk.valueProperty().bindBidirectional(model.diskProperty());
        GridPane grid = grid();
        grid.addRow(0, new Label(i18n.get("volumes.detach.device")), disk);
        VBox content = form(i18n, grid, hint(i18n.get("volumes.detach.hint")), model, cli, "detachCommand");
        if (dialogs.showForm(i18n.get("volumes.detach.title"), i18n.format("volumes.detach.header", model.instance()),
                content, model.invalidProperty()).filter(ButtonType.OK::equals).isPresent()) {
            model.detach(() -> showDetach(dialogs, model, cli));
        }
    }

    static <T> ComboBox<T> combo(String id, java.util.List<T> items, Function<T, String> label) {
        ComboBox<T> box = new ComboBox<>(FXCollections.observableArrayList(items));
        box.setId(id);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : label.apply(item);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        });
        return box;
    }

    static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    static Label hint(String text) {
        Label hint = new Label(text);
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().add("text-muted");
        return hint;
    }

    /** The fields, a hint, the problem (only while there is one) and the equivalent command. */
    static VBox form(I18n i18n, Node fields, Node hint, VolumeForm model, String cli, String commandId) {
        Label problem = new Label();
        problem.setId("formProblem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(model.invalidProperty());
        problem.visibleProperty().bind(model.invalidProperty());
        // A longer problem (or one that appears) needs more room than the dialog had when it opened.
        problem.textProperty().addListener((o, was, now) -> {
            if (problem.getScene() != null && problem.getScene().getWindow() != null) {
                problem.getScene().getWindow().sizeToScene();
            }
        });
        VBox content = new VBox(10, fields, hint, problem, CommandBox.of(i18n, cli, model.commandProperty(), commandId));
        content.setPrefWidth(560);
        return content;
    }
}
