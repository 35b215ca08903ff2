package dev.hako.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.terminal.TerminalViewModel.State;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Terminal tab: options for new terminals checked as typed, terminals opened with them, titles, stops. */
class TerminalTabViewModelTest {

    private final I18n i18n = new I18n(Locale.JAPANESE);
    private final ScriptedTerminalServer server = new ScriptedTerminalServer();
    private final SteppingTaskExecutor tasks = new SteppingTaskExecutor();
    private final TerminalTabViewModel tab = new TerminalTabViewModel(tasks, i18n, server);

    @Test
    void optionsAreCheckedAsTypedAndTheProblemIsSaidInJapanese() {
        ExecForm form = tab.optionsForm();
        assertThat(form.problem()).isNull();
        assertThat(form.invalidProperty().get()).isFalse();

        form.userProperty().set("root");
        assertThat(form.problemProperty().get())
                .isEqualTo("ユーザー ID とグループ ID は 0 以上の数値で指定してください (「root」は使えません)。");
        assertThat(form.invalidProperty().get()).isTrue();
        assertThat(tab.applyOptions(form)).isFalse();
        assertThat(tab.optionsProperty().get()).isEqualTo(TerminalOptions.shell());

        form.userProperty().set("1000");
        form.groupProperty().set("-1");
        assertThat(form.problem()).contains("「-1」は使えません");
        form.groupProperty().set("");
        form.commandProperty().set("bash -c 'echo");
        assertThat(form.problem()).isEqualTo("コマンドに閉じていない引用符があります。");
        form.commandProperty().set("bash -l");
        form.environmentProperty().set("LANG=C.UTF-8\nEDITOR\n");
        assertThat(form.problem()).isEqualTo("環境変数の行「EDITOR」が KEY=VALUE の形になっていません。");

        // The language switches while the form is open: the problem is said again in English.
        i18n.setLocale(Locale.ENGLISH);
        assertThat(form.problemProperty().get())
                .isEqualTo("The environment line \"EDITOR\" is not of the form KEY=VALUE.");

        form.environmentProperty().set("LANG=C.UTF-8\n");
        form.cwdProperty().set(" /srv ");
        assertThat(form.problemProperty().get()).isNull();
        assertThat(tab.applyOptions(form)).isTrue();
        assertThat(tab.optionsProperty().get()).isEqualTo(new TerminalOptions(List.of("bash", "-l"), 1000, null,
                "/srv", Map.of("LANG", "C.UTF-8")));
    }

    @Test
    void theFormShowsTheOptionsChosenBefore() {
        TerminalOptions chosen = new TerminalOptions(List.of("sh", "-c", "echo it's"), 0, 5, "/tmp",
                Map.of("A", "1 2"));
        tab.optionsProperty().set(chosen);
        ExecForm form = tab.optionsForm();
        assertThat(form.commandProperty().get()).isEqualTo("sh -c 'echo it'\\''s'");
        assertThat(form.userProperty().get()).isEqualTo("0");
        assertThat(form.groupProperty().get()).isEqualTo("5");
        assertThat(form.environmentProperty().get()).isEqualTo("A=1 2\n");
        assertThat(form.parse()).isEqualTo(chosen);
    }

    @Test
    void newTerminalsStartWithTheOptionsOfTheirTimeAndAreNumbered() {
        tab.instanceChanged(true);
        assertThat(tab.opensFirstTerminal(false)).isFalse();
        assertThat(tab.opensFirstTerminal(true)).isTrue();
        TerminalOptions first = new TerminalOptions(List.of("/bin/sh"), null, null, null, Map.of());
        tab.optionsProperty().set(first);
        server.next(ScriptedSession.exiting(0, "", "")).next(ScriptedSession.exiting(0, "", ""));

        TerminalViewModel one = tab.newTerminal();
        tab.optionsProperty().set(TerminalOptions.shell());
        TerminalViewModel two = tab.newTerminal();
        one.connect();
        two.connect();
        tasks.runNext();
        tasks.runNext();
        assertThat(server.shells).containsExactly(first, TerminalOptions.shell());
        assertThat(tab.terminals()).containsExactly(one, two);
        assertThat(tab.opensFirstTerminal(true)).isFalse();
        assertThat(tab.title(one).get()).isEqualTo("端末 1");
        assertThat(tab.title(two).get()).isEqualTo("端末 2");
        i18n.setLocale(Locale.ENGLISH);
        assertThat(tab.title(two).get()).isEqualTo("Terminal 2");
        assertThat(two.state()).isEqualTo(State.RUNNING);

        tab.closeTerminal(one);
        assertThat(tab.terminals()).containsExactly(two);
        assertThat(one.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void whenTheInstanceStopsEveryTerminalIsTold() {
        tab.instanceChanged(true);
        server.next(ScriptedSession.exiting(0, "", ""));
        TerminalViewModel terminal = tab.newTerminal();
        terminal.connect();
        tasks.runNext();

        tab.instanceChanged(false);
        assertThat(tab.runningProperty().get()).isFalse();
        assertThat(terminal.state()).isEqualTo(State.INSTANCE_STOPPED);
        assertThat(terminal.statusTextProperty().get()).isEqualTo("インスタンスが停止したため、セッションは終了しました。");
        assertThat(tab.opensFirstTerminal(true)).isFalse();

        tab.dispose();
        assertThat(tab.terminals()).isEmpty();
        assertThat(terminal.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void withTheSameThreadExecutorATerminalRunsToItsEnd() {
        TerminalTabViewModel now = new TerminalTabViewModel(new CurrentThreadTaskExecutor(), i18n, server);
        now.instanceChanged(true);
        server.next(ScriptedSession.exiting(42, "", ""));
        TerminalViewModel terminal = now.newTerminal();
        terminal.connect();
        assertThat(terminal.state()).isEqualTo(State.EXITED);
        assertThat(terminal.exitCode()).isEqualTo(42);
        assertThat(terminal.statusTextProperty().get()).isEqualTo("プロセスが終了しました (終了ステータス 42)。");
    }
}
