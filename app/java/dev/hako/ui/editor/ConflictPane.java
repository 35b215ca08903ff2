package dev.hako.ui.editor;

import dev.hako.model.config.ConfigMerge;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

/**
 * The conflict view: yours, where you started and the server's version now side by
 * side, a table of the keys that differ with a choice per key, and merge / overwrite /
 * reload / back. Nothing on the server is overwritten unless the user says so.
 */
final class ConflictPane {

    private ConflictPane() {
    }

    static Node build(ConfigEditorViewModel model, ConflictChoices conflict, EditorTexts texts) {
        VBox content = new VBox(8);
        content.setPadding(new Insets(12));
        Label title = OverlayParts.title(texts, "editor.conflict.title");
        title.getStyleClass().add("conflict-title");
        HBox panes = new HBox(8,
                column(texts, "editor.conflict.yours", YamlCodec.toYaml(conflict.mine()), "conflictYours"),
                column(texts, "editor.conflict.base", YamlCodec.toYaml(conflict.started()), "conflictBase"),
                column(texts, "editor.conflict.server", YamlCodec.toYaml(conflict.current().document()),
                        "conflictServer"));
        panes.setPrefHeight(220);
        panes.setMinHeight(160);

        GridPane merge = new GridPane();
        merge.setId("mergeTable");
        merge.setHgap(12);
        merge.setVgap(4);
        merge.getStyleClass().add("merge-table");
        merge.addRow(0, OverlayParts.header(texts, "editor.conflict.key"),
                OverlayParts.header(texts, "editor.conflict.base"), OverlayParts.header(texts, "editor.conflict.yours"),
                OverlayParts.header(texts, "editor.conflict.server"), OverlayParts.header(texts, "editor.conflict.take"));
        int row = 1;
        for (ConfigMerge.Entry entry : conflict.entries()) {
            ToggleGroup group = new ToggleGroup();
            RadioButton takeMine = texts.bind(new RadioButton(), "editor.conflict.takeYours");
            takeMine.setId("takeMine-" + entry.key());
            takeMine.setToggleGroup(group);
            RadioButton takeTheirs = texts.bind(new RadioButton(), "editor.conflict.takeServer");
            takeTheirs.setId("takeServer-" + entry.key());
            takeTheirs.setToggleGroup(group);
            (conflict.takesMine(entry.key()) ? takeMine : takeTheirs).setSelected(true);
            takeMine.selectedProperty().addListener((o, w, now) -> conflict.choose(entry.key(), now));
            Label key = new Label(entry.key());
            if (entry.change() == ConfigMerge.Change.CONFLICT) {
                key.getStyleClass().add("conflict-key");
            }
            merge.addRow(row++, key, OverlayParts.value(texts, entry.base()), OverlayParts.value(texts, entry.mine()),
                    OverlayParts.value(texts, entry.theirs()), new HBox(8, takeMine, takeTheirs));
        }
        Button merged = texts.button("conflictMerge", "editor.conflict.merge");
        merged.getStyleClass().add("accent");
        merged.setOnAction(e -> model.takeMerged());
        Button overwrite = texts.button("conflictOverwrite", "editor.conflict.overwrite");
        overwrite.getStyleClass().add("danger");
        overwrite.setOnAction(e -> model.overwriteWithMine());
        Button reload = texts.button("conflictReload", "editor.conflict.reload");
        reload.setOnAction(e -> model.takeServers());
        Button back = texts.button("conflictBack", "editor.back");
        back.setOnAction(e -> model.closeOverlay());
        content.getChildren().addAll(title, OverlayParts.wrapped(texts, "editor.conflict.explain"), panes,
                texts.label("editor.conflict.perKey"), merge, new HBox(8, merged, overwrite, reload, back));
        if (conflict.current().etag() == null) {
            content.getChildren().add(2, OverlayParts.wrapped(texts, "editor.noEtag", "editor-notice"));
        }
        return OverlayParts.cover("conflictPane", content);
    }

    private static VBox column(EditorTexts texts, String titleKey, String yaml, String id) {
        VirtualizedScrollPane<CodeArea> scroll = OverlayParts.scrolled(OverlayParts.readOnlyYaml(yaml, id));
        VBox box = new VBox(4, OverlayParts.header(texts, titleKey), scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setPrefWidth(300);
        return box;
    }
}
