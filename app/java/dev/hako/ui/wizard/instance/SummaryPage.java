package dev.hako.ui.wizard.instance;

import static dev.hako.ui.wizard.instance.PageControls.label;

import dev.hako.ui.common.I18n;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The summary page: the request as YAML, then the server's progress while it creates. */
final class SummaryPage {

    private final VBox content;

    SummaryPage(I18n i18n, NewInstanceViewModel model) {
        TextArea preview = new TextArea();
        preview.setId("newInstancePreview");
        preview.setEditable(false);
        preview.setStyle("-fx-font-family: monospace;");
        preview.textProperty().bind(model.previewProperty());
        VBox.setVgrow(preview, Priority.ALWAYS);
        ProgressBar progress = new ProgressBar();
        progress.setId("newInstanceProgressBar");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.progressShownProperty());
        Label progressText = new Label();
        progressText.setId("newInstanceProgress");
        progressText.setWrapText(true);
        progressText.textProperty().bind(model.progressTextProperty());
        Label hint = label(i18n, () -> i18n.get("newinstance.summary.hint"));
        hint.setWrapText(true);
        hint.setMinWidth(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
        hint.getStyleClass().add("text-muted");
        Label serverName = label(i18n, () -> i18n.format("newinstance.summary.serverChoosesName", model.cli()));
        serverName.setId("newInstanceServerChoosesName");
        serverName.setWrapText(true);
        serverName.setMinWidth(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
        // Shown while the name is blank: the preview is refreshed on entering this page, so is this.
        model.previewProperty().addListener((o, was, now) -> serverName.setVisible(model.serverChoosesName()));
        serverName.setVisible(model.serverChoosesName());
        serverName.managedProperty().bind(serverName.visibleProperty());
        javafx.scene.Node command = dev.hako.ui.common.CommandBox.of(i18n, model.cli(), model.commandProperty(),
                "newInstanceCommand");
        content = new VBox(8, hint, serverName, preview, command, progress, progressText);
    }

    VBox content() {
        return content;
    }
}
