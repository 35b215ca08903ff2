package dev.hako.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.ImageTransfers;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.Transfer;
import dev.hako.lxd.api.Image;
import dev.hako.model.RemoteModel;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.ImageVariants;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import dev.hako.ui.tree.TreeEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Copying an image to another remote through the window: the image's menu, Copy to
 * remote…, the target and its aliases, then the image shows up under the target's
 * Images with the same fingerprint. LXD to Incus in the dark English look, with automatic
 * updates (the target pulls the public image itself); Incus to LXD in the light Japanese
 * one, a private image through this computer.
 */
class ImageCopyUiTest {

    @ParameterizedTest
    @CsvSource({"LXD,INCUS,true,en,true", "INCUS,LXD,false,ja,false"})
    void copyAnImageToTheOtherServer(Daemon from, Daemon to, boolean dark, String language, boolean follow)
            throws Exception {
        String look = (dark ? "dark-" : "light-") + language;
        String d = from.name().toLowerCase(Locale.ROOT) + "-to-" + to.name().toLowerCase(Locale.ROOT);
        Path dir = Files.createTempDirectory("hako-image-copy-ui");
        String alias = TestBed.uniqueName("uicopy");
        try (LxdClient source = TestBed.connect(from); LxdClient target = TestBed.connect(to);
             UiDriver ui = new UiDriver(from).open(dark, Locale.forLanguageTag(language))) {
            String fp = ImageTransfers.of(source).importImage(ImageVariants.unified(dir), null,
                    new ImageTransfers.ImageOptions(follow, List.of(alias), Map.of("purpose", "copied in the ui")),
                    Transfer.silent());
            try {
                RemoteModel other = new RemoteModel("other-" + language, new Endpoint.UnixSocket(TestBed.socket(to)));
                ui.robot.interact(() -> ui.workspace().add(other));
                ui.waitUntil(20, () -> other.state().online() && other.client() != null);

                ui.expand("IMAGES");
                ui.contextMenu(alias, "menuCopyImage");
                ui.waitUntil(5, () -> ui.robot.lookup("#copyTarget").tryQuery().isPresent());
                ChoiceBox<?> choice = ui.robot.lookup("#copyTarget").queryAs(ChoiceBox.class);
                assertThat(((RemoteModel) choice.getValue()).name()).isEqualTo(other.name());
                CheckBox autoUpdate = ui.robot.lookup("#copyAutoUpdate").queryAs(CheckBox.class);
                // Only a public image can follow its source.
                assertThat(autoUpdate.isDisabled()).isEqualTo(!follow);
                if (follow) {
                    ui.robot.clickOn(autoUpdate);
                    assertThat(autoUpdate.isSelected()).isTrue();
                }
                ui.settle();
                ui.screenshotDialog("dialog-image-copy-" + d + "-" + look);
                ui.ok();

                ui.waitUntil(60, () -> hasAlias(target, alias));
                assertThat(target.images().alias(alias).value().target()).isEqualTo(fp);
                Image copy = target.images().get(fp).value();
                assertThat(copy.properties()).containsEntry("purpose", "copied in the ui");
                assertThat(copy.autoUpdate()).isEqualTo(follow);
                if (follow) {
                    // The target fetched it itself and keeps the source as its update source.
                    assertThat(copy.updateSource().server()).isEqualTo("https://" + TestBed.httpsAddress(from));
                    assertThat(copy.updateSource().alias()).isEqualTo(alias);
                }
                // The target's tree shows it, under the target's own Images, with the same fingerprint.
                ui.waitUntil(20, () -> TreeRows.all(ui.window().tree().view()).stream().anyMatch(e ->
                        e instanceof TreeEntry.ImageEntry i && i.remote().equals(other.name())
                                && i.image().fingerprint().equals(fp) && alias.equals(i.label())));
                ui.robot.interact(() -> expandImagesOf(ui.window().tree().view().getRoot(), other.name()));
                ui.settle();
                ui.screenshot("image-copied-" + d + "-" + look);
                ui.robot.interact(() -> ui.workspace().remove(other.name()));
            } finally {
                source.images().delete(fp).awaitSuccess(Instances.OP_TIMEOUT);
                try {
                    target.images().delete(fp).awaitSuccess(Instances.OP_TIMEOUT);
                } catch (NotFoundException notCopied) {
                    // the copy failed; the assertion above says so
                }
            }
        }
    }

    private static boolean hasAlias(LxdClient client, String alias) {
        return client.images().aliases().stream().anyMatch(a -> a.name().equals(alias));
    }

    /** Opens the remote's row and its Images group, as clicks on their arrows would. */
    private static void expandImagesOf(TreeItem<TreeEntry> root, String remote) {
        for (TreeItem<TreeEntry> row : root.getChildren()) {
            if (row.getValue() instanceof TreeEntry.RemoteEntry r && r.remote().equals(remote)) {
                row.setExpanded(true);
                for (TreeItem<TreeEntry> group : row.getChildren()) {
                    if (group.getValue() instanceof TreeEntry.GroupEntry g
                            && g.group() == TreeEntry.Group.IMAGES) {
                        group.setExpanded(true);
                    }
                }
            }
        }
    }
}
