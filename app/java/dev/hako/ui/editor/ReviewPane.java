package dev.hako.ui.editor;

import dev.hako.model.config.ConfigMerge;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

/**
 * The review before saving: every key the save changes, with its value on the server
 * now and after saving, then the YAML line diff; confirm sends it.
 */
final class ReviewPane {

    private ReviewPane() {
    }

    static Node build(ConfigEditorViewModel model, ReviewContent review, EditorTexts texts) {
        VBox content = new VBox(8);
        content.setPadding(new Insets(12));
        GridPane changes = new GridPane();
        changes.setId("reviewChanges");
        changes.setHgap(12);
        changes.setVgap(4);
        changes.getStyleClass().add("merge-table");
        changes.addRow(0, OverlayParts.header(texts, "editor.conflict.key"),
                OverlayParts.header(texts, "editor.review.before"), OverlayParts.header(texts, "editor.review.after"));
        int row = 1;
        for (ConfigMerge.Entry change : review.changes()) {
            Label key = new Label(change.key());
            key.getStyleClass().add("property-key");
            changes.addRow(row++, key, OverlayParts.value(texts, change.base()),
                    OverlayParts.value(texts, change.mine()));
        }

        CodeArea diff = new CodeArea();
        diff.setId("reviewDiff");
        diff.setEditable(false);
        diff.getStyleClass().add("yaml-area");
        for (LineDiff.Line line : review.diff()) {
            int start = diff.getLength();
            diff.appendText(line.render() + "\n");
            diff.setStyleClass(start, diff.getLength(), line.op() == LineDiff.Op.ADDED ? "diff-added"
                    : line.op() == LineDiff.Op.REMOVED ? "diff-removed" : "diff-same");
        }
        VirtualizedScrollPane<CodeArea> diffScroll = OverlayParts.scrolled(diff);
        diffScroll.setPrefHeight(240);
        diffScroll.setMinHeight(120);
        VBox.setVgrow(diffScroll, Priority.ALWAYS);
        content.getChildren().addAll(OverlayParts.title(texts, "editor.review.title"),
                OverlayParts.wrapped(texts, "editor.review.changes"), changes,
                OverlayParts.wrapped(texts, "editor.review.explain"), diffScroll);
        if (review.noEtag()) {
            content.getChildren().add(OverlayParts.wrapped(texts, "editor.noEtag", "editor-notice"));
        }
        Button confirm = texts.button("confirmSave", "editor.review.confirm");
        confirm.getStyleClass().add("accent");
        confirm.setDefaultButton(true);
        confirm.setOnAction(e -> model.confirmSave());
        Button back = texts.button("reviewBack", "editor.back");
        back.setCancelButton(true);
        back.setOnAction(e -> model.closeOverlay());
        content.getChildren().add(new HBox(8, confirm, back));
        return OverlayParts.cover("reviewPane", content);
    }
}
