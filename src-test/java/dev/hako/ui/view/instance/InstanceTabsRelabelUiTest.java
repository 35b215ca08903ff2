package dev.hako.ui.view.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstanceSnapshot;
import dev.hako.lxd.api.InstanceSnapshotsPost;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import dev.hako.ui.Screenshots;
import dev.hako.ui.common.FxTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The overview and snapshots tabs of an instance on a real daemon relabel in place: their
 * words switch to Japanese while the snapshot list, its selection and the tabs stay.
 */
class InstanceTabsRelabelUiTest {

    private final FxRobot robot = new FxRobot();
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private LxdClient client;
    private String instance;
    private Workspace workspace;
    private RemoteModel remote;
    private OverviewTab overview;
    private SnapshotsTab snapshots;
    private TabPane tabs;
    private Scene scene;

    @BeforeEach
    void start() throws Exception {
        client = TestBed.connect(Daemon.LXD);
        instance = Instances.createStopped(client, "tabs");
        client.instances().createSnapshot(instance, new InstanceSnapshotsPost("before", false, null))
                .awaitSuccess(Instances.OP_TIMEOUT);
        remote = new RemoteModel("local", new Endpoint.UnixSocket(TestBed.socket(Daemon.LXD)));
        workspace = new Workspace(List.of(remote));
        workspace.start();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> remote.state().online()
                && remote.instances().snapshot().containsKey(instance));
        Instance shown = remote.instances().snapshot().get(instance);
        InstanceContext context = new InstanceContext(remote, instance, i18n, FxTaskExecutor.get(),
                new ScriptedDialogService(i18n));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            overview = new OverviewTab(context, shown);
            snapshots = new SnapshotsTab(context, shown);
            tabs = new TabPane(overview.tab(), snapshots.tab());
            scene = new Scene(tabs, 900, 400);
            stage.setScene(scene);
            stage.show();
        });
    }

    @AfterEach
    void stop() throws Exception {
        robot.interact(() -> {
            overview.dispose();
            snapshots.dispose();
        });
        FxToolkit.cleanupStages();
        workspace.close();
        Instances.remove(client, instance);
        client.close();
    }

    @SuppressWarnings("unchecked")
    @Test
    void overviewAndSnapshotsRelabelKeepingTheListAndItsSelection() throws Exception {
        robot.interact(() -> tabs.getSelectionModel().select(snapshots.tab()));
        TableView<InstanceSnapshot> table = (TableView<InstanceSnapshot>) scene.lookup("#snapshotsTable");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        InstanceSnapshot selected = table.getSelectionModel().getSelectedItem();
        Button create = (Button) scene.lookup("#snapshotCreate");
        assertThat(create.getText()).isEqualTo(i18n.get("action.snapshot"));
        String englishCreate = create.getText();
        assertThat(table.getColumns().get(0).getText()).isEqualTo("Name");

        robot.interact(() -> i18n.setLocale(Locale.JAPANESE));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(tabs.getTabs()).containsExactly(overview.tab(), snapshots.tab());
        assertThat(tabs.getTabs()).extracting(t -> t.getText())
                .containsExactly(i18n.get("instance.tab.overview"), i18n.get("snapshots.tab"));
        assertThat(scene.lookup("#snapshotsTable")).isSameAs(table);
        assertThat(table.getItems()).hasSize(1);
        assertThat(table.getSelectionModel().getSelectedItem()).isSameAs(selected);
        assertThat(create.getText()).isEqualTo(i18n.get("action.snapshot")).isNotEqualTo(englishCreate);
        assertThat(table.getColumns()).extracting(c -> c.getText()).containsExactly(i18n.get("view.name"),
                i18n.get("view.created"), i18n.get("snapshots.stateful"), i18n.get("snapshots.expires"));
        assertThat(scene.lookup("#snapshotRestore").isDisabled()).isFalse();
        Screenshots.save(scene, "snapshots-relabel-ja");

        robot.interact(() -> tabs.getSelectionModel().select(overview.tab()));
        WaitForAsyncUtils.waitForFxEvents();
        Parent page = (Parent) overview.tab().getContent();
        assertThat(page.lookupAll(".label")).map(n -> ((Label) n).getText())
                .contains(instance, i18n.get("instance.status"), i18n.get("status.stopped"))
                .doesNotContain("Status", "Stopped");
    }
}
