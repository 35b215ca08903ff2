package dev.hako.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.testbed.Daemon;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/**
 * Menus and drop-down lists in the dark theme are dark to their very edge, also on a
 * display without a compositor (like the test's), where a see-through shadow paints light.
 */
class PopupFrameUiTest {

    @Test
    void popupsHaveNoLightFrameInTheDarkTheme() throws Exception {
        try (UiDriver ui = new UiDriver(Daemon.LXD).open(true, Locale.JAPANESE)) {
            // Right-click again if the first click came before the row was ready for it.
            ui.waitUntil(10, () -> {
                ui.robot.rightClickOn(ui.cell("remote:local"));
                ui.settle();
                return popup(ui) != null;
            });
            ui.settle();
            assertEdgesAreDark(ui, "context-menu-lxd-dark-ja");
            ui.robot.push(javafx.scene.input.KeyCode.ESCAPE);
            ui.waitUntil(5, () -> popup(ui) == null);

            ui.robot.clickOn("#languageChoice");
            ui.waitUntil(5, () -> popup(ui) != null);
            ui.settle();
            assertEdgesAreDark(ui, "combo-popup-lxd-dark-ja");
            ui.robot.push(javafx.scene.input.KeyCode.ESCAPE);
        }
    }

    private static Window popup(UiDriver ui) {
        return ui.robot.listTargetWindows().stream().filter(w -> w instanceof PopupWindow && w.isShowing()
                && !(w instanceof javafx.scene.control.Tooltip)).findFirst().orElse(null);
    }

    /** The popup's outermost pixels, read from the screen, are all dark. */
    private static void assertEdgesAreDark(UiDriver ui, String screenshot) throws Exception {
        Window popup = popup(ui);
        Rectangle2D bounds = new Rectangle2D(popup.getX(), popup.getY(), popup.getWidth(), popup.getHeight());
        Image screen = ui.robot.capture(javafx.stage.Screen.getPrimary().getBounds()).getImage();
        Screenshots.save(screen, screenshot);
        PixelReader pixels = screen.getPixelReader();
        List<String> light = new ArrayList<>();
        int left = (int) Math.ceil(bounds.getMinX());
        int top = (int) Math.ceil(bounds.getMinY());
        int right = (int) Math.floor(bounds.getMaxX()) - 1;
        int bottom = (int) Math.floor(bounds.getMaxY()) - 1;
        for (int x = left; x <= right; x++) {
            check(pixels, x, top, light);
            check(pixels, x, bottom, light);
        }
        for (int y = top; y <= bottom; y++) {
            check(pixels, left, y, light);
            check(pixels, right, y, light);
        }
        assertThat(light).as("light pixels on the edge of the popup at " + bounds).isEmpty();
    }

    private static void check(PixelReader pixels, int x, int y, List<String> light) {
        javafx.scene.paint.Color color = pixels.getColor(x, y);
        if (color.getBrightness() > 0.6 && light.size() < 10) {
            light.add(x + "," + y + "=" + color);
        }
    }
}
