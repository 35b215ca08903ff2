package dev.hako.ui.view.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.InstanceStatus;
import dev.hako.model.RemoteModel;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An instance that fails to start for real (its {@code raw.lxc} makes lxc exec a missing
 * init) leaves error lines in lxc.log; the Logs tab's model shows that log first, marks
 * them, finds text in it, and saves it as read. LXD lists lxc.conf too, Incus only lxc.log.
 */
class LogsViewModelIT {

    /** Creates an instance with the CLI whose start fails in lxc, and starts it (it fails). */
    static String failToStart(Daemon daemon, String prefix) {
        String name = TestBed.uniqueName(prefix);
        TestBed.cli(daemon, "init", TestBed.imageAlias(), name, "-c", "raw.lxc=lxc.init.cmd=/hako/no-such-init");
        assertThatThrownBy(() -> TestBed.cli(daemon, "start", name)).hasMessageContaining("failed");
        return name;
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void aFailedStartShowsLxcLogWithItsErrorsMarked(Daemon daemon, @TempDir Path dir) throws Exception {
        I18n i18n = new I18n(Locale.ENGLISH);
        ScriptedDialogService dialogs = new ScriptedDialogService(i18n);
        try (LxdClient api = TestBed.connect(daemon);
             RemoteModel remote = new RemoteModel("local", new Endpoint.UnixSocket(TestBed.socket(daemon)))) {
            String name = failToStart(daemon, "logs");
            try {
                remote.start();
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> remote.state().online());
                LogsViewModel model = new LogsViewModel(remote, name, i18n, new CurrentThreadTaskExecutor(), dialogs);
                // Incus still says Running for a moment after the failed start: wait for the stop, as the tab does.
                WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                        () -> api.instances().get(name).value().statusCode() == InstanceStatus.STOPPED);
                model.setStopped(true);

                model.reload();

                assertThat(model.files()).first().isEqualTo("lxc.log");
                assertThat(model.files()).as("what the server lists").containsExactlyInAnyOrderElementsOf(
                        api.instances().logNames(name));
                if (daemon == Daemon.LXD) {
                    assertThat(model.files()).contains("lxc.conf");
                }
                assertThat(model.fileProperty().get()).isEqualTo("lxc.log");
                assertThat(model.failedStartProperty().get()).as("failure %s, %d lines, %d errors", model.failureProperty().get(),
                        model.lines().size(), model.errorsProperty().get()).isTrue();
                assertThat(model.errorsProperty().get()).isPositive();
                LogsViewModel.LogLine firstError = model.lines().get(model.firstError());
                assertThat(firstError.text()).contains("ERROR").contains("/hako/no-such-init");
                assertThat(model.lines()).filteredOn(l -> l.text().contains(" WARN ")).isNotEmpty()
                        .noneMatch(LogsViewModel.LogLine::error);

                model.queryProperty().set("failed to spawn");
                assertThat(model.matches()).isNotEmpty();
                int first = model.currentProperty().get();
                assertThat(model.lines().get(first).text()).containsIgnoringCase("failed to spawn");
                model.nextMatch();
                assertThat(model.currentProperty().get()).isEqualTo(model.matches().size() > 1
                        ? model.matches().get(1) : first);

                Path saved = dir.resolve("saved.log");
                model.saveTo(saved);
                assertThat(Files.readString(saved, StandardCharsets.UTF_8)).isEqualTo(api.instances().log(name, "lxc.log"));
                assertThat(dialogs.errors()).isEmpty();

                if (model.files().contains("lxc.conf")) {
                    model.fileProperty().set("lxc.conf");
                    assertThat(model.lines()).anyMatch(l -> l.text().replace(" ", "").equals("lxc.init.cmd=/hako/no-such-init"));
                    assertThat(model.failedStartProperty().get()).as("only lxc.log tells of a failed start").isFalse();
                }
                int reads = model.readCount();
                model.read();
                assertThat(model.readCount()).isEqualTo(reads + 1);
            } finally {
                Instances.remove(api, name);
            }
        }
    }
}
