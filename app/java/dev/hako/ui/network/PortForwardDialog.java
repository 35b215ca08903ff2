package dev.hako.ui.network;

import dev.hako.ui.common.CommandBox;
import dev.hako.model.RemoteModel;
import dev.hako.model.network.PortForwarding;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FitToText;
import dev.hako.ui.common.FormBuilder;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * "Forward a port…": the instance's proxy devices, each of its own with Remove, and the
 * form for a new one with the equivalent command; it binds a {@link PortForwardViewModel}.
 */
public final class PortForwardDialog {

    private final I18n i18n;
    private final DialogService dialogs;
    private final PortForwardViewModel model;
    private final String cli;

    private PortForwardDialog(DialogService dialogs, PortForwardViewModel model, String cli) {
        this.i18n = dialogs.i18n();
        this.dialogs = dialogs;
        this.model = model;
        this.cli = cli;
    }

    /** Reads the instance and its host's proxies, then shows the form. */
    public static void open(TaskExecutor tasks, DialogService dialogs, RemoteModel remote, String instance) {
        String cli = (remote.client() != null ? remote.client().kind() : dev.hako.lxd.ServerKind.LXD).cli();
        PortForwardViewModel.open(tasks, dialogs, remote, instance,
                model -> new PortForwardDialog(dialogs, model, cli).show());
    }

    private void show() {
        ButtonType add = new ButtonType(i18n.get("forward.add"), ButtonBar.ButtonData.OK_DONE);
        ButtonType close = new ButtonType(i18n.get("forward.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        if (dialogs.showForm(i18n.get("forward.title"), i18n.format("forward.header", model.instanceName()), content(),
                model.invalidProperty(), add, close).filter(add::equals).isPresent()) {
            model.add(() -> { }, this::show);
        }
    }


    private VBox content() {
        VBox list = new VBox(6);
        list.setId("forwardList");
        Runnable fill = () -> fillList(list);
        fill.run();
        model.existing().addListener((ListChangeListener<PortForwarding.Existing>) c -> fill.run());

        ChoiceBox<String> protocol = new ChoiceBox<>(FXCollections.observableArrayList(PortForwardViewModel.PROTOCOLS));
        protocol.setId("forwardProtocol");
        protocol.valueProperty().bindBidirectional(model.protocolProperty());
        TextField address = field("forwardListenAddress", model.listenAddressProperty(), "forward.listenAddress.prompt");
        TextField listenPort = field("forwardListenPort", model.listenPortProperty(), "forward.port.prompt");
        TextField targetPort = field("forwardTargetPort", model.targetPortProperty(), "forward.port.prompt");
        TextField device = field("forwardDevice", model.deviceProperty(), null);
        CheckBox nat = new CheckBox(i18n.get("forward.nat"));
        nat.setId("forwardNat");
        nat.selectedProperty().bindBidirectional(model.natProperty());
        nat.disableProperty().bind(model.natAvailableProperty().not());
        Label natNote = FitToText.wrapping("");
        natNote.setId("forwardNatNote");
        natNote.getStyleClass().add("text-muted");
        natNote.textProperty().bind(model.natNoteProperty());
        FormBuilder.focusOnShow(listenPort, listenPort);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints wide = new ColumnConstraints();
        wide.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(new ColumnConstraints(), wide);
        grid.addRow(0, new Label(i18n.get("forward.protocol")), protocol);
        grid.addRow(1, new Label(i18n.get("forward.listenAddress")), address);
        grid.addRow(2, new Label(i18n.get("forward.listenPort")), listenPort);
        grid.addRow(3, new Label(i18n.get("forward.targetPort")), targetPort);
        grid.addRow(4, new Label(i18n.get("forward.device")), device);
        grid.add(nat, 1, 5);
        Label addressHint = FitToText.wrapping(i18n.get("forward.listenAddress.hint"));
        addressHint.getStyleClass().add("text-muted");
        Label problem = FitToText.wrapping("");
        problem.setId("formProblem");
        problem.getStyleClass().add("danger");
        problem.textProperty().bind(model.problemProperty());
        // No empty gap while there is nothing to say.
        problem.managedProperty().bind(model.invalidProperty());
        Label existingTitle = new Label(i18n.get("forward.existing"));
        existingTitle.getStyleClass().add("text-bold");
        Label newTitle = new Label(i18n.get("forward.new"));
        newTitle.getStyleClass().add("text-bold");
        VBox content = new VBox(10, existingTitle, list, newTitle, grid, addressHint, natNote, problem,
                CommandBox.of(i18n, cli, model.commandProperty(), "forwardCommand"));
        content.setPrefWidth(600);
        return content;
    }

    private TextField field(String id, javafx.beans.property.StringProperty value, String promptKey) {
        TextField field = new TextField();
        field.setId(id);
        if (promptKey != null) {
            field.setPromptText(i18n.get(promptKey));
        }
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private void fillList(VBox list) {
        list.getChildren().clear();
        if (model.existing().isEmpty()) {
            Label none = new Label(i18n.get("forward.none"));
            none.getStyleClass().add("text-muted");
            list.getChildren().add(none);
            return;
        }
        for (PortForwarding.Existing e : model.existing()) {
            String text = i18n.format(e.nat() ? "forward.row.nat" : "forward.row", e.device(), e.listen(), e.connect());
            Label label = FitToText.wrapping(text);
            label.setId("forwardRow-" + e.device());
            HBox row = new HBox(10, label);
            HBox.setHgrow(label, Priority.ALWAYS);
            if (e.own()) {
                Button remove = new Button(i18n.get("forward.remove"));
                remove.setId("forwardRemove-" + e.device());
                remove.setOnAction(x -> {
                    if (dialogs.confirm(i18n.format("forward.remove.confirm", e.device(), model.instanceName()),
                            i18n.format("forward.remove.details", model.removeCommand(e.device())))) {
                        model.remove(e.device());
                    }
                });
                row.getChildren().add(remove);
            } else {
                Label profile = new Label(i18n.get("forward.fromProfile"));
                profile.getStyleClass().add("text-muted");
                row.getChildren().add(profile);
            }
            list.getChildren().add(row);
        }
    }
}
