package dev.hako.ui.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.ui.common.I18n;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The first-run page on screen says everything in Japanese after a switch, as the same node at the same place. */
class WelcomePageRelabelUiTest {

    private final FxRobot robot = new FxRobot();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void switchingLanguageRelabelsThePageInPlace() throws Exception {
        I18n i18n = new I18n(Locale.ENGLISH);
        WelcomePage[] shown = new WelcomePage[1];
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            shown[0] = new WelcomePage(i18n, List.of(), new UserAccount("alice", 1000, Set.of(1000L)),
                    WelcomePage.Actions.NONE);
            stage.setScene(new Scene((ScrollPane) shown[0].node(), 700, 400));
            stage.show();
        });
        WelcomePage page = shown[0];
        ScrollPane node = (ScrollPane) page.node();
        robot.interact(() -> node.setVvalue(1.0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node.getContent().getLayoutBounds().getHeight()).isGreaterThan(node.getViewportBounds().getHeight());
        assertThat(node.getVvalue()).isEqualTo(1.0);
        List<String> commands = WelcomePage.commandsOf(node);
        assertThat(((Label) node.lookup("#welcomeTitle")).getText()).isEqualTo("Welcome to Hako");

        robot.interact(() -> i18n.setLocale(Locale.JAPANESE));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(page.node()).isSameAs(node);
        assertThat(((Label) node.lookup("#welcomeTitle")).getText()).isEqualTo(i18n.get("welcome.title"))
                .isNotEqualTo("Welcome to Hako");
        assertThat(node.lookupAll(".label")).map(n -> ((Label) n).getText())
                .contains(i18n.get("welcome.start.title"), i18n.get("welcome.import.how"))
                .doesNotContain("Get a server");
        assertThat(WelcomePage.commandsOf(node)).isEqualTo(commands);
        assertThat(node.getVvalue()).isEqualTo(1.0);
    }
}
