package dev.hako.ui.editor;

import dev.hako.model.config.EditTarget;
import dev.hako.ui.common.I18n;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The YAML text of the draft in a code area: highlighting, line numbers, undo and
 * redo, and each parse or validation problem marked on its line with the precise
 * message below. Every edit is parsed at once (pure, no request); a valid text
 * becomes the view model's draft, an invalid one stays here with its problems.
 */
final class YamlEditorView {

    private static final Pattern TOKENS = Pattern.compile(
            "(?<COMMENT>#[^\\n]*)"
            + "|(?<KEY>^[ \\t]*(?:- )?[^\\s#:'\"][^:#\\n]*?(?=:(?:\\s|$)))"
            + "|(?<STRING>\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\n]|'')*')"
            + "|(?<LITERAL>\\b(?:true|false|null|yes|no|on|off)\\b|(?<![\\w.])-?\\d+(?:\\.\\d+)?(?![\\w.]))"
            + "|(?<PUNCT>^[ \\t]*- |[:{}\\[\\],])",
            Pattern.MULTILINE);

    private final ConfigEditorViewModel model;
    private final DraftEdits edits;
    private final I18n i18n;
    private final CodeArea area = new CodeArea();
    private final VBox problemsBox = new VBox(2);
    private final BorderPane root = new BorderPane();
    private final ChangeListener<Locale> relabel = (o, was, now) -> showProblems();
    /** The version the text was last written for: a newer one starts a new undo history. */
    private EditTarget.Loaded renderedFor;
    private boolean setting;
    private boolean pushing;
    private boolean active;
    private boolean stale = true;

    YamlEditorView(ConfigEditorViewModel model, EditorTexts texts) {
        this.model = model;
        this.edits = model.edits();
        this.i18n = texts.i18n();
        area.setId("yamlArea");
        area.getStyleClass().add("yaml-area");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.textProperty().addListener((o, was, now) -> {
            highlight();
            if (!setting) {
                pushing = true;
                try {
                    edits.editYaml(now);
                } finally {
                    pushing = false;
                }
            }
        });
        Button undo = texts.button("yamlUndo", "editor.yaml.undo");
        undo.disableProperty().bind(area.undoAvailableProperty().map(a -> !a));
        undo.setOnAction(e -> area.undo());
        Button redo = texts.button("yamlRedo", "editor.yaml.redo");
        redo.disableProperty().bind(area.redoAvailableProperty().map(a -> !a));
        redo.setOnAction(e -> area.redo());
        Label hint = texts.label("editor.yaml.hint");
        hint.getStyleClass().add("text-muted");
        HBox bar = new HBox(8, undo, redo, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        problemsBox.setId("yamlProblems");
        problemsBox.setPadding(new Insets(4, 8, 4, 8));
        root.setTop(bar);
        root.setCenter(new VirtualizedScrollPane<>(area));
        root.setBottom(problemsBox);

        edits.yamlProblems().addListener((ListChangeListener<Problem>) change -> showProblems());
        model.draftProperty().addListener((o, was, now) -> {
            if (!pushing) {
                refresh();
            }
        });
        i18n.localeProperty().addListener(new WeakChangeListener<>(relabel));
    }

    Node node() {
        return root;
    }

    /** Whether the YAML tab is shown; the text follows the draft only while it is (and when it is shown again). */
    void setActive(boolean shown) {
        active = shown;
        if (shown && stale) {
            render();
        }
    }

    private void refresh() {
        if (active) {
            render();
        } else {
            stale = true;
        }
    }

    /**
     * Writes the draft's YAML. After a load or a save the undo history starts again; after
     * an edit on another tab, Undo brings the previous text back.
     */
    private void render() {
        stale = false;
        String yaml = edits.yaml();
        if (yaml.equals(area.getText())) {
            return;
        }
        setting = true;
        try {
            area.replaceText(yaml);
            if (renderedFor != model.loaded()) {
                area.getUndoManager().forgetHistory();
                renderedFor = model.loaded();
            }
            area.moveTo(0);
            area.requestFollowCaret();
        } finally {
            setting = false;
        }
    }

    private void showProblems() {
        for (int p = 0; p < area.getParagraphs().size(); p++) {
            area.setParagraphStyle(p, Collections.emptyList());
        }
        problemsBox.getChildren().clear();
        for (Problem problem : edits.yamlProblems()) {
            Label label = new Label(problem.message(i18n));
            label.getStyleClass().add("property-error");
            label.setWrapText(true);
            if (problem.line() > 0) {
                int paragraph = Math.min(problem.line() - 1, area.getParagraphs().size() - 1);
                area.setParagraphStyle(paragraph, List.of("yaml-error-line"));
                label.setOnMouseClicked(e -> {
                    area.moveTo(paragraph, Math.max(0, Math.min(problem.column() - 1,
                            area.getParagraph(paragraph).length())));
                    area.requestFollowCaret();
                    area.requestFocus();
                });
            }
            problemsBox.getChildren().add(label);
        }
    }

    private void highlight() {
        area.setStyleSpans(0, spans(area.getText()));
    }

    static StyleSpans<Collection<String>> spans(String text) {
        Matcher m = TOKENS.matcher(text);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int end = 0;
        while (m.find()) {
            String style = m.group("COMMENT") != null ? "yaml-comment"
                    : m.group("KEY") != null ? "yaml-key"
                    : m.group("STRING") != null ? "yaml-string"
                    : m.group("LITERAL") != null ? "yaml-literal" : "yaml-punct";
            spans.add(Collections.emptyList(), m.start() - end);
            spans.add(Collections.singleton(style), m.end() - m.start());
            end = m.end();
        }
        spans.add(Collections.emptyList(), text.length() - end);
        return spans.create();
    }
}
