package dev.hako.ui;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Moves through a wizard (ui.common.WizardDialog) the way a person does: a click that
 * lands while the page is still being laid out is repeated until the page changes.
 */
public final class WizardSteps {

    private WizardSteps() {
    }

    /** The wizard button with that id in the window that shows now. */
    public static Button button(UiDriver ui, String id) {
        return ui.robot.lookup("#" + id).match(n -> n.getScene() != null && n.getScene().getWindow().isShowing())
                .queryAs(Button.class);
    }

    /** The title of the page shown. */
    public static String step(UiDriver ui) {
        return ui.robot.lookup("#wizardStep").match(n -> n.getScene() != null && n.getScene().getWindow().isShowing())
                .queryAs(Label.class).getText();
    }

    public static void next(UiDriver ui) throws Exception {
        turn(ui, "wizardNext");
    }

    public static void back(UiDriver ui) throws Exception {
        turn(ui, "wizardBack");
    }

    private static void turn(UiDriver ui, String buttonId) throws Exception {
        ui.settle();
        String before = step(ui);
        ui.waitUntil(30, () -> {
            Button button = button(ui, buttonId);
            if (step(ui).equals(before) && !button.isDisabled()) {
                ui.robot.clickOn(button);
                WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
            }
            return !step(ui).equals(before);
        });
        ui.settle();
    }

    /** Clicks Finish until the work has started (the button disables itself) or an error shows. */
    public static void clickFinish(UiDriver ui) throws Exception {
        ui.settle();
        Button finish = button(ui, "wizardFinish");
        ui.waitUntil(10, () -> {
            if (!finish.isDisabled()) {
                ui.robot.clickOn(finish);
                WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
            }
            return finish.isDisabled() || ui.robot.lookup("#errorServerMessage").tryQuery().isPresent();
        });
    }

    /** Clicks Finish until the work has started, then waits up to {@code seconds} for the wizard to close. */
    public static void finish(UiDriver ui, int seconds) throws Exception {
        ui.settle();
        Button finish = button(ui, "wizardFinish");
        Window dialog = finish.getScene().getWindow();
        ui.waitUntil(20, () -> {
            if (dialog.isShowing() && !finish.isDisabled()) {
                ui.robot.clickOn(finish);
                WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
            }
            return !dialog.isShowing() || finish.isDisabled();
        });
        ui.waitUntil(seconds, () -> !dialog.isShowing());
    }
}
