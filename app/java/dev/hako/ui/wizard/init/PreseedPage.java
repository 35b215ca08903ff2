package dev.hako.ui.wizard.init;

import dev.hako.ui.common.I18n;
import java.io.File;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The preseed the pages make, as YAML to edit, import and export. */
final class PreseedPage {

    private PreseedPage() {
    }

    /** @param window the wizard's window, which owns the file choosers */
    static Node build(InitialisationViewModel vm, I18n i18n, Supplier<Window> window) {
        PreseedDraft draft = vm.preseed();
        TextArea yaml = new TextArea();
        yaml.setId("initPreseed");
        // Lets a test reach import and export without the platform's file dialogs.
        yaml.getProperties().put(PreseedDraft.class, draft);
        yaml.setStyle("-fx-font-family: monospace;");
        yaml.getStyleClass().add("yaml-preview");
        yaml.textProperty().bindBidirectional(draft.textProperty());
        VBox.setVgrow(yaml, Priority.ALWAYS);
        Label state = new Label();
        state.setId("initPreseedState");
        state.getStyleClass().add("text-muted");
        state.setWrapText(true);
        state.setMinHeight(Region.USE_PREF_SIZE);
        state.textProperty().bind(draft.stateProperty());

        Button importButton = new Button(i18n.get("init.preseed.import"));
        importButton.setId("initImport");
        importButton.setOnAction(e -> {
            File file = chooser(i18n, "init.preseed.importTitle").showOpenDialog(window.get());
            if (file != null) {
                draft.importFrom(file.toPath());
            }
        });
        Button exportButton = new Button(i18n.get("init.preseed.export"));
        exportButton.setId("initExport");
        exportButton.setOnAction(e -> {
            if (draft.exportable()) {
                FileChooser chooser = chooser(i18n, "init.preseed.exportTitle");
                chooser.setInitialFileName("preseed.yaml");
                File file = chooser.showSaveDialog(window.get());
                if (file != null) {
                    draft.exportTo(file.toPath());
                }
            }
        });
        Button rebuild = new Button(i18n.get("init.preseed.rebuild"));
        rebuild.setId("initRebuild");
        rebuild.setOnAction(e -> draft.rebuild());
        HBox buttons = new HBox(8, importButton, exportButton, rebuild);
        for (Button b : List.of(importButton, exportButton, rebuild)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label secrets = PageParts.note(i18n.get(vm.incus() ? "init.preseed.secretsIncus" : "init.preseed.secrets"));
        secrets.setId("initSecretsNote");
        return new VBox(8, PageParts.note(i18n.get("init.preseed.hint")), buttons, state, yaml, secrets);
    }

    private static FileChooser chooser(I18n i18n, String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get(titleKey));
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"),
                new FileChooser.ExtensionFilter(i18n.get("init.preseed.allFiles"), "*"));
        return chooser;
    }
}
