package dev.hako.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.LxdException;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import dev.hako.ui.terminal.TerminalViewModel.State;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The Console tab: the console log read and cleared (after asking), the live console's session. */
class ConsoleTabViewModelTest {

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final ScriptedDialogService dialogs = new ScriptedDialogService(i18n);
    private final ScriptedTerminalServer server = new ScriptedTerminalServer();
    private final ConsoleTabViewModel console = new ConsoleTabViewModel(new CurrentThreadTaskExecutor(), dialogs,
            i18n, server);

    @Test
    void theLogIsReadAndItsSizeSaidInTheLanguageOfTheMoment() {
        server.log = "boot ok\n";
        console.refreshLog();
        assertThat(console.logProperty().get()).isEqualTo("boot ok\n");
        assertThat(console.logStatusProperty().get()).isEqualTo("8 characters");
        i18n.setLocale(Locale.JAPANESE);
        assertThat(console.logStatusProperty().get()).isEqualTo("8 文字");
        assertThat(console.logProperty().get()).isEqualTo("boot ok\n");
    }

    @Test
    void aLogThatCannotBeReadSaysWhy() {
        server.logFailure = new LxdException("GET /1.0/instances/c1/console", 404, "Console log not found");
        console.refreshLog();
        assertThat(console.logStatusProperty().get())
                .isEqualTo("Could not read the console log: Console log not found");
        assertThat(console.logStatusProperty().get()).doesNotContain("GET");
    }

    @Test
    void theLogIsClearedOnlyOnceTheUserSaysSo() {
        server.log = "old lines\n";
        console.refreshLog();
        dialogs.answer(false);
        console.clearLog();
        assertThat(server.clears).isZero();
        assertThat(console.logProperty().get()).isEqualTo("old lines\n");
        assertThat(dialogs.shown().get(0).kind()).isEqualTo("confirm");
        assertThat(dialogs.shown().get(0).header()).isEqualTo("Clear the console log of c1 on the server?");

        dialogs.answer(true);
        console.clearLog();
        assertThat(server.clears).isEqualTo(1);
        assertThat(console.logProperty().get()).isEmpty();
        assertThat(console.logStatusProperty().get()).isEqualTo("The console log was cleared.");
    }

    @Test
    void theLiveConsoleAttachesOnlyToARunningInstance() {
        console.instanceChanged(false);
        assertThat(console.attachesOnShow(true, true)).isFalse();
        console.instanceChanged(true);
        assertThat(console.attachesOnShow(true, false)).isFalse();
        assertThat(console.attachesOnShow(true, true)).isTrue();

        server.next(ScriptedSession.exiting(0, "login: ", ""));
        console.live().connect();
        assertThat(server.consoles).containsExactly("80x24");
        assertThat(console.live().state()).isEqualTo(State.EXITED);
        assertThat(console.live().statusTextProperty().get()).isEqualTo("The console session ended.");
        assertThat(console.attachesOnShow(true, true)).as("only a closed console attaches by itself").isFalse();

        console.dispose();
        assertThat(console.live().state()).isEqualTo(State.CLOSED);
    }
}
