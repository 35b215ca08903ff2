package dev.hako.ui.editor;

import dev.hako.ui.common.I18n;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
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
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The devices of an instance or profile: a list on the left (inherited ones in
 * grey, with their profile), a typed form for the selected device on the right,
 * and add / remove. Keys without a form field are edited as {@code key=value} lines.
 */
final class DeviceEditorView {

    private final I18n i18n;
    private final Consumer<EditDocument> onEdit;
    private final ListView<String> list = new ListView<>();
    private final VBox form = new VBox(8);
    private final TextField newName = new TextField();
    private final ComboBox<String> newType = new ComboBox<>();
    private final SplitPane root;
    private EditDocument document;
    private EditTarget.Loaded loaded;

    DeviceEditorView(I18n i18n, Consumer<EditDocument> onEdit) {
        this.i18n = i18n;
        this.onEdit = onEdit;
        list.setId("deviceList");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                getStyleClass().remove("inherited");
                if (empty || name == null) {
                    setText(null);
                    return;
                }
                Map<String, String> device = deviceOf(name);
                String type = device == null ? "?" : device.getOrDefault("type", "?");
                if (isInherited(name)) {
                    getStyleClass().add("inherited");
                    String from = loaded.inheritedDevicesFrom().get(name);
                    setText(name + "  (" + type + ") — " + (from == null ? i18n.get("editor.sheet.inheritedExpanded")
                            : i18n.format("editor.sheet.inheritedFrom", from)));
                } else {
                    setText(name + "  (" + type + ")");
                }
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showForm(now));
        newName.setId("newDeviceName");
        newName.setPromptText(i18n.get("editor.devices.namePrompt"));
        newType.setId("newDeviceType");
        newType.getItems().setAll(DeviceKinds.TYPES);
        newType.getItems().add("none");
        newType.setValue("disk");
        Button add = new Button(i18n.get("editor.devices.add"));
        add.setId("addDevice");
        add.setOnAction(e -> addDevice());
        HBox addRow = new HBox(6, newName, newType, add);
        addRow.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(8, list, addRow);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(8));
        form.setPadding(new Insets(12));
        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        root = new SplitPane(left, formScroll);
        root.setDividerPositions(0.38);
    }

    Node node() {
        return root;
    }

    void setContext(EditTarget.Loaded loaded) {
        this.loaded = loaded;
    }

    void setDocument(EditDocument document) {
        String selected = list.getSelectionModel().getSelectedItem();
        this.document = document;
        List<String> names = new java.util.ArrayList<>(document.devices().keySet());
        if (loaded != null) {
            loaded.inheritedDevices().keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
        }
        list.getItems().setAll(names);
        if (selected != null && names.contains(selected)) {
            list.getSelectionModel().select(selected);
        } else if (!names.isEmpty()) {
            list.getSelectionModel().select(0);
        } else {
            showForm(null);
        }
    }

    private boolean isInherited(String name) {
        return !document.devices().containsKey(name) && loaded != null
                && loaded.inheritedDevices().containsKey(name);
    }

    private Map<String, String> deviceOf(String name) {
        if (document == null || name == null) {
            return null;
        }
        Map<String, String> own = document.devices().get(name);
        return own != null ? own : loaded == null ? null : loaded.inheritedDevices().get(name);
    }

    private void showForm(String name) {
        form.getChildren().clear();
        Map<String, String> device = deviceOf(name);
        if (device == null) {
            Label none = new Label(i18n.get("editor.devices.none"));
            none.getStyleClass().add("text-muted");
            form.getChildren().add(none);
            return;
        }
        boolean inherited = isInherited(name);
        String type = device.getOrDefault("type", "");
        Label title = new Label(name + " — " + type);
        title.getStyleClass().add("title-4");
        form.getChildren().add(title);
        Label problems = new Label();
        problems.getStyleClass().add("property-error");
        problems.setWrapText(true);
        problems.setId("deviceProblems");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        int row = 0;
        Map<String, PropertyEditor> editors = new LinkedHashMap<>();
        for (ConfigKey field : DeviceKinds.fields(type)) {
            PropertyEditor editor = PropertyEditor.forKey(field);
            editor.setValue(device.get(field.key()));
            editor.setEditable(!inherited);
            editor.node().setId("device-" + field.key());
            editors.put(field.key(), editor);
            Label label = new Label(field.key());
            label.getStyleClass().add("property-key");
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
        form.getChildren().add(grid);
        Label otherLabel = new Label(i18n.get("editor.devices.otherKeys"));
        otherLabel.getStyleClass().add("text-muted");
        form.getChildren().addAll(otherLabel, other, problems);

        if (inherited) {
            Button override = new Button(i18n.get("editor.devices.override"));
            override.setId("overrideDevice");
            override.setOnAction(e -> {
                Map<String, Map<String, String>> devices = new TreeMap<>(document.devices());
                devices.put(name, device);
                document = document.withDevices(devices);
                onEdit.accept(document);
                setDocument(document);
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
            List<Problem> found = DeviceKinds.check(name, updated);
            problems.setText(String.join("\n", found.stream().map(p -> p.message(i18n)).toList()));
            Map<String, Map<String, String>> devices = new TreeMap<>(document.devices());
            devices.put(name, updated);
            document = document.withDevices(devices);
            onEdit.accept(document);
        };
        editors.values().forEach(ed -> ed.setOnChange(apply));
        other.textProperty().addListener((o, was, now) -> apply.run());
        problems.setText(String.join("\n", DeviceKinds.check(name, device).stream().map(p -> p.message(i18n))
                .toList()));

        Button remove = new Button(i18n.get("editor.devices.remove"));
        remove.setId("removeDevice");
        remove.getStyleClass().add("danger");
        remove.setOnAction(e -> {
            Map<String, Map<String, String>> devices = new TreeMap<>(document.devices());
            devices.remove(name);
            document = document.withDevices(devices);
            onEdit.accept(document);
            setDocument(document);
        });
        form.getChildren().add(remove);
    }

    private void addDevice() {
        String name = newName.getText() == null ? "" : newName.getText().trim();
        if (name.isEmpty() || !name.matches("[A-Za-z0-9_.\\-]+") || document.devices().containsKey(name)) {
            newName.getStyleClass().add("invalid");
            return;
        }
        newName.getStyleClass().remove("invalid");
        Map<String, Map<String, String>> devices = new TreeMap<>(document.devices());
        Map<String, String> device = new TreeMap<>();
        device.put("type", newType.getValue());
        if ("disk".equals(newType.getValue()) && loaded != null && loaded.inheritedDevices().containsKey(name)) {
            device.putAll(loaded.inheritedDevices().get(name));
        }
        devices.put(name, device);
        document = document.withDevices(devices);
        onEdit.accept(document);
        newName.clear();
        setDocument(document);
        list.getSelectionModel().select(name);
    }
}
