package dev.hako.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.ProfilesPost;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import dev.hako.ui.Screenshots;
import dev.hako.ui.common.FxTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.tree.TreeEntry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Detail views of a real daemon's objects relabel in place when the language switches:
 * the facts say their names in Japanese, read again from the view model rather than the
 * server, at the same scroll position, while the tab pane, its selected tab and the
 * configuration editor stay the very same objects.
 */
class DetailViewsUiTest {

    private final FxRobot robot = new FxRobot();
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final String profile = TestBed.uniqueName("detail");
    private Workspace workspace;
    private RemoteModel remote;
    private DetailViews views;
    private StackPane holder;
    private Scene scene;

    @BeforeEach
    void start() throws Exception {
        try (LxdClient client = TestBed.connect(Daemon.LXD)) {
            client.profiles().create(new ProfilesPost(profile, "kept across languages",
                    Map.of("limits.cpu", "1", "user.note", "relabel"), Map.of()));
        }
        remote = new RemoteModel("local", new Endpoint.UnixSocket(TestBed.socket(Daemon.LXD)));
        workspace = new Workspace(List.of(remote));
        workspace.start();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> remote.state().online()
                && remote.profiles().isLoaded() && remote.profiles().snapshot().containsKey(profile));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            views = new DetailViews(workspace, i18n, FxTaskExecutor.get(), location -> { });
            holder = new StackPane();
            scene = new Scene(holder, 900, 420);
            stage.setScene(scene);
            stage.show();
        });
    }

    @AfterEach
    void stop() throws Exception {
        robot.interact(() -> views.dispose());
        FxToolkit.cleanupStages();
        workspace.close();
        try (LxdClient client = TestBed.connect(Daemon.LXD)) {
            client.profiles().delete(profile);
        }
    }

    private Node show(TreeEntry entry) {
        Node[] view = new Node[1];
        robot.interact(() -> {
            view[0] = views.viewOf(entry);
            holder.getChildren().setAll(view[0]);
        });
        return view[0];
    }

    private List<String> labels(Node root) {
        return ((Parent) root).lookupAll(".label").stream().filter(Label.class::isInstance)
                .map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void aProfileRelabelsKeepingItsTabsAndItsEditor() throws Exception {
        TabPane tabs = (TabPane) show(new TreeEntry.ProfileEntry("local", remote.profiles().snapshot().get(profile)));
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tabs.getTabs().get(1).getContent() != null);
        Node editor = tabs.getTabs().get(1).getContent();
        assertThat(tabs.getTabs()).extracting(t -> t.getText()).containsExactly("Overview", "Configuration");

        robot.interact(() -> i18n.setLocale(Locale.JAPANESE));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(tabs.getTabs()).extracting(t -> t.getText())
                .containsExactly(i18n.get("instance.tab.overview"), i18n.get("view.tab.configuration"))
                .doesNotContain("Overview", "Configuration");
        assertThat(holder.getChildren()).containsExactly(tabs);
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isEqualTo(1);
        assertThat(tabs.getTabs().get(1).getContent()).isSameAs(editor);
        Node overview = tabs.getTabs().get(0).getContent();
        assertThat(labels(overview)).contains(i18n.get("view.description"), "kept across languages",
                i18n.get("view.config")).doesNotContain("Description");
        robot.interact(() -> tabs.getSelectionModel().select(0));
        Screenshots.save(scene, "detail-profile-relabel-ja");
    }

    @Test
    void theServerRelabelsFromWhatItReadWithoutAskingAgain() throws Exception {
        TabPane tabs = (TabPane) show(new TreeEntry.RemoteEntry("local", remote.state()));
        assertThat(tabs.getTabs()).extracting(t -> t.getText()).containsExactly("Overview", "Details", "Configuration",
                "Events");
        // The dashboard comes first and reads the server while shown; its facts are read when their tab opens.
        Node dashboard = tabs.getTabs().get(0).getContent();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> ((Parent) dashboard).lookup("#dashboardWarningCount") != null);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        Node overview = tabs.getTabs().get(1).getContent();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ((Parent) overview).lookup("#usageBar") != null);
        ScrollPane facts = (ScrollPane) ((Parent) overview).lookup(".scroll-pane");
        robot.interact(() -> facts.setVvalue(1.0));
        assertThat(labels(overview)).contains("Version", "Address");
        long requests = remote.client().requestCount();

        robot.interact(() -> i18n.setLocale(Locale.JAPANESE));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(labels(overview)).contains(i18n.get("view.version"), i18n.get("view.endpoint"),
                i18n.get("view.resources")).doesNotContain("Version", "Address");
        assertThat(((Parent) overview).lookup("#usageBar")).isNotNull();
        assertThat(facts.getVvalue()).isEqualTo(1.0);
        assertThat(remote.client().requestCount()).isEqualTo(requests);
        assertThat(tabs.getTabs()).extracting(t -> t.getText()).containsExactly(i18n.get("dashboard.tab.overview"),
                i18n.get("dashboard.tab.details"), i18n.get("view.tab.configuration"), i18n.get("events.tab"));
        Screenshots.save(scene, "detail-server-relabel-ja");
    }

    @Test
    void anImageWithoutTabsRelabelsItsFacts() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !remote.images().snapshot().isEmpty());
        var image = remote.images().snapshot().values().iterator().next();
        Node view = show(new TreeEntry.ImageEntry("local", image));
        assertThat(labels(view)).contains("Fingerprint", "Public");

        robot.interact(() -> i18n.setLocale(Locale.JAPANESE));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(holder.getChildren()).containsExactly(view);
        assertThat(labels(view)).contains(i18n.get("view.fingerprint"), i18n.get("view.public"))
                .doesNotContain("Fingerprint", "Public");
        Stage stage = (Stage) scene.getWindow();
        assertThat(stage.isShowing()).isTrue();
    }
}
