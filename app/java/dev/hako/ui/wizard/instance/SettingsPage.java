package dev.hako.ui.wizard.instance;

import static dev.hako.ui.wizard.instance.PageControls.label;
import static dev.hako.ui.wizard.instance.PageControls.text;

import dev.hako.ui.common.I18n;
import java.util.function.Supplier;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The settings page: name, type, profiles, limits, pool, member, network, cloud-init and start, bound. */
final class SettingsPage {

    private final I18n i18n;
    private final SettingsStepViewModel model;
    private final ChoiceBox<String> type = new ChoiceBox<>();
    private final ChoiceBox<InstanceRequest.Preset> preset = new ChoiceBox<>();
    private final ChoiceBox<String> pool = new ChoiceBox<>();
    private final ChoiceBox<String> member = new ChoiceBox<>();
    private final ChoiceBox<String> network = new ChoiceBox<>();
    private final FlowPane profiles = new FlowPane(12, 6);
    private final GridPane grid = PageControls.grid();
    private final VBox content;

    SettingsPage(I18n i18n, SettingsStepViewModel model) {
        this.i18n = i18n;
        this.model = model;
        TextField name = new TextField();
        name.setId("newInstanceName");
        name.promptTextProperty().bind(text(i18n, () -> i18n.get("newinstance.namePrompt")));
        name.textProperty().bindBidirectional(model.nameProperty());

        type.setId("newInstanceType");
        type.setItems(model.types());
        type.valueProperty().bindBidirectional(model.typeProperty());
        type.disableProperty().bind(model.typeFixedProperty());
        PageControls.show(type, value -> value == null ? "" : "virtual-machine".equals(value)
                ? i18n.get("newinstance.type.vm") : i18n.get("newinstance.type.container"));

        profiles.setId("newInstanceProfiles");
        fillProfiles();
        model.profileChoices().addListener((ListChangeListener<String>) change -> fillProfiles());

        choice(pool, "newInstancePool", model.poolChoices(), model.poolProperty(),
                () -> i18n.get("newinstance.pool.profiles"));
        choice(member, "newInstanceMember", model.memberChoices(), model.memberProperty(),
                () -> i18n.get("newinstance.member.any"));
        choice(network, "newInstanceNetwork", model.networkChoices(), model.networkProperty(),
                () -> i18n.get("newinstance.network.profiles"));
        Label userDataLabel = label(i18n, () -> i18n.format("newinstance.userData", model.cloudInitKey()));
        GridPane.setValignment(userDataLabel, VPos.TOP);
        CheckBox start = new CheckBox();
        start.setId("newInstanceStart");
        start.textProperty().bind(text(i18n, () -> i18n.get("newinstance.start")));
        start.selectedProperty().bindBidirectional(model.startProperty());
        Node[][] rows = {
            {label(i18n, () -> i18n.get("newinstance.name")), name},
            {label(i18n, () -> i18n.get("newinstance.type")), type},
            {label(i18n, () -> i18n.get("newinstance.profiles")), profiles},
            {label(i18n, () -> i18n.get("newinstance.limits")), limits()},
            {label(i18n, () -> i18n.get("newinstance.pool")), pool},
            {label(i18n, () -> i18n.get("newinstance.member")), member},
            {label(i18n, () -> i18n.get("newinstance.network")), network},
            {userDataLabel, userData()},
            {new Label(), start}};
        // The member row is there only on a cluster: the rows are laid out again when that changes.
        layOut(rows);
        model.clusteredProperty().addListener((o, was, clustered) -> layOut(rows));
        content = new VBox(10, grid);
    }

    VBox content() {
        return content;
    }

    private void layOut(Node[][] rows) {
        grid.getChildren().clear();
        int at = 0;
        for (Node[] row : rows) {
            if (row[1] != member || model.clusteredProperty().get()) {
                grid.addRow(at++, row);
            }
        }
    }

    /** One box per profile of the target, checked when chosen; refilled when the target's profiles change. */
    private void fillProfiles() {
        profiles.getChildren().clear();
        for (String profile : model.profileChoices()) {
            CheckBox box = new CheckBox(profile);
            box.setId("newInstanceProfile-" + profile);
            box.setSelected(model.chosenProfiles().contains(profile));
            box.selectedProperty().addListener((o, was, chosen) -> {
                if (chosen) {
                    model.chosenProfiles().add(profile);
                } else {
                    model.chosenProfiles().remove(profile);
                }
            });
            profiles.getChildren().add(box);
        }
    }

    private HBox limits() {
        preset.setId("newInstanceLimits");
        preset.getItems().setAll(InstanceRequest.Preset.values());
        preset.valueProperty().bindBidirectional(model.presetProperty());
        PageControls.show(preset, this::presetLabel);
        TextField cpu = new TextField();
        TextField memory = new TextField();
        cpu.setId("newInstanceCpu");
        memory.setId("newInstanceMemory");
        cpu.promptTextProperty().bind(text(i18n, () -> i18n.get("newinstance.cpuPrompt")));
        memory.promptTextProperty().bind(text(i18n, () -> i18n.get("newinstance.memoryPrompt")));
        cpu.setPrefColumnCount(9);
        memory.setPrefColumnCount(8);
        dev.hako.ui.common.FitToText.prompt(cpu);
        dev.hako.ui.common.FitToText.prompt(memory);
        cpu.textProperty().bindBidirectional(model.cpuProperty());
        memory.textProperty().bindBidirectional(model.memoryProperty());
        cpu.disableProperty().bind(model.customLimitsProperty().not());
        memory.disableProperty().bind(cpu.disableProperty());
        HBox limits = new HBox(8, preset, label(i18n, () -> i18n.get("newinstance.cpu")), cpu,
                label(i18n, () -> i18n.get("newinstance.memory")), memory);
        limits.setAlignment(Pos.CENTER_LEFT);
        return limits;
    }

    private String presetLabel(InstanceRequest.Preset value) {
        if (value == null) {
            return "";
        }
        String label = switch (value) {
            case NONE -> i18n.get("newinstance.limits.none");
            case SMALL -> i18n.get("newinstance.limits.small");
            case MEDIUM -> i18n.get("newinstance.limits.medium");
            case LARGE -> i18n.get("newinstance.limits.large");
            case CUSTOM -> i18n.get("newinstance.limits.custom");
        };
        return value.cpu == null ? label : i18n.format("newinstance.limits.preset", label, value.cpu, value.memory);
    }

    /** A choice of the target's names; "" shows as {@code empty}. */
    private Node choice(ChoiceBox<String> box, String id, ObservableList<String> choices, StringProperty value,
                        Supplier<String> empty) {
        box.setId(id);
        box.setItems(choices);
        box.valueProperty().bindBidirectional(value);
        PageControls.show(box, name -> name == null || name.isEmpty() ? empty.get() : name);
        return box;
    }

    private TextArea userData() {
        TextArea userData = new TextArea();
        userData.setId("newInstanceUserData");
        userData.setPromptText("#cloud-config");
        userData.setPrefRowCount(5);
        userData.setStyle("-fx-font-family: monospace;");
        userData.textProperty().bindBidirectional(model.userDataProperty());
        return userData;
    }

    /** After a language switch: the choice boxes render again. */
    void relabel() {
        PageControls.rerender(type, preset, pool, member, network);
    }
}
