package dev.hako.ui.view.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.Endpoint;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The dashboards' view models without a server: what an unreachable remote shows, and that nothing asks it. */
class DashboardViewModelsTest {

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();

    private static RemoteModel unreachable(String name) {
        return new RemoteModel(name, new Endpoint.UnixSocket(Path.of("/nonexistent/" + name + ".socket")));
    }

    @Test
    void aRemoteNotConnectedSaysSoInTheLanguageOfTheMomentAndIsNotAsked() {
        RemoteModel remote = unreachable("lab");
        ServerDashboardViewModel model = new ServerDashboardViewModel(remote, i18n, tasks);
        long before = model.revisionProperty().get();
        model.modelChanged();
        // Nothing changed since it was made: nothing to draw again.
        assertThat(model.revisionProperty().get()).isEqualTo(before);
        assertThat(model.online()).isFalse();
        assertThat(model.counts().total()).isZero();
        assertThat(model.uninitialised()).isFalse();
        assertThat(model.stateText()).isEqualTo(i18n.get("remote.connecting"));
        String english = model.offlineText();
        assertThat(english).startsWith("lab is offline");
        i18n.setLocale(Locale.JAPANESE);
        assertThat(model.offlineText()).isNotEqualTo(english).startsWith("lab はオフライン");

        model.refresh(1);
        model.refreshIfStale(2);
        assertThat(model.reading()).isNull();
    }

    @Test
    void figuresAreWordedInTheWindowsLanguage() {
        ServerDashboardViewModel model = new ServerDashboardViewModel(unreachable("lab"), i18n, tasks);
        assertThat(model.spaceText(1L << 30, 4L << 30)).isEqualTo("1.0 GiB of 4.0 GiB used (25 %)");
        assertThat(model.cpuText(new DashboardFigures.Host("x", 1, 4, 8, 0, 0))).isEqualTo("4 cores, 8 threads");
        i18n.setLocale(Locale.JAPANESE);
        assertThat(model.spaceText(1L << 30, 4L << 30)).isEqualTo("4.0 GiB 中 1.0 GiB 使用 (25 %)");
    }

    @Test
    void theOverviewHasARowPerRemoteInTheWorkspacesOrder() {
        Workspace workspace = new Workspace(List.of(unreachable("b"), unreachable("a")));
        AllRemotesOverviewViewModel model = new AllRemotesOverviewViewModel(workspace, i18n, tasks);
        model.modelChanged();
        assertThat(model.rows()).extracting(AllRemotesOverviewViewModel.Row::name).containsExactly("b", "a");
        var row = model.rows().get(0);
        assertThat(row.warnings()).isNull();
        assertThat(model.warningsText(row)).isEqualTo("—");
        assertThat(model.stateText(row)).isEqualTo(i18n.get("remote.connecting"));
        // Nobody connected: there is no one to ask for warnings.
        model.refresh();
        assertThat(model.rows().get(0).warnings()).isNull();

        workspace.add(unreachable("c"));
        model.modelChanged();
        assertThat(model.rows()).hasSize(3);
        var none = new AllRemotesOverviewViewModel.Row("x", row.state(), row.counts(), 0, 0, 0,
                ServerDashboardViewModel.Warnings.UNAVAILABLE);
        assertThat(model.warningsText(none)).isEqualTo("n/a");
    }

    @Test
    void feedsCallSubscribersOnTheUiThreadUntilTheyLeave() {
        RemoteFeeds feeds = new RemoteFeeds(tasks);
        RemoteModel remote = unreachable("lab");
        AtomicInteger calls = new AtomicInteger();
        Runnable leave = feeds.subscribe(remote, calls::incrementAndGet);
        // A second dashboard of the same remote shares the model's listeners.
        Runnable other = feeds.subscribe(remote, () -> { });
        leave.run();
        other.run();
        feeds.dispose();
        assertThat(feeds.subscribe(remote, calls::incrementAndGet)).isNotNull();
        assertThat(calls.get()).isZero();
    }
}
