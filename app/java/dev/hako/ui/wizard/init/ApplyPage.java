package dev.hako.ui.wizard.init;

import dev.hako.ui.common.I18n;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The steps that apply the preseed, each with its state as it runs. */
final class ApplyPage {

    private static final List<String> TONES = List.of("success", "danger", "warning");

    private ApplyPage() {
    }

    static Node build(InitialisationViewModel vm, I18n i18n) {
        ApplySteps steps = vm.steps();
        VBox rows = new VBox(6);
        rows.setId("initSteps");
        steps.rows().addListener((ListChangeListener<ApplySteps.Row>) change ->
                rows.getChildren().setAll(steps.rows().stream().map(ApplyPage::row).toList()));
        rows.getChildren().setAll(steps.rows().stream().map(ApplyPage::row).toList());
        Label summary = new Label();
        summary.setId("initPlanState");
        summary.setWrapText(true);
        summary.textProperty().bind(steps.summaryProperty());
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return new VBox(10, PageParts.note(i18n.get("init.apply.hint")), summary, scroll);
    }

    private static Label row(ApplySteps.Row step) {
        Label row = new Label();
        row.setId("initStep" + step.step().index());
        row.setWrapText(true);
        row.textProperty().bind(step.textProperty());
        tone(row, step.toneProperty().get());
        step.toneProperty().addListener((o, before, now) -> tone(row, now));
        return row;
    }

    private static void tone(Label row, ApplySteps.Tone tone) {
        row.getStyleClass().removeAll(TONES);
        switch (tone) {
            case SUCCESS -> row.getStyleClass().add("success");
            case DANGER -> row.getStyleClass().add("danger");
            case WORKING -> row.getStyleClass().add("warning");
            case PLAIN -> {
            }
        }
    }
}
