package dev.hako.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.LxdException;
import dev.hako.lxd.api.ExecRequest;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Running one command: the CLI line as the fields are typed, problems, output apart, exit status, languages. */
class RunCommandViewModelTest {

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final ScriptedTerminalServer server = new ScriptedTerminalServer();
    private final RunCommandViewModel run = new RunCommandViewModel(new CurrentThreadTaskExecutor(), i18n, server);

    @Test
    void theCliLineFollowsTheFieldsAndKeepsTheLastValidOne() {
        assertThat(run.cliLineProperty().get()).isEqualTo("incus exec srv:c1 --");
        run.form().commandProperty().set("/bin/sh -c 'echo to-out; exit 7'");
        assertThat(run.cliLineProperty().get()).isEqualTo("incus exec srv:c1 -- /bin/sh -c 'echo to-out; exit 7'");
        run.form().environmentProperty().set("A=1 2");
        run.form().userProperty().set("1000");
        run.form().cwdProperty().set("/tmp");
        String complete = "incus exec srv:c1 --env 'A=1 2' --user 1000 --cwd /tmp -- /bin/sh -c 'echo to-out; exit 7'";
        assertThat(run.cliLineProperty().get()).isEqualTo(complete);
        run.form().commandProperty().set("/bin/sh -c 'echo half");
        assertThat(run.cliLineProperty().get()).as("while a quote is open").isEqualTo(complete);
    }

    @Test
    void aWrongFieldIsSaidInTheUsersLanguageAndNothingRuns() {
        i18n.setLocale(Locale.JAPANESE);
        run.form().commandProperty().set("ls");
        run.form().groupProperty().set("staff");
        run.start();
        assertThat(run.statusTextProperty().get())
                .isEqualTo("正しくありません: ユーザー ID とグループ ID は 0 以上の数値で指定してください (「staff」は使えません)。");
        assertThat(server.runs).isEmpty();
        assertThat(run.runningProperty().get()).isFalse();

        run.form().groupProperty().set("");
        run.form().commandProperty().set("   ");
        run.start();
        assertThat(server.runs).as("an empty command does not run").isEmpty();
    }

    @Test
    void aCommandRunsWithItsOutputApartAndItsExitStatus() {
        ScriptedSession session = ScriptedSession.exiting(7, "to-out\n", "to-err\n");
        server.next(session);
        List<Boolean> running = new ArrayList<>();
        run.runningProperty().addListener((o, was, now) -> running.add(now));
        run.form().commandProperty().set("/bin/sh -c 'echo to-out; echo to-err >&2; exit 7'");
        run.form().environmentProperty().set("A=1");
        run.form().userProperty().set("1000");
        run.form().cwdProperty().set("/tmp");

        run.start();
        assertThat(running).containsExactly(true, false);
        assertThat(run.exitCode()).isEqualTo(7);
        assertThat(run.exitCodeProperty().get()).isEqualTo(7);
        assertThat(run.takeStdout()).isEqualTo("to-out\n");
        assertThat(run.takeStderr()).isEqualTo("to-err\n");
        assertThat(run.takeStdout()).as("taken once").isEmpty();
        assertThat(run.statusTextProperty().get()).isEqualTo("Exit status 7");
        assertThat(run.runsProperty().get()).isEqualTo(1);
        assertThat(session.inputClosed).isTrue();
        ExecRequest request = server.runs.get(0);
        assertThat(request.command()).containsExactly("/bin/sh", "-c", "echo to-out; echo to-err >&2; exit 7");
        assertThat(request.interactive()).isFalse();
        assertThat(request.environment()).isEqualTo(Map.of("A", "1"));
        assertThat(request.user()).isEqualTo(1000);
        assertThat(request.group()).isNull();
        assertThat(request.cwd()).isEqualTo("/tmp");

        // The language switches with the window open: relabelled, nothing else changes.
        String cli = run.cliLineProperty().get();
        i18n.setLocale(Locale.JAPANESE);
        assertThat(run.statusTextProperty().get()).isEqualTo("終了ステータス 7");
        assertThat(run.titleProperty().get()).isEqualTo("c1 でコマンドを実行");
        assertThat(run.exitCode()).isEqualTo(7);
        assertThat(run.cliLineProperty().get()).isEqualTo(cli);
        assertThat(run.form().commandProperty().get()).isEqualTo("/bin/sh -c 'echo to-out; echo to-err >&2; exit 7'");
    }

    @Test
    void aRunThatCannotStartSaysWhyInTheServersWords() {
        server.next(new LxdException("POST /1.0/instances/c1/exec", 400, "Instance is not running"));
        run.form().commandProperty().set("true");
        run.start();
        assertThat(run.statusTextProperty().get()).isEqualTo("Failed: Instance is not running");
        assertThat(run.exitCode()).isNull();
        assertThat(run.runningProperty().get()).isFalse();
        i18n.setLocale(Locale.JAPANESE);
        assertThat(run.statusTextProperty().get()).isEqualTo("失敗: Instance is not running");
    }

    @Test
    void eachRunStartsOnEmptyStreamsAndCharactersSplitAcrossFramesStayWhole() {
        byte[] word = "日本".getBytes(StandardCharsets.UTF_8);
        StreamBuffer buffer = new StreamBuffer();
        buffer.append(java.util.Arrays.copyOfRange(word, 0, 2));
        assertThat(buffer.drain()).isEmpty();
        buffer.append(java.util.Arrays.copyOfRange(word, 2, word.length));
        assertThat(buffer.drain()).isEqualTo("日本");

        server.next(ScriptedSession.exiting(0, "first\n", "")).next(ScriptedSession.exiting(1, "", ""));
        run.form().commandProperty().set("true");
        run.start();
        run.start();
        assertThat(run.runsProperty().get()).isEqualTo(2);
        assertThat(run.takeStdout()).as("the first run's output is not carried over").isEmpty();
        assertThat(run.exitCode()).isEqualTo(1);
    }
}
