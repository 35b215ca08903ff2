package dev.hako.ui.editor;

import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The panes of the toolbar's tools: the same change as CLI commands, and the two presets. */
final class ToolPanes {

    private ToolPanes() {
    }

    static Node cli(ConfigEditorViewModel model, EditorTexts texts) {
        List<String> commands = model.tools().cliCommands();
        String text = commands.isEmpty() ? "# " + texts.i18n().get("editor.cli.noChanges")
                : String.join("\n", commands);
        TextArea area = new TextArea(text);
        area.setId("cliText");
        area.setEditable(false);
        area.setPrefRowCount(Math.max(4, Math.min(20, commands.size() + 1)));
        area.getStyleClass().add("cli-text");
        Button copy = texts.button("copyCli", "editor.cli.copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
            copy.textProperty().bind(texts.get("editor.cli.copied"));
        });
        Button close = texts.button("cliClose", "editor.back");
        close.setOnAction(e -> model.closeOverlay());
        Label title = new Label();
        title.textProperty().bind(texts.format("editor.cli.title",
                model.tools().serverKind().cli()));
        title.getStyleClass().add("title-4");
        VBox content = new VBox(8, title, texts.label("editor.cli.explain"), area, new HBox(8, copy, close));
        content.setPadding(new Insets(12));
        return OverlayParts.cover("cliPane", content);
    }

    static Node docker(ConfigEditorViewModel model, EditorTexts texts) {
        boolean intercept = model.tools().interceptAvailable();
        CheckBox nesting = check("dockerNesting", "security.nesting=true", true);
        CheckBox mknod = check("dockerMknod", "security.syscalls.intercept.mknod=true", intercept);
        CheckBox setxattr = check("dockerSetxattr", "security.syscalls.intercept.setxattr=true", intercept);
        mknod.setDisable(!intercept);
        setxattr.setDisable(!intercept);
        CheckBox modules = check("dockerModules", "linux.kernel_modules=", true);
        TextField moduleList = new TextField(Presets.DOCKER_MODULES);
        moduleList.setId("dockerModuleList");
        moduleList.setPrefColumnCount(40);
        ObjectProperty<List<Problem>> found = new SimpleObjectProperty<>(List.of());
        Label error = problems(texts, found);
        Button apply = texts.button("applyPreset", "editor.preset.apply");
        apply.getStyleClass().add("accent");
        apply.setOnAction(e -> found.set(model.tools().applyDockerPreset(new Presets.DockerChoice(nesting.isSelected(),
                mknod.isSelected(), setxattr.isSelected(), modules.isSelected(), moduleList.getText()))));
        Button back = texts.button(null, "editor.back");
        back.setOnAction(e -> model.closeOverlay());
        VBox content = new VBox(8, OverlayParts.title(texts, "editor.preset.docker"),
                OverlayParts.wrapped(texts, "editor.preset.dockerExplain"), nesting, mknod, setxattr,
                OverlayParts.wrapped(texts, intercept ? "editor.preset.interceptAvailable"
                        : "editor.preset.interceptMissing", "text-muted"),
                new HBox(4, modules, moduleList),
                OverlayParts.wrapped(texts, "editor.preset.modulesExplain", "text-muted"), error,
                new HBox(8, apply, back));
        content.setPadding(new Insets(12));
        return OverlayParts.cover("dockerPane", content);
    }

    private static CheckBox check(String id, String text, boolean selected) {
        CheckBox box = new CheckBox(text);
        box.setMnemonicParsing(false);
        box.setId(id);
        box.setSelected(selected);
        return box;
    }

    static Node limits(ConfigEditorViewModel model, ConfigCatalog catalog, EditorTexts texts) {
        PropertyEditor cpu = PropertyEditor.forKey(catalog.lookup(model.kind(), "limits.cpu").orElse(null));
        cpu.setValue(model.draft().config().get("limits.cpu"));
        cpu.node().setId("limitsCpu");
        PropertyEditor memory = PropertyEditor.forKey(catalog.lookup(model.kind(), "limits.memory").orElse(null));
        memory.setValue(model.draft().config().get("limits.memory"));
        memory.node().setId("limitsMemory");
        Map<String, String> root = model.tools().rootDisk();
        PropertyEditor disk = PropertyEditor.forKey(DeviceKinds.field("disk", "size").orElse(null));
        disk.setValue(root == null ? "" : root.get("size"));
        disk.node().setId("limitsDisk");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, texts.label("editor.limits.cpu"), cpu.node(), new Label("limits.cpu"));
        grid.addRow(1, texts.label("editor.limits.memory"), memory.node(), new Label("limits.memory"));
        grid.addRow(2, texts.label("editor.limits.disk"), disk.node(), new Label("devices.root.size"));
        ObjectProperty<List<Problem>> found = new SimpleObjectProperty<>(List.of());
        Label error = problems(texts, found);
        error.setId("limitsError");
        for (PropertyEditor field : List.of(cpu, memory, disk)) {
            field.setOnChange(() -> found.set(List.of()));
        }
        Button apply = texts.button("applyLimits", "editor.preset.apply");
        apply.getStyleClass().add("accent");
        apply.setOnAction(e -> found.set(model.tools().applyLimits(cpu.value(), memory.value(), disk.value())));
        Button back = texts.button(null, "editor.back");
        back.setOnAction(e -> model.closeOverlay());
        VBox content = new VBox(8, OverlayParts.title(texts, "editor.preset.limits"),
                OverlayParts.wrapped(texts, "editor.limits.explain"), grid, error, new HBox(8, apply, back));
        content.setPadding(new Insets(12));
        return OverlayParts.cover("limitsPane", content);
    }

    /** The problems a form's apply found, in the window's language. */
    private static Label problems(EditorTexts texts, ObjectProperty<List<Problem>> found) {
        Label error = new Label();
        error.getStyleClass().add("property-error");
        error.setWrapText(true);
        error.textProperty().bind(texts.computed(() -> String.join("\n",
                found.get().stream().map(p -> p.message(texts.i18n())).toList()), found));
        return error;
    }
}
