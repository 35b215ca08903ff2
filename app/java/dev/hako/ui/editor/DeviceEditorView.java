package dev.hako.ui.editor;

import dev.hako.model.config.EditTarget;
import dev.hako.ui.common.I18n;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The draft's devices (instances and profiles): a list on the left (inherited ones in
 * grey, with their profile), a typed form for the selected device on the right, and
 * add / remove. Keys without a form field are edited as {@code key=value} lines. Every
 * edit goes to the view model's one draft.
 */
final class DeviceEditorView {

    private final ConfigEditorViewModel model;
    private final DraftEdits edits;
    private final EditorTexts texts;
    private final I18n i18n;
    private final ListView<String> list = new ListView<>();
    private final VBox form = new VBox(8);
    private final TextField newName = new TextField();
    private final ComboBox<String> newType = new ComboBox<>();
    private final SplitPane root;
    private final Label formProblems = new Label();
    private final Label formWarnings = new Label();
    private final DeviceReferences references;
    private final ChangeListener<Locale> relabel = (o, was, now) -> relabel();
    private List<Problem> shownProblems = List.of();
    private List<Problem> shownWarnings = List.of();
    /** The device whose form is shown, for checking it again when the remote's lists change. */
    private String shownDevice;
    private boolean pushing;
    private boolean active;
    private boolean stale = true;

    DeviceEditorView(ConfigEditorViewModel model, EditorTexts texts) {
        this.model = model;
        this.edits = model.edits();
        this.texts = texts;
        this.i18n = texts.i18n();
        this.references = model.references();
        list.setId("deviceList");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                getStyleClass().remove("inherited");
                setText(empty || name == null ? null : cellText(name));
                if (!empty && name != null && isInherited(name)) {
                    getStyleClass().add("inherited");
                }
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showForm(now));
        newName.setId("newDeviceName");
        newName.promptTextProperty().bind(texts.get("editor.devices.namePrompt"));
        newType.setId("newDeviceType");
        newType.getItems().setAll(DeviceKinds.TYPES);
        newType.getItems().add("none");
        newType.setValue("disk");
        Button add = texts.button("addDevice", "editor.devices.add");
        add.setOnAction(e -> addDevice());
        newName.setOnAction(e -> addDevice());
        HBox addRow = new HBox(6, newName, newType, add);
        newName.setMinWidth(60);
        HBox.setHgrow(newName, Priority.ALWAYS);
        addRow.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(8, list, addRow);
        if (model.kind() == dev.hako.model.config.ObjectKind.INSTANCE) {
            Button forward = texts.button("forwardPort", "forward.menu");
            forward.setOnAction(e -> model.tools().forwardPort((remote, instance) ->
                    dev.hako.ui.network.PortForwardDialog.open(model.taskExecutor(), model.dialogService(), remote,
                            instance)));
            left.getChildren().add(forward);
        }
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(8));
        form.setPadding(new Insets(12));
        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        root = new SplitPane(left, formScroll);
        root.setDividerPositions(0.38);
        formProblems.getStyleClass().add("property-error");
        formProblems.setWrapText(true);
        formProblems.setId("deviceProblems");
        formWarnings.getStyleClass().add("editor-notice");
        formWarnings.setWrapText(true);
        formWarnings.setMaxWidth(Double.MAX_VALUE);
        formWarnings.setId("deviceWarnings");
        // The lists came (or changed) after the form was shown: what the device names is checked again.
        references.revisionProperty().addListener((o, was, now) -> {
            Map<String, String> device = deviceOf(shownDevice);
            if (device != null && !isInherited(shownDevice)) {
                showWarnings(references.warnings(shownDevice, device));
            }
        });

        model.draftProperty().addListener((o, was, now) -> {
            if (!pushing) {
                refresh();
            }
        });
        model.loadedProperty().addListener((o, was, now) -> refresh());
        i18n.localeProperty().addListener(new WeakChangeListener<>(relabel));
    }

    Node node() {
        return root;
    }

    /** Whether the devices tab is shown; while it is not, changes of the draft wait until it is. */
    void setActive(boolean shown) {
        active = shown;
        if (shown && stale) {
            showDevices();
        }
    }

    private void push(Runnable edit) {
        pushing = true;
        try {
            edit.run();
        } finally {
            pushing = false;
        }
    }

    private void refresh() {
        if (active) {
            showDevices();
        } else {
            stale = true;
        }
    }

    private void relabel() {
        list.refresh();
        showProblems(shownProblems);
        showWarnings(shownWarnings);
    }

    private String cellText(String name) {
        Map<String, String> device = deviceOf(name);
        String type = device == null ? "?" : device.getOrDefault("type", "?");
        if (!isInherited(name)) {
            return name + "  (" + type + ")";
        }
        String from = model.loaded().inheritedDevicesFrom().get(name);
        return name + "  (" + type + ") — " + (from == null ? i18n.get("editor.sheet.inheritedExpanded")
                : i18n.format("editor.sheet.inheritedFrom", from));
    }

    private void showDevices() {
        stale = false;
        if (model.draft() == null) {
            return;
        }
        String selected = list.getSelectionModel().getSelectedItem();
        List<String> names = new ArrayList<>(model.draft().devices().keySet());
        EditTarget.Loaded loaded = model.loaded();
        if (loaded != null) {
            loaded.inheritedDevices().keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
        }
        list.getItems().setAll(names);
        if (selected != null && names.contains(selected)) {
            list.getSelectionModel().select(selected);
            showForm(selected);
        } else if (!names.isEmpty()) {
            list.getSelectionModel().select(0);
        } else {
            showForm(null);
        }
    }

    private boolean isInherited(String name) {
        return model.draft() != null && !model.draft().devices().containsKey(name) && model.loaded() != null
                && model.loaded().inheritedDevices().containsKey(name);
    }

    private Map<String, String> deviceOf(String name) {
        if (model.draft() == null || name == null) {
            return null;
        }
        Map<String, String> own = model.draft().devices().get(name);
        return own != null || model.loaded() == null ? own : model.loaded().inheritedDevices().get(name);
    }

    private void showForm(String name) {
        form.getChildren().clear();
        shownDevice = name;
        Map<String, String> device = deviceOf(name);
        if (device == null) {
            Label none = texts.label("editor.devices.none");
            none.getStyleClass().add("text-muted");
            form.getChildren().add(none);
            return;
        }
        boolean inherited = isInherited(name);
        String type = device.getOrDefault("type", "");
        Label title = new Label(name + " — " + type);
        title.getStyleClass().add("title-4");
        form.getChildren().add(title);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        int row = 0;
        Map<String, PropertyEditor> editors = new LinkedHashMap<>();
        for (ConfigKey field : DeviceKinds.fields(type)) {
            var choices = references.choices(type, field.key(), device);
            PropertyEditor editor = choices == null ? PropertyEditor.forKey(field) : new PickPropertyEditor(choices);
            editor.setValue(device.get(field.key()));
            editor.setEditable(!inherited);
            editor.node().setId("device-" + field.key());
            editors.put(field.key(), editor);
            Label label = new Label(field.key());
            label.getStyleClass().add("property-key");
            // The key is the name the server knows: never cut to "net…" when the form is narrow.
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            GridPane.setHgrow(editor.node(), Priority.ALWAYS);
            grid.addRow(row++, label, editor.node());
        }
        TextArea other = new TextArea();
        other.setId("deviceOtherKeys");
        other.setPrefRowCount(4);
        other.setEditable(!inherited);
        StringBuilder text = new StringBuilder();
        device.forEach((k, v) -> {
            if (!k.equals("type") && !editors.containsKey(k)) {
                text.append(k).append('=').append(v).append('\n');
            }
        });
        other.setText(text.toString());
        Label otherLabel = texts.label("editor.devices.otherKeys");
        otherLabel.getStyleClass().add("text-muted");
        form.getChildren().addAll(grid, otherLabel, other, formProblems, formWarnings);
        showProblems(DeviceKinds.check(name, device));
        showWarnings(inherited ? List.of() : references.warnings(name, device));

        if (inherited) {
            Button override = texts.button("overrideDevice", "editor.devices.override");
            override.setOnAction(e -> {
                push(() -> edits.overrideDevice(name));
                showDevices();
            });
            form.getChildren().add(override);
            return;
        }
        Runnable apply = () -> {
            Map<String, String> updated = new TreeMap<>();
            updated.put("type", type);
            editors.forEach((k, ed) -> {
                if (!ed.value().isEmpty()) {
                    updated.put(k, ed.value());
                }
            });
            for (String line : other.getText().split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    updated.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
            showProblems(DeviceKinds.check(name, updated));
            if (editors.get("source") instanceof PickPropertyEditor source) {
                // The volumes offered are those of the pool named now.
                var volumes = references.choices(type, "source", updated);
                if (volumes != null) {
                    source.setChoices(volumes);
                }
            }
            showWarnings(references.warnings(name, updated));
            push(() -> edits.putDevice(name, updated));
        };
        editors.values().forEach(ed -> ed.setOnChange(apply));
        other.textProperty().addListener((o, was, now) -> apply.run());

        Button remove = texts.button("removeDevice", "editor.devices.remove");
        remove.getStyleClass().add("danger");
        remove.setOnAction(e -> {
            push(() -> edits.removeDevice(name));
            showDevices();
        });
        form.getChildren().add(remove);
    }

    private void showProblems(List<Problem> problems) {
        shownProblems = problems;
        formProblems.setText(String.join("\n", problems.stream().map(p -> p.message(i18n)).toList()));
        formProblems.setManaged(!problems.isEmpty());
    }

    private void showWarnings(List<Problem> warnings) {
        shownWarnings = warnings;
        formWarnings.setText(String.join("\n", warnings.stream().map(p -> p.message(i18n)).toList()));
        formWarnings.setVisible(!warnings.isEmpty());
        formWarnings.setManaged(!warnings.isEmpty());
    }

    private void addDevice() {
        String name = newName.getText() == null ? "" : newName.getText().trim();
        Optional<Problem> bad = edits.checkNewDevice(name);
        if (bad.isPresent()) {
            newName.getStyleClass().add("invalid");
            newName.setTooltip(new Tooltip(bad.get().message(i18n)));
            return;
        }
        newName.getStyleClass().remove("invalid");
        newName.setTooltip(null);
        push(() -> edits.addDevice(name, newType.getValue()));
        newName.clear();
        showDevices();
        list.getSelectionModel().select(name);
    }
}
