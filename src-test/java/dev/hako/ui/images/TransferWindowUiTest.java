package dev.hako.ui.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.ui.Screenshots;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.Theme;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
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

/** The progress window of uploads and downloads: bytes shown as they move, Cancel reaches the transfer. */
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
        robot.interact(() -> TransferWindow.run(owner.get(), i18n, i18n.format("images.import.progress",
                "variant.tar.gz", "local"), total, true, transfer -> {
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
        robot.clickOn("#transferCancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sawCancel.get() && !window.isShowing());
        assertThat(succeeded.get()).isFalse();
    }
}
