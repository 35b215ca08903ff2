package dev.hako.ui.common;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.CheckBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Enter presses a dialog's default button wherever the focus is: JavaFX gives the key to a
 * focused check box or radio button, which does nothing with it, so OK never came.
 */
final class DialogKeys {

    private static final String INSTALLED = "hako.dialogKeys";

    private DialogKeys() {
    }

    static void enterPressesDefault(DialogPane pane) {
        if (pane.getProperties().putIfAbsent(INSTALLED, Boolean.TRUE) != null) {
            return;
        }
        pane.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() != KeyCode.ENTER || !isToggle(event.getTarget())) {
                return;
            }
            for (ButtonType type : pane.getButtonTypes()) {
                if (pane.lookupButton(type) instanceof Button button && button.isDefaultButton()
                        && !button.isDisabled()) {
                    event.consume();
                    button.fire();
                    return;
                }
            }
        });
    }

    private static boolean isToggle(Object target) {
        // A radio button is a toggle button.
        return target instanceof CheckBox || target instanceof ToggleButton;
    }
}
