package dev.hako.ui.view.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.api.InstanceState;
import dev.hako.model.RemoteModel;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveFiguresViewModelTest {

    private static InstanceState state(long cpuNanos, long memory, long received, long sent, long processes) {
        var eth0 = new InstanceState.Network(List.of(new InstanceState.Address("inet", "10.0.0.5", "24", "global"),
                new InstanceState.Address("inet6", "fe80::1", "64", "link")),
                new InstanceState.Counters(received, sent, 0, 0, 0, 0, 0, 0), "00:16:3e:00:00:01", "veth0", 1500,
                "up", "broadcast");
        var lo = new InstanceState.Network(List.of(new InstanceState.Address("inet", "127.0.0.1", "8", "local")),
                new InstanceState.Counters(999_999, 999_999, 0, 0, 0, 0, 0, 0), "", "", 65536, "up", "loopback");
        return new InstanceState("Running", 103, Map.of("root", new InstanceState.Disk(2048)),
                new InstanceState.Memory(memory, 0, 0, 0), Map.of("eth0", eth0, "lo", lo), 42, processes,
                new InstanceState.Cpu(cpuNanos));
    }

    private final LiveFiguresViewModel model = new LiveFiguresViewModel(
            new RemoteModel("offline", new Endpoint.UnixSocket(Path.of("/nonexistent/unix.socket"))), "web",
            new I18n(Locale.ENGLISH), new CurrentThreadTaskExecutor());

    @Test
    void ratesNeedTwoReadingsAndLoopbackDoesNotCount() {
        LiveFiguresViewModel.Figures first = LiveFiguresViewModel.figuresOf(1, null,
                state(1_000_000_000L, 1 << 20, 1024, 0, 3), 0);
        assertThat(first.cpuPercent()).isNull();
        assertThat(first.rxKiBps()).isNull();
        assertThat(first.addresses()).containsExactly("10.0.0.5 (eth0)");

        LiveFiguresViewModel.Figures second = LiveFiguresViewModel.figuresOf(2, state(1_000_000_000L, 1 << 20,
                1024, 0, 3), state(1_500_000_000L, 2 << 20, 1024 + 4096, 2048, 4), 2.0);
        assertThat(second.cpuPercent()).isEqualTo(25.0);
        assertThat(second.rxKiBps()).isEqualTo(2.0);
        assertThat(second.txKiBps()).isEqualTo(1.0);
        assertThat(second.memoryBytes()).isEqualTo(2 << 20);
        assertThat(second.diskBytes()).isEqualTo(2048);

        // The instance restarted: its counters began again; the load is never negative.
        LiveFiguresViewModel.Figures restarted = LiveFiguresViewModel.figuresOf(3, state(9_000_000_000L, 1, 9000,
                9000, 1), state(100, 1, 0, 0, 1), 2.0);
        assertThat(restarted.cpuPercent()).isZero();
        assertThat(restarted.rxKiBps()).isZero();
    }

    @Test
    void keepsTenMinutesOfReadingsAndWordsThemInTheLanguageOfTheMoment() {
        for (int i = 0; i < LiveFiguresViewModel.POINTS + 5; i++) {
            model.add(state(i * 100_000_000L, 1 << 20, i * 1024L, 0, -1), 1_000_000_000L + i * 2_000_000_000L);
        }
        assertThat(model.history()).hasSize(LiveFiguresViewModel.POINTS);
        assertThat(model.history().get(0).sample()).isEqualTo(6);
        LiveFiguresViewModel.Figures latest = model.latestProperty().get();
        assertThat(model.cpuText(latest)).isEqualTo("5.0 %");
        assertThat(model.processesText(latest)).isEqualTo("none");
        assertThat(model.networkText(latest)).isEqualTo("↓ 0.5 KiB/s  ↑ 0.0 KiB/s");
        model.i18n().setLocale(Locale.JAPANESE);
        assertThat(model.processesText(latest)).isEqualTo(model.i18n().get("live.none")).isNotEqualTo("none");
    }

    @Test
    void anOfflineRemoteIsNotAsked() {
        model.refresh();
        assertThat(model.latestProperty().get()).isNull();
    }
}
