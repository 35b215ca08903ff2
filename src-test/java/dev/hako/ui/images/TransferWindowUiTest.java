package dev.hako.ui.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.ui.Screenshots;
import dev.hako.ui.common.FxDialogService;
import dev.hako.ui.common.FxTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.Theme;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The progress window of uploads and downloads: bytes shown as they move, relabelled in place when
 * the language changes, and Cancel reaches the transfer.
 */
class TransferWindowUiTest {

    private final FxRobot robot = new FxRobot();

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @ParameterizedTest
    @CsvSource({"true,en", "false,ja"})
    void showsBytesAndCancelStopsTheTransfer(boolean dark, String language) throws Exception {
        I18n i18n = new I18n(Locale.forLanguageTag(language));
        FxToolkit.registerPrimaryStage();
        AtomicReference<Stage> owner = new AtomicReference<>();
        FxToolkit.setupStage(stage -> {
            Theme.apply(dark);
            stage.setScene(new Scene(new StackPane(new Label("owner")), 300, 200));
            Theme.decorate(stage.getScene(), dark);
            stage.show();
            owner.set(stage);
        });
        AtomicBoolean sawCancel = new AtomicBoolean();
        AtomicBoolean succeeded = new AtomicBoolean();
        long total = 48L << 20;
        String title = "variant.tar.gz";
        robot.interact(() -> TransferWindow.run(FxTaskExecutor.get(), new FxDialogService(owner::get, i18n),
                () -> i18n.format("images.import.progress", title, "local"),
                () -> i18n.format("images.import.failed", title, "local"), total, true, transfer -> {
                    // Stands in for the stream: 12 MiB moved, then waits as a stalled upload would.
                    for (int i = 0; i < 12; i++) {
                        transfer.count(1 << 20);
                    }
                    while (!transfer.isCancelled()) {
                        WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
                    }
                    sawCancel.set(true);
                    throw new dev.hako.lxd.Transfer.CancelledException();
                }, result -> succeeded.set(true)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#transferBytes").tryQuery()
                .map(n -> ((Label) n).getText().contains("12.0 MiB")).orElse(false));
        Window window = robot.lookup("#transferCancel").query().getScene().getWindow();
        Screenshots.save(window.getScene(), "transfer-window-" + (dark ? "dark" : "light") + "-" + language);
        // The language changes while the bytes move: the window relabels itself and keeps counting.
        Locale other = language.equals("ja") ? Locale.ENGLISH : Locale.JAPANESE;
        I18n otherTexts = new I18n(other);
        robot.interact(() -> i18n.setLocale(other));
        Button cancel = robot.lookup("#transferCancel").queryAs(Button.class);
        assertThat(cancel.getText()).isEqualTo(otherTexts.get("images.transfer.cancel"));
        assertThat(((Stage) window).getTitle()).isEqualTo(otherTexts.format("images.import.progress", title, "local"));
        assertThat(robot.lookup("#transferBytes").queryAs(Label.class).getText()).contains("12.0 MiB");
        Screenshots.save(window.getScene(), "transfer-window-relabelled-" + (dark ? "dark" : "light") + "-"
                + other.getLanguage());
        robot.clickOn("#transferCancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sawCancel.get() && !window.isShowing());
        assertThat(succeeded.get()).isFalse();
    }
}
