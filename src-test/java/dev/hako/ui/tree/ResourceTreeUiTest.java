package dev.hako.ui.tree;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The tree of a real daemon switches language in place: group and remote rows say their
 * words in Japanese at once, and the rows the user expanded, selected and scrolled to
 * stay exactly so.
 */
class ResourceTreeUiTest {

    private static final int PROFILES = 30;

    private final FxRobot robot = new FxRobot();
    private final List<String> profiles = new ArrayList<>();
    private Workspace workspace;
    private ResourceTree tree;
    private Scene scene;
    private final I18n i18n = new I18n(Locale.ENGLISH);

    @BeforeEach
    void showTree() throws Exception {
        try (LxdClient client = TestBed.connect(Daemon.LXD)) {
            for (int i = 0; i < PROFILES; i++) {
                String name = TestBed.uniqueName("relabel");
                client.profiles().create(new ProfilesPost(name, "", Map.of(), Map.of()));
                profiles.add(name);
            }
        }
        workspace = new Workspace(List.of(new RemoteModel("local", new Endpoint.UnixSocket(TestBed.socket(Daemon.LXD)))));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            tree = new ResourceTree(workspace, i18n, FxTaskExecutor.get(), selection -> null);
            scene = new Scene(tree.view(), 420, 320);
            stage.setScene(scene);
            stage.show();
        });
        workspace.start();
        // The rows have settled: every profile is in, and the image servers the remote's kind brings are
        // below (rows added under the view while it is measured would move what is at its top).
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> profileGroup() != null
                && ((TreeEntry.GroupEntry) profileGroup().getValue()).count() >= PROFILES
                && tree.view().getRoot().getChildren().stream()
                        .anyMatch(item -> item.getValue() instanceof TreeEntry.ImageServersEntry));
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
        workspace.close();
        try (LxdClient client = TestBed.connect(Daemon.LXD)) {
            for (String name : profiles) {
                client.profiles().delete(name);
            }
        }
    }

    private TreeItem<TreeEntry> profileGroup() {
        // The first row is "All remotes".
        TreeItem<TreeEntry> remote = tree.view().getRoot().getChildren().size() < 2 ? null
                : tree.view().getRoot().getChildren().get(1);
        if (remote == null) {
            return null;
        }
        return remote.getChildren().stream().filter(item -> item.getValue() instanceof TreeEntry.GroupEntry g
                && g.group() == TreeEntry.Group.PROFILES).findFirst().orElse(null);
    }

    private List<String> shownTexts() {
        return robot.lookup(".tree-entry-label").queryAllAs(Text.class).stream()
                .filter(text -> text.getParent().isVisible()).map(Text::getText).toList();
    }

    @Test
    void switchingLanguageRelabelsRowsAndKeepsExpansionSelectionAndScroll() throws Exception {
        TreeItem<TreeEntry> group = profileGroup();
        robot.interact(() -> {
            group.setExpanded(true);
            int groupRow = tree.view().getRow(group);
            tree.view().scrollTo(groupRow);
            tree.view().getSelectionModel().clearAndSelect(groupRow + 5);
        });
        WaitForAsyncUtils.waitForFxEvents();
        TreeItem<TreeEntry> selected = tree.view().getSelectionModel().getSelectedItem();
        assertThat(selected.getValue()).isInstanceOf(TreeEntry.ProfileEntry.class);
        VirtualFlow<?> flow = (VirtualFlow<?>) tree.view().lookup(".virtual-flow");
        int firstShown = ((IndexedCell<?>) flow.getFirstVisibleCell()).getIndex();
        TreeItem<TreeEntry> topRow = tree.view().getTreeItem(firstShown);
        assertThat(firstShown).isGreaterThan(0);
        String english = "Profiles (" + ((TreeEntry.GroupEntry) group.getValue()).count() + ")";
        assertThat(shownTexts()).contains(english);
        Screenshots.save(scene, "tree-relabel-en");

        robot.interact(() -> i18n.setLocale(Locale.JAPANESE));
        WaitForAsyncUtils.waitForFxEvents();

        String japanese = i18n.get("tree.group.profiles") + " (" + ((TreeEntry.GroupEntry) group.getValue()).count()
                + ")";
        assertThat(japanese).isNotEqualTo(english);
        assertThat(shownTexts()).contains(japanese).doesNotContain(english);
        assertThat(group.isExpanded()).isTrue();
        assertThat(tree.view().getSelectionModel().getSelectedItems()).containsExactly(selected);
        // The same row at the top (the scroll fraction itself moves if other tests' rows come or go meanwhile).
        assertThat(tree.view().getTreeItem(((IndexedCell<?>) flow.getFirstVisibleCell()).getIndex()))
                .isSameAs(topRow);
        // The remote's row (above, out of view) says its state in Japanese too.
        TreeEntry remote = tree.view().getRoot().getChildren().get(1).getValue();
        assertThat(TreeLabels.of(i18n, remote)).contains(i18n.format("remote.online",
                ((TreeEntry.RemoteEntry) remote).state().kind().displayName(),
                ((TreeEntry.RemoteEntry) remote).state().version()));
        Screenshots.save(scene, "tree-relabel-ja");
    }
}
