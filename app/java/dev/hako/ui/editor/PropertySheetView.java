package dev.hako.ui.editor;

import dev.hako.ui.common.I18n;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The property sheet of a config map: one row per key with the editor its type
 * calls for, the catalog's description, a message under the row when the value is
 * wrong (or the server refused it), and values inherited from profiles in grey.
 */
final class PropertySheetView {

    private final ObjectKind kind;
    private final ConfigCatalog catalog;
    private final I18n i18n;
    private final Consumer<EditDocument> onEdit;
    private final VBox root = new VBox(10);
    private final GridPane grid = new GridPane();
    private final TextField description = new TextField();
    private final Label descriptionLabel = new Label();
    private final ComboBox<String> newKey = new ComboBox<>();
    private final Map<String, Label> errors = new HashMap<>();
    private final Map<String, String> serverErrors = new HashMap<>();
    private EditDocument document;
    private EditTarget.Loaded loaded;

    PropertySheetView(ObjectKind kind, ConfigCatalog catalog, I18n i18n, Consumer<EditDocument> onEdit) {
        this.kind = kind;
        this.catalog = catalog;
        this.i18n = i18n;
        this.onEdit = onEdit;
        grid.getStyleClass().add("property-grid");
        grid.setHgap(10);
        grid.setVgap(4);
        ColumnConstraints keyColumn = new ColumnConstraints();
        keyColumn.setMinWidth(200);
        ColumnConstraints editorColumn = new ColumnConstraints(160, 300, Double.MAX_VALUE);
        editorColumn.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(keyColumn, editorColumn, new ColumnConstraints(), new ColumnConstraints());

        description.setId("descriptionField");
        description.textProperty().addListener((o, was, now) -> {
            if (document != null && !now.equals(document.description())) {
                document = document.with("description", now);
                onEdit.accept(document);
            }
        });
        newKey.setId("newKey");
        newKey.setEditable(true);
        newKey.setPromptText(i18n.get("editor.sheet.newKeyPrompt"));
        newKey.setPrefWidth(320);
        Button add = new Button(i18n.get("editor.sheet.add"));
        add.setId("addKey");
        add.setOnAction(e -> addKey());
        newKey.getEditor().setOnAction(e -> addKey());
        HBox addRow = new HBox(8, newKey, add);
        addRow.setAlignment(Pos.CENTER_LEFT);

        descriptionLabel.setText(i18n.get("editor.sheet.description"));
        root.getChildren().addAll(grid, addRow);
        root.setPadding(new Insets(12));
    }

    Node node() {
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        return scroll;
    }

    void setContext(EditTarget.Loaded loaded) {
        this.loaded = loaded;
        List<String> names = catalog.keysFor(kind, loaded == null ? null : loaded.driverOrType()).stream()
                .map(k -> k.isFamily() ? k.key().substring(0, k.key().length() - 1) : k.key()).distinct().sorted()
                .toList();
        newKey.getItems().setAll(names);
    }

    /** Shows a document (after a load, a YAML edit or a preset); rows are rebuilt. */
    void setDocument(EditDocument document) {
        this.document = document;
        if (!description.getText().equals(document.description())) {
            description.setText(document.description());
        }
        rebuild();
    }

    /** Puts the server's refusal next to a key (or clears it with null). */
    void setServerError(String key, String message) {
        if (message == null) {
            serverErrors.remove(key);
        } else {
            serverErrors.put(key, message);
        }
        rebuild();
    }

    void clearServerErrors() {
        serverErrors.clear();
        rebuild();
    }

    private void rebuild() {
        grid.getChildren().clear();
        errors.clear();
        if (document == null) {
            return;
        }
        TreeSet<String> keys = new TreeSet<>(document.config().keySet());
        if (loaded != null) {
            keys.addAll(loaded.inheritedConfig().keySet());
        }
        int row = 0;
        if (kind.fields().contains("description")) {
            // In the grid, so that it lines up with the keys below.
            grid.add(descriptionLabel, 0, row);
            grid.add(description, 1, row++, 3, 1);
        }
        for (String key : keys) {
            boolean own = document.config().containsKey(key);
            row = own ? ownRow(row, key) : inheritedRow(row, key);
        }
        if (keys.isEmpty()) {
            Label empty = new Label(i18n.get("editor.sheet.empty"));
            empty.getStyleClass().add("text-muted");
            grid.add(empty, 0, row, 4, 1);
        }
    }

    private Label keyLabel(String key, Optional<ConfigKey> entry) {
        Label label = new Label(key);
        label.getStyleClass().add("property-key");
        StringBuilder tip = new StringBuilder();
        entry.ifPresent(e -> {
            tip.append(e.description(i18n.locale()));
            if (e.defaultValue() != null) {
                tip.append('\n').append(i18n.format("editor.sheet.default", e.defaultValue()));
            }
            String typeKey = "editor.type." + e.type().name().toLowerCase(java.util.Locale.ROOT);
            tip.append('\n').append(i18n.get(typeKey));
        });
        if (entry.isEmpty()) {
            tip.append(i18n.get("editor.sheet.unknownKey"));
        }
        label.setTooltip(new Tooltip(tip.toString()));
        return label;
    }

    private int ownRow(int row, String key) {
        Optional<ConfigKey> entry = catalog.lookup(kind, key);
        PropertyEditor editor = PropertyEditor.forKey(entry.orElse(null));
        editor.setValue(document.config().get(key));
        editor.node().setId("value-" + key);
        Label error = new Label();
        error.getStyleClass().add("property-error");
        error.setWrapText(true);
        errors.put(key, error);
        editor.setOnChange(() -> {
            String value = editor.value();
            // An emptied field unsets the key but keeps its row, so nothing jumps while typing.
            document = document.withConfigValue(key, value);
            serverErrors.remove(key);
            showProblem(key, entry.orElse(null), value);
            onEdit.accept(document);
        });
        Label hint = new Label(entry.map(e -> e.defaultValue() == null ? ""
                : i18n.format("editor.sheet.default", e.defaultValue())).orElse(""));
        hint.getStyleClass().add("text-muted");
        Button remove = new Button("✕");
        remove.getStyleClass().addAll("flat", "remove-key");
        remove.setId("remove-" + key);
        remove.setTooltip(new Tooltip(i18n.get("editor.sheet.remove")));
        remove.setOnAction(e -> {
            document = document.withConfigValue(key, null);
            serverErrors.remove(key);
            onEdit.accept(document);
            rebuild();
        });
        if (entry.map(ConfigKey::readOnly).orElse(false)) {
            editor.setEditable(false);
            editor.node().getStyleClass().add("inherited");
            hint.setText(i18n.get("editor.sheet.readOnly"));
            grid.addRow(row, keyLabel(key, entry), editor.node(), hint);
            return row + 1;
        }
        if (loaded != null && loaded.hiddenKeys().contains(key)) {
            hint.setText(i18n.get("editor.sheet.hidden"));
        }
        grid.addRow(row, keyLabel(key, entry), editor.node(), hint, remove);
        int next = row + 1;
        if (entry.isPresent()) {
            Label help = new Label(entry.get().description(i18n.locale()));
            help.getStyleClass().addAll("text-muted", "property-help");
            help.setWrapText(true);
            grid.add(help, 1, next++, 3, 1);
        }
        grid.add(error, 1, next++, 3, 1);
        showProblem(key, entry.orElse(null), editor.value());
        return next;
    }

    private int inheritedRow(int row, String key) {
        Optional<ConfigKey> entry = catalog.lookup(kind, key);
        PropertyEditor editor = PropertyEditor.forKey(entry.orElse(null));
        String value = loaded.inheritedConfig().get(key);
        editor.setValue(value);
        editor.setEditable(false);
        editor.node().getStyleClass().add("inherited");
        Label key0 = keyLabel(key, entry);
        key0.getStyleClass().add("inherited");
        String source = loaded.inheritedConfigFrom().get(key);
        Label from = new Label(source == null ? i18n.get("editor.sheet.inheritedExpanded")
                : i18n.format("editor.sheet.inheritedFrom", source));
        from.getStyleClass().addAll("text-muted", "inherited-source");
        Button override = new Button(i18n.get("editor.sheet.override"));
        override.getStyleClass().add("flat");
        override.setId("override-" + key);
        override.setOnAction(e -> {
            document = document.withConfigValue(key, value);
            onEdit.accept(document);
            rebuild();
        });
        grid.addRow(row, key0, editor.node(), from, override);
        return row + 1;
    }

    private void showProblem(String key, ConfigKey entry, String value) {
        Label error = errors.get(key);
        if (error == null) {
            return;
        }
        Optional<Problem> problem = ValueValidator.checkKeyName(key);
        if (problem.isEmpty()) {
            problem = ValueValidator.check(entry, key, value);
        }
        String text = problem.map(p -> p.message(i18n)).orElse(serverErrors.get(key));
        error.setText(text == null ? "" : text);
        error.setVisible(text != null);
        error.setManaged(text != null);
    }

    private void addKey() {
        String key = newKey.getEditor().getText() == null ? "" : newKey.getEditor().getText().trim();
        Optional<Problem> bad = ValueValidator.checkKeyName(key);
        if (bad.isEmpty() && key.endsWith(".")) {
            bad = Optional.of(Problem.of(key, "editor.problem.keyIncomplete", key));
        }
        if (bad.isPresent()) {
            newKey.getEditor().setTooltip(new Tooltip(bad.get().message(i18n)));
            newKey.getStyleClass().add("invalid");
            return;
        }
        newKey.getStyleClass().remove("invalid");
        if (!document.config().containsKey(key)) {
            String initial = loaded != null && loaded.inheritedConfig().containsKey(key)
                    ? loaded.inheritedConfig().get(key)
                    : catalog.lookup(kind, key).map(ConfigKey::defaultValue).orElse(null);
            // A key needs a value to exist; start from its default (or inherited value) when there is one.
            document = document.withConfigValue(key, initial == null || initial.isEmpty() ? "" : initial);
            if (!document.config().containsKey(key)) {
                pendingEmpty = key;
            }
            onEdit.accept(document);
        }
        newKey.getEditor().clear();
        rebuildWithPending();
    }

    private String pendingEmpty;

    /** A key just added without a value gets a row to type into; it exists once it has a value. */
    private void rebuildWithPending() {
        rebuild();
        if (pendingEmpty != null) {
            String key = pendingEmpty;
            pendingEmpty = null;
            int row = grid.getRowCount();
            Optional<ConfigKey> entry = catalog.lookup(kind, key);
            PropertyEditor editor = PropertyEditor.forKey(entry.orElse(null));
            editor.node().setId("value-" + key);
            Label error = new Label();
            error.getStyleClass().add("property-error");
            errors.put(key, error);
            error.setVisible(false);
            error.setManaged(false);
            editor.setOnChange(() -> {
                document = document.withConfigValue(key, editor.value());
                showProblem(key, entry.orElse(null), editor.value());
                onEdit.accept(document);
            });
            grid.getChildren().removeIf(n -> n.getStyleClass().contains("text-muted")
                    && GridPane.getColumnSpan(n) != null && GridPane.getColumnSpan(n) == 4);
            grid.addRow(row, keyLabel(key, entry), editor.node());
            grid.add(error, 1, row + 1, 3, 1);
            editor.node().requestFocus();
        }
    }
}
