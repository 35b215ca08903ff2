package dev.hako.ui.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import dev.hako.ui.TreeRows;
import dev.hako.ui.UiDriver;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The tree keeps what the user looks at: filtering hides groups without matches and keeps
 * a selection that still matches; a renamed instance is selected under its new name.
 */
class TreeSelectionUiTest {

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void filteringKeepsTheSelectionAndARenameSelectsTheNewName(Daemon daemon) throws Exception {
        String name = TestBed.uniqueName("sel");
        String renamed = name + "-new";
        boolean dark = daemon == Daemon.INCUS;
        TestBed.cli(daemon, "init", TestBed.imageAlias(), name);
        try (UiDriver ui = new UiDriver(daemon).open(dark, dark ? Locale.JAPANESE : Locale.ENGLISH)) {
            ui.waitUntil(10, () -> TreeRows.instance(ui.window().tree().view(), name).isPresent());
            // With no instance selected, the tool bar's instance buttons have nothing to act on.
            ui.robot.interact(() -> ui.window().tree().view().getSelectionModel().clearSelection());
            assertThat(ui.robot.lookup("#toolbarStart").queryButton().isDisabled()).isTrue();
            assertThat(ui.robot.lookup("#toolbarDelete").queryButton().isDisabled()).isTrue();
            assertThat(ui.robot.lookup("#toolbarCreate").queryButton().isDisabled()).isFalse();
            ui.click(name);
            ui.waitUntil(5, () -> selected(ui).equals(List.of(name)));
            assertThat(ui.robot.lookup("#toolbarStart").queryButton().isDisabled()).isFalse();

            // Typing the filter one key at a time: the selection stays while the row matches.
            TextField filter = ui.robot.lookup("#treeFilter").queryAs(TextField.class);
            ui.robot.clickOn(filter).write(name);
            ui.waitUntil(5, () -> groupsShown(ui).size() == 1);
            assertThat(groupsShown(ui)).as("only the group with a match").containsExactly("INSTANCES");
            assertThat(selected(ui)).containsExactly(name);
            ui.screenshot("tree-filter-" + daemon.name().toLowerCase(Locale.ROOT) + (dark ? "-dark-ja" : "-light-en"));
            ui.robot.interact(filter::clear);
            ui.waitUntil(5, () -> groupsShown(ui).size() > 1);
            assertThat(selected(ui)).containsExactly(name);

            // The menu shows the keys the tree answers to.
            ui.robot.rightClickOn(ui.cell(name));
            ui.waitUntil(5, () -> ui.robot.lookup(".accelerator-text").match(javafx.scene.Node::isVisible)
                    .queryAll().size() >= 2);
            assertThat(ui.robot.lookup(".accelerator-text").queryAllAs(javafx.scene.control.Label.class).stream()
                    .map(javafx.scene.control.Label::getText)).contains("F2");
            ui.robot.push(javafx.scene.input.KeyCode.ESCAPE);

            // Rename with F2: the row under its new name is the selection.
            ui.click(name);
            ui.robot.push(javafx.scene.input.KeyCode.F2);
            ui.waitUntil(5, () -> ui.robot.lookup("#nameField").tryQuery().isPresent());
            ui.type("nameField", renamed);
            ui.ok();
            ui.waitUntil(20, () -> selected(ui).equals(List.of(renamed)));
        } finally {
            for (String gone : List.of(name, renamed)) {
                try {
                    TestBed.cli(daemon, "delete", "--force", gone);
                } catch (IllegalStateException absent) {
                    // renamed, or never made
                }
            }
        }
    }

    private static List<String> selected(UiDriver ui) throws Exception {
        return ui.onFx(() -> ui.window().tree().selectedEntries().stream()
                .filter(e -> e instanceof TreeEntry.InstanceEntry)
                .map(e -> ((TreeEntry.InstanceEntry) e).instance().name()).toList());
    }

    private static List<String> groupsShown(UiDriver ui) throws Exception {
        return ui.onFx(() -> {
            TreeItem<TreeEntry> remote = ui.window().tree().view().getRoot().getChildren().get(1); // after "All remotes"
            return remote.getChildren().stream().map(g -> ((TreeEntry.GroupEntry) g.getValue()).group().name())
                    .toList();
        });
    }
}
