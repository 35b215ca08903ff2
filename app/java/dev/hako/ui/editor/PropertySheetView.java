package dev.hako.ui.editor;

import dev.hako.model.config.EditDocument;
import dev.hako.model.config.EditTarget;
import dev.hako.ui.common.I18n;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The property sheet of the draft's config: one row per key with the editor its type
 * calls for, the catalog's description, a message under the row when the value is
 * wrong (or the server refused it), and values inherited from profiles in grey. Every
 * edit goes to the view model's one draft; the rows are rebuilt from it when another
 * tab changed it, and on a language switch.
 */
final class PropertySheetView {

    private final ConfigEditorViewModel model;
    private final DraftEdits edits;
    private final ConfigCatalog catalog;
    private final I18n i18n;
    private final VBox root = new VBox(10);
    private final ScrollPane scroll = new ScrollPane(root);
    private final GridPane grid = new GridPane();
    private final TextField description = new TextField();
    private final Label descriptionLabel;
    private final ComboBox<String> newKey = new ComboBox<>();
    private final Map<String, Label> errors = new HashMap<>();
    /** Keys shown without a value: just added, or emptied while typing (a key exists only with a value). */
    private final Set<String> emptyRows = new TreeSet<>();
    private final ChangeListener<Locale> relabel = (o, was, now) -> rebuild();
    private boolean pushing;
    private boolean setting;
    private boolean active = true;
    private boolean stale;

    PropertySheetView(ConfigEditorViewModel model, ConfigCatalog catalog, EditorTexts texts) {
        this.model = model;
        this.edits = model.edits();
        this.catalog = catalog;
        this.i18n = texts.i18n();
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
            if (!setting) {
                push(() -> edits.setDescription(now));
            }
        });
        descriptionLabel = texts.label("editor.sheet.description");
        newKey.setId("newKey");
        newKey.setEditable(true);
        newKey.promptTextProperty().bind(texts.get("editor.sheet.newKeyPrompt"));
        newKey.setPrefWidth(320);
        Button add = texts.button("addKey", "editor.sheet.add");
        add.setOnAction(e -> addKey());
        // Enter commits an editable box's text as its value and fires the box's own action (the
        // skin consumes the key before the text field sees it); picking a suggestion does too.
        newKey.setOnAction(e -> {
            if (newKey.getEditor().getText() != null && !newKey.getEditor().getText().isBlank()) {
                addKey();
            }
        });
        HBox addRow = new HBox(8, newKey, add);
        addRow.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(grid, addRow);
        root.setPadding(new Insets(12));
        scroll.setFitToWidth(true);

        model.draftProperty().addListener((o, was, now) -> {
            if (!pushing) {
                refresh();
            }
        });
        model.loadedProperty().addListener((o, was, now) -> {
            keyChoices(now);
            refresh();
        });
        model.serverErrors().addListener((MapChangeListener<String, String>) change -> {
            String key = change.getKey();
            showProblem(key, model.draft() == null ? null : model.draft().config().get(key));
        });
        i18n.localeProperty().addListener(new WeakChangeListener<>(relabel));
    }

    Node node() {
        return scroll;
    }

    /** Whether the sheet's tab is shown; while it is not, changes of the draft wait until it is. */
    void setActive(boolean shown) {
        active = shown;
        if (shown && stale) {
            rebuild();
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
        EditDocument draft = model.draft();
        if (draft != null && model.loaded() != null && draft.equals(model.loaded().document())) {
            emptyRows.clear();
        }
        if (active) {
            rebuild();
        } else {
            stale = true;
        }
    }

    private void keyChoices(EditTarget.Loaded loaded) {
        List<String> names = catalog.keysFor(model.kind(), loaded == null ? null : loaded.driverOrType()).stream()
                .map(k -> k.isFamily() ? k.key().substring(0, k.key().length() - 1) : k.key()).distinct().sorted()
                .toList();
        newKey.getItems().setAll(names);
    }

    private void rebuild() {
        stale = false;
        String focused = focusedId();
        grid.getChildren().clear();
        errors.clear();
        EditDocument draft = model.draft();
        if (draft == null) {
            return;
        }
        EditTarget.Loaded loaded = model.loaded();
        TreeSet<String> keys = new TreeSet<>(draft.config().keySet());
        keys.addAll(emptyRows);
        if (loaded != null) {
            keys.addAll(loaded.inheritedConfig().keySet());
        }
        int row = 0;
        if (model.kind().fields().contains("description")) {
            // In the grid, so that it lines up with the keys below.
            setting = true;
            try {
                if (!description.getText().equals(draft.description())) {
                    description.setText(draft.description());
                }
            } finally {
                setting = false;
            }
            grid.add(descriptionLabel, 0, row);
            grid.add(description, 1, row++, 3, 1);
        }
        for (String key : keys) {
            boolean own = draft.config().containsKey(key) || emptyRows.contains(key);
            row = own ? ownRow(row, key) : inheritedRow(row, key, loaded);
        }
        if (keys.isEmpty()) {
            Label empty = new Label(i18n.get("editor.sheet.empty"));
            empty.getStyleClass().add("text-muted");
            grid.add(empty, 0, row, 4, 1);
        }
        refocus(focused);
    }

    private String focusedId() {
        Node focus = grid.getScene() == null ? null : grid.getScene().getFocusOwner();
        for (Node n = focus; n != null; n = n.getParent()) {
            if (n.getParent() == grid) {
                return n.getId();
            }
        }
        return null;
    }

    private void refocus(String id) {
        if (id == null) {
            return;
        }
        grid.getChildren().stream().filter(n -> id.equals(n.getId())).findFirst().ifPresent(n -> {
            n.requestFocus();
            if (n instanceof TextInputControl text) {
                text.end();
            }
        });
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
            String typeKey = "editor.type." + e.type().name().toLowerCase(Locale.ROOT);
            tip.append('\n').append(i18n.get(typeKey));
        });
        if (entry.isEmpty()) {
            tip.append(i18n.get("editor.sheet.unknownKey"));
        }
        label.setTooltip(new Tooltip(tip.toString()));
        return label;
    }

    private int ownRow(int row, String key) {
        Optional<ConfigKey> entry = catalog.lookup(model.kind(), key);
        PropertyEditor editor = PropertyEditor.forKey(entry.orElse(null));
        editor.setValue(model.draft().config().get(key));
        editor.node().setId("value-" + key);
        Label error = new Label();
        error.getStyleClass().add("property-error");
        error.setWrapText(true);
        errors.put(key, error);
        editor.setOnChange(() -> {
            String value = editor.value();
            // An emptied field unsets the key but keeps its row, so nothing jumps while typing.
            if (value.isEmpty()) {
                emptyRows.add(key);
            } else {
                emptyRows.remove(key);
            }
            push(() -> edits.setConfigValue(key, value));
            showProblem(key, value);
        });
        if (entry.map(ConfigKey::readOnly).orElse(false)) {
            editor.setEditable(false);
            editor.node().getStyleClass().add("inherited");
            Label kept = new Label(i18n.get("editor.sheet.readOnly"));
            kept.getStyleClass().add("text-muted");
            grid.addRow(row, keyLabel(key, entry), editor.node(), kept);
            return row + 1;
        }
        Label hint = new Label(entry.map(e -> e.defaultValue() == null ? ""
                : i18n.format("editor.sheet.default", e.defaultValue())).orElse(""));
        hint.getStyleClass().add("text-muted");
        if (model.loaded() != null && model.loaded().hiddenKeys().contains(key)) {
            hint.setText(i18n.get("editor.sheet.hidden"));
        }
        Button remove = new Button("✕");
        remove.getStyleClass().addAll("flat", "remove-key");
        remove.setId("remove-" + key);
        remove.setTooltip(new Tooltip(i18n.get("editor.sheet.remove")));
        remove.setOnAction(e -> {
            emptyRows.remove(key);
            push(() -> edits.removeConfigKey(key));
            rebuild();
        });
        grid.addRow(row, keyLabel(key, entry), editor.node(), hint, remove);
        int next = row + 1;
        if (entry.isPresent()) {
            Label help = new Label(entry.get().description(i18n.locale()));
            help.getStyleClass().addAll("text-muted", "property-help");
            help.setWrapText(true);
            grid.add(help, 1, next++, 3, 1);
        }
        grid.add(error, 1, next++, 3, 1);
        showProblem(key, editor.value());
        return next;
    }

    private int inheritedRow(int row, String key, EditTarget.Loaded loaded) {
        Optional<ConfigKey> entry = catalog.lookup(model.kind(), key);
        PropertyEditor editor = PropertyEditor.forKey(entry.orElse(null));
        editor.setValue(loaded.inheritedConfig().get(key));
        editor.setEditable(false);
        editor.node().getStyleClass().add("inherited");
        Label name = keyLabel(key, entry);
        name.getStyleClass().add("inherited");
        String source = loaded.inheritedConfigFrom().get(key);
        Label from = new Label(source == null ? i18n.get("editor.sheet.inheritedExpanded")
                : i18n.format("editor.sheet.inheritedFrom", source));
        from.getStyleClass().addAll("text-muted", "inherited-source");
        Button override = new Button(i18n.get("editor.sheet.override"));
        override.getStyleClass().add("flat");
        override.setId("override-" + key);
        override.setOnAction(e -> {
            push(() -> edits.overrideConfigKey(key));
            rebuild();
        });
        grid.addRow(row, name, editor.node(), from, override);
        return row + 1;
    }

    private void showProblem(String key, String value) {
        Label error = errors.get(key);
        if (error == null) {
            return;
        }
        Problem problem = edits.problemOf(key, value);
        String text = problem != null ? problem.message(i18n) : model.serverErrors().get(key);
        error.setText(text == null ? "" : text);
        error.setVisible(text != null);
        error.setManaged(text != null);
    }

    private void addKey() {
        String key = newKey.getEditor().getText() == null ? "" : newKey.getEditor().getText().trim();
        Optional<Problem> bad = edits.checkNewKey(key);
        if (bad.isPresent()) {
            newKey.setTooltip(new Tooltip(bad.get().message(i18n)));
            newKey.getStyleClass().add("invalid");
            return;
        }
        newKey.getStyleClass().remove("invalid");
        newKey.setTooltip(null);
        boolean hasValue = model.draft().config().containsKey(key);
        if (!hasValue) {
            push(() -> edits.addConfigKey(key));
            if (!model.draft().config().containsKey(key)) {
                emptyRows.add(key);
            }
        }
        newKey.setValue(null);
        newKey.getEditor().clear();
        rebuild();
        refocus("value-" + key);
    }
}
