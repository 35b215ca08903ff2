package dev.hako.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hako.lxd.Endpoint;
import dev.hako.lxd.UnreachableException;
import dev.hako.model.ConnectionState;
import dev.hako.model.ObjectDetails;
import dev.hako.model.RemoteModel;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.tree.TreeEntry;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DetailViewModelTest {

    private final RemoteModel remote = new RemoteModel("lab",
            new Endpoint.UnixSocket(Path.of("/nonexistent/unix.socket")));
    private final I18n i18n = new I18n(Locale.ENGLISH);

    @Test
    void anOfflineRemoteIsToldInTheLanguageOfTheMomentAndNotAsked() {
        DetailViewModel model = new DetailViewModel(new TreeEntry.RemoteEntry("lab", remote.state()), remote, i18n,
                new CurrentThreadTaskExecutor(), client -> {
                    throw new AssertionError("an offline remote is not asked");
                });
        assertThat(model.readsServer()).isTrue();
        assertThat(model.offline()).isTrue();
        model.load();
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.detailsProperty().get()).isNull();
        String english = model.offlineText();
        assertThat(english).startsWith("lab is offline");
        i18n.setLocale(Locale.JAPANESE);
        assertThat(model.offlineText()).isEqualTo(i18n.format("view.offline", "lab", "")).isNotEqualTo(english);
    }

    @Test
    void aFailureIsWordedByFailureTextWithoutTheRequest() {
        DetailViewModel model = new DetailViewModel(new TreeEntry.RemoteEntry("lab", remote.state()), remote,
                new I18n(Locale.JAPANESE), new CurrentThreadTaskExecutor());
        UnreachableException lost = UnreachableException.connectionLost("GET /1.0/resources: connection lost", null);
        assertThat(model.loadFailedText(lost)).doesNotContain("GET").doesNotContain("/1.0")
                .contains(model.i18n().get("error.connectionLost"));
    }

    @Test
    void objectsTheModelHoldsNeedNoRead() {
        var offlineState = new ConnectionState(ConnectionState.Status.OFFLINE, "lab", null, null);
        assertThat(new DetailViewModel(new TreeEntry.RemoteEntry("lab", offlineState), remote, i18n,
                new CurrentThreadTaskExecutor()).readsServer()).isTrue();
        assertThat(new DetailViewModel(new TreeEntry.GroupEntry("lab", TreeEntry.Group.PROFILES, 0), remote, i18n,
                new CurrentThreadTaskExecutor()).readsServer()).isFalse();
    }

    @Test
    void hostResourcesReadTheFiguresOfTheServersAnswer() throws Exception {
        var json = new ObjectMapper().readTree("{\"cpu\":{\"total\":8,\"sockets\":[{\"name\":\"EPYC\"}]},"
                + "\"memory\":{\"used\":1024,\"total\":4096},\"storage\":{\"disks\":[{},{}]},"
                + "\"network\":{\"cards\":[{}]}}");
        assertThat(ObjectDetails.HostResources.of(json))
                .isEqualTo(new ObjectDetails.HostResources("8", "EPYC", 1024, 4096, 2, 1));
        assertThat(ObjectDetails.HostResources.of(new ObjectMapper().readTree("{}")))
                .isEqualTo(new ObjectDetails.HostResources("", null, 0, 0, 0, 0));
    }
}
