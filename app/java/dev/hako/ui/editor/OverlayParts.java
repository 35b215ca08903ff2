package dev.hako.ui.editor;

import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

/** Pieces the panes over the editor's tabs (review, conflict, presets) share. */
final class OverlayParts {

    private OverlayParts() {
    }

    /** The pane that covers the tabs, with its content scrolled. */
    static Node cover(String id, Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        VBox box = new VBox(scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        box.getStyleClass().add("editor-overlay");
        box.setId(id);
        return box;
    }

    static Label title(EditorTexts texts, String key) {
        Label title = texts.label(key);
        title.getStyleClass().add("title-4");
        title.setWrapText(true);
        return title;
    }

    static Label wrapped(EditorTexts texts, String key, String... styles) {
        Label label = texts.label(key);
        label.setWrapText(true);
        label.getStyleClass().addAll(styles);
        return label;
    }

    static Label header(EditorTexts texts, String key) {
        Label l = texts.label(key);
        l.getStyleClass().add("merge-header");
        return l;
    }

    /** One value of a key (a device shows as its {@code key=value} pairs); "(not set)" when absent. */
    static Label value(EditorTexts texts, Object v) {
        Label l = new Label();
        if (v == null) {
            l.textProperty().bind(texts.get("editor.conflict.absent"));
            l.getStyleClass().add("text-muted");
        } else if (v instanceof Map<?, ?> device) {
            l.setText(device.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ")));
        } else {
            l.setText(String.valueOf(v));
        }
        l.setWrapText(true);
        l.setMaxWidth(260);
        return l;
    }

    static CodeArea readOnlyYaml(String text, String id) {
        CodeArea area = new CodeArea(text);
        area.setEditable(false);
        area.setId(id);
        area.getStyleClass().add("yaml-area");
        area.setStyleSpans(0, YamlEditorView.spans(text));
        return area;
    }

    static VirtualizedScrollPane<CodeArea> scrolled(CodeArea area) {
        return new VirtualizedScrollPane<>(area);
    }
}
