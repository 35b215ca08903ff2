package dev.hako.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/**
 * A dialog of pages with Back, Next and Finish. Each page says what is wrong with it
 * (Next and Finish stay disabled until nothing is); Finish runs the work in the
 * background with the dialog still open, so a refusal loses nothing that was typed.
 */
public final class WizardDialog {

    /** One page: its title, its content, what is wrong with it now (null when nothing), what to do on show. */
    public record Page(String title, Node content, Supplier<String> problem, Runnable onShow) {
    }

    private final I18n i18n;
    private final javafx.scene.control.Dialog<ButtonType> dialog = new javafx.scene.control.Dialog<>();
    private final List<Page> pages = new ArrayList<>();
    private final BorderPane body = new BorderPane();
    private final Label step = new Label();
    private final Label problem = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final ButtonType back;
    private final ButtonType next;
    private final ButtonType finish;
    private final ButtonType cancel;
    private int index;
    private boolean working;
    private Consumer<WizardDialog> onFinish = w -> { };
    private Runnable onCancelWhileWorking = () -> { };

    public WizardDialog(Window owner, I18n i18n, String title) {
        this.i18n = i18n;
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setResizable(true);
        back = new ButtonType(i18n.get("wizard.back"), ButtonBar.ButtonData.BACK_PREVIOUS);
        next = new ButtonType(i18n.get("wizard.next"), ButtonBar.ButtonData.NEXT_FORWARD);
        finish = new ButtonType(i18n.get("wizard.finish"), ButtonBar.ButtonData.FINISH);
        cancel = new ButtonType(i18n.get("wizard.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(back, next, finish, cancel);
        button(back).setId("wizardBack");
        button(next).setId("wizardNext");
        button(finish).setId("wizardFinish");
        button(cancel).setId("wizardCancel");
        button(back).addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            show(index - 1);
        });
        button(next).addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            show(index + 1);
        });
        button(finish).addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            setWorking(true);
            onFinish.accept(this);
        });
        button(cancel).addEventFilter(ActionEvent.ACTION, e -> {
            if (working) {
                e.consume();
                onCancelWhileWorking.run();
            }
        });
        step.getStyleClass().add("title-4");
        step.setId("wizardStep");
        problem.setId("wizardProblem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        busy.setVisible(false);
        busy.setPrefSize(22, 22);
        HBox bottom = new HBox(10, busy, problem);
        bottom.setPadding(new javafx.geometry.Insets(10, 0, 0, 0));
        body.setTop(step);
        BorderPane.setMargin(step, new javafx.geometry.Insets(0, 0, 10, 0));
        body.setBottom(bottom);
        body.setPrefSize(660, 520);
        // The dialog pane gives a node content no inset of its own; the buttons below have one.
        body.setPadding(new javafx.geometry.Insets(14, 18, 0, 18));
        dialog.getDialogPane().setContent(body);
        dev.hako.ui.common.Theme.styleDialog(dialog.getDialogPane(), owner);
    }

    public I18n i18n() {
        return i18n;
    }

    private Button button(ButtonType type) {
        return (Button) dialog.getDialogPane().lookupButton(type);
    }

    public WizardDialog page(String title, Node content, Supplier<String> problemOf, Runnable onShow) {
        pages.add(new Page(title, content, problemOf, onShow));
        watch(content);
        return this;
    }

    /** A preferred size other than the default 660 × 520, for pages with wide tables. */
    public WizardDialog size(double width, double height) {
        body.setPrefSize(width, height);
        dialog.getDialogPane().setMinWidth(width);
        return this;
    }

    public WizardDialog onFinish(Consumer<WizardDialog> action) {
        this.onFinish = action;
        return this;
    }

    /** What Cancel does while the finish work runs (e.g. cancel the server operation); by default nothing. */
    public WizardDialog onCancelWhileWorking(Runnable action) {
        this.onCancelWhileWorking = action;
        return this;
    }

    /** Re-checks the page after any edit in it. */
    public void watch(Node node) {
        if (node instanceof TextInputControl input) {
            input.textProperty().addListener((o, a, b) -> revalidate());
        } else if (node instanceof CheckBox box) {
            box.selectedProperty().addListener((o, a, b) -> revalidate());
        } else if (node instanceof ToggleButton toggle) {
            toggle.selectedProperty().addListener((o, a, b) -> revalidate());
        } else if (node instanceof ChoiceBox<?> choice) {
            choice.valueProperty().addListener((o, a, b) -> revalidate());
        } else if (node instanceof ComboBox<?> combo) {
            combo.valueProperty().addListener((o, a, b) -> revalidate());
        } else if (node instanceof javafx.scene.control.RadioButton radio) {
            radio.selectedProperty().addListener((o, a, b) -> revalidate());
        }
        if (node instanceof javafx.scene.control.ScrollPane scroller && scroller.getContent() != null) {
            // Its content joins the scene graph only with the skin: watch it directly.
            watch(scroller.getContent());
        } else if (node instanceof javafx.scene.Parent parent && !(node instanceof TextInputControl)) {
            parent.getChildrenUnmodifiable().forEach(this::watch);
        }
    }

    private void show(int target) {
        if (target < 0 || target >= pages.size()) {
            return;
        }
        index = target;
        Page page = pages.get(index);
        if (page.onShow() != null) {
            page.onShow().run();
        }
        step.setText(i18n.format("wizard.step", index + 1, pages.size(), page.title()));
        body.setCenter(page.content());
        revalidate();
    }

    public void revalidate() {
        if (pages.isEmpty()) {
            return;
        }
        String message = working ? null : pages.get(index).problem().get();
        problem.setText(message == null ? "" : message);
        boolean last = index == pages.size() - 1;
        button(back).setDisable(working || index == 0);
        button(next).setDisable(working || last || message != null);
        button(finish).setDisable(working || !last || message != null);
        button(cancel).setDisable(false);
        button(next).setDefaultButton(!last);
        button(finish).setDefaultButton(last);
    }

    /** Disables the buttons (and shows a spinner) while the finish work runs. */
    public void setWorking(boolean working) {
        this.working = working;
        busy.setVisible(working);
        revalidate();
    }

    /** The finish work failed: the dialog stays open with what was typed. */
    public void failed() {
        setWorking(false);
    }

    /** The finish work succeeded. */
    public void close() {
        working = false;
        dialog.setResult(finish);
        dialog.close();
    }

    public Window window() {
        return dialog.getDialogPane().getScene().getWindow();
    }

    public void show() {
        show(0);
        dialog.show();
    }
}
