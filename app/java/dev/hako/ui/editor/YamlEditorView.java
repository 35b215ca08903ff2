package dev.hako.ui.editor;

import dev.hako.ui.common.I18n;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The YAML text of the object in a code area: highlighting, line numbers, undo
 * and redo, and each parse or validation problem marked on its line with the
 * precise message below. Every edit is parsed at once (pure, no request).
 */
final class YamlEditorView {

    private static final Pattern TOKENS = Pattern.compile(
            "(?<COMMENT>#[^\\n]*)"
            + "|(?<KEY>^[ \\t]*(?:- )?[^\\s#:'\"][^:#\\n]*?(?=:(?:\\s|$)))"
            + "|(?<STRING>\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\n]|'')*')"
            + "|(?<LITERAL>\\b(?:true|false|null|yes|no|on|off)\\b|(?<![\\w.])-?\\d+(?:\\.\\d+)?(?![\\w.]))"
            + "|(?<PUNCT>^[ \\t]*- |[:{}\\[\\],])",
            Pattern.MULTILINE);

    private final ObjectKind kind;
    private final ConfigCatalog catalog;
    private final I18n i18n;
    private final CodeArea area = new CodeArea();
    private final VBox problemsBox = new VBox(2);
    private final BorderPane root = new BorderPane();
    private final Consumer<YamlCodec.Result> onParsed;
    private YamlCodec.Result last;
    private boolean setting;

    YamlEditorView(ObjectKind kind, ConfigCatalog catalog, I18n i18n, Consumer<YamlCodec.Result> onParsed) {
        this.kind = kind;
        this.catalog = catalog;
        this.i18n = i18n;
        this.onParsed = onParsed;
        area.setId("yamlArea");
        area.getStyleClass().add("yaml-area");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.textProperty().addListener((o, was, now) -> {
            highlight();
            if (!setting) {
                parse();
            }
        });
        Button undo = new Button(i18n.get("editor.yaml.undo"));
        undo.setId("yamlUndo");
        undo.disableProperty().bind(area.undoAvailableProperty().map(a -> !a));
        undo.setOnAction(e -> area.undo());
        Button redo = new Button(i18n.get("editor.yaml.redo"));
        redo.setId("yamlRedo");
        redo.disableProperty().bind(area.redoAvailableProperty().map(a -> !a));
        redo.setOnAction(e -> area.redo());
        Label hint = new Label(i18n.get("editor.yaml.hint"));
        hint.getStyleClass().add("text-muted");
        HBox bar = new HBox(8, undo, redo, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        problemsBox.setId("yamlProblems");
        problemsBox.setPadding(new Insets(4, 8, 4, 8));
        root.setTop(bar);
        root.setCenter(new VirtualizedScrollPane<>(area));
        root.setBottom(problemsBox);
    }

    Node node() {
        return root;
    }

    CodeArea area() {
        return area;
    }

    /** Replaces the text with the document's YAML (not an edit: the undo history starts again). */
    void setDocument(EditDocument document) {
        setting = true;
        try {
            area.replaceText(YamlCodec.toYaml(document));
            area.getUndoManager().forgetHistory();
            area.moveTo(0);
            area.requestFollowCaret();
        } finally {
            setting = false;
        }
        parse();
    }

    String text() {
        return area.getText();
    }

    YamlCodec.Result lastResult() {
        if (last == null) {
            parse();
        }
        return last;
    }

    private void parse() {
        last = YamlCodec.parse(kind, area.getText(), catalog);
        showProblems(last.problems());
        onParsed.accept(last);
    }

    private void showProblems(List<Problem> problems) {
        for (int p = 0; p < area.getParagraphs().size(); p++) {
            area.setParagraphStyle(p, Collections.emptyList());
        }
        problemsBox.getChildren().clear();
        for (Problem problem : problems) {
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
