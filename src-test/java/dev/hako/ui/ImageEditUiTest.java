package dev.hako.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.ImageTransfers;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.Transfer;
import dev.hako.lxd.api.Image;
import dev.hako.lxd.api.ImagePut;
import dev.hako.lxd.api.Tagged;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.ImageVariants;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Editing an image through its menu (a change made elsewhere meanwhile survives the save)
 * and refreshing one that follows an image server, checked through the API.
 */
class ImageEditUiTest {

    @ParameterizedTest
    @CsvSource({"LXD,INCUS,true,en", "INCUS,LXD,false,ja"})
    void editAnImageKeepingAChangeMadeElsewhereThenRefreshIt(Daemon daemon, Daemon source, boolean dark,
                                                             String language) throws Exception {
        String look = (dark ? "dark-" : "light-") + language;
        String d = daemon.name().toLowerCase(Locale.ROOT);
        Path dir = Files.createTempDirectory("hako-image-edit-ui");
        String alias = TestBed.uniqueName("uiedit");
        try (LxdClient upstream = TestBed.connect(source); LxdClient client = TestBed.connect(daemon)) {
            // An image the server follows from another server, as one copied from an image server is.
            String fp = ImageTransfers.of(upstream).importImage(ImageVariants.unified(dir), null,
                    new ImageTransfers.ImageOptions(true, List.of(alias), Map.of("os", "busybox")), Transfer.silent());
            try (UiDriver ui = new UiDriver(daemon).open(dark, Locale.forLanguageTag(language))) {
                ImageTransfers.of(upstream).copyTo(client, fp, List.of(alias), true, Transfer.silent());
                assertThat(client.images().get(fp).value().updateSource()).isNotNull();

                ui.expand("IMAGES");
                ui.waitUntil(20, () -> ui.robot.lookup(alias).tryQuery().isPresent());
                ui.contextMenu(alias, "menuEditImage");
                ui.waitUntil(10, () -> ui.robot.lookup("#imageDescription").tryQuery().isPresent());
                assertThat(field("imagePropertyKey0").getText()).isEqualTo("os");
                ui.type("imageDescription", "edited in the window");
                ui.settle();
                // A click that lands while the dialog is still being placed is lost: click again, as a person would.
                ui.waitUntil(10, () -> {
                    if (ui.robot.lookup("#imagePropertyKey1").tryQuery().isEmpty()) {
                        ui.robot.clickOn("#imageAddProperty");
                    }
                    return ui.robot.lookup("#imagePropertyKey1").tryQuery().isPresent();
                });
                ui.type("imagePropertyKey1", "has space");
                assertThat(ui.robot.lookup("#imageEditProblem").queryAs(Label.class).getText()).contains("has space");
                assertThat(ui.defaultButton().isDisabled()).isTrue();
                ui.type("imagePropertyKey1", "purpose");
                ui.type("imagePropertyValue1", "ui test");
                CheckBox autoUpdate = ui.robot.lookup("#imageAutoUpdate").queryAs(CheckBox.class);
                assertThat(autoUpdate.isSelected()).isTrue();
                assertThat(ui.robot.lookup("#imageEditCommands").queryAs(TextArea.class).getText())
                        .contains("image set-property local:" + fp.substring(0, 12) + " purpose 'ui test'");
                ui.settle();
                ui.screenshotDialog("dialog-image-edit-" + d + "-" + look);

                // Someone else changes the image before Save.
                Tagged<Image> now = client.images().get(fp);
                Map<String, String> theirs = new HashMap<>(now.value().properties());
                theirs.put("serial", "7");
                ImagePut put = now.value().toPut();
                client.images().update(fp, new ImagePut(put.autoUpdate(), theirs, put.isPublic(), put.expiresAt(),
                        put.profiles()), now.etag());
                ui.ok();
                // "Changed elsewhere": the form comes back with both changes.
                ui.waitUntil(20, () -> ui.robot.lookup("#imageDescription").tryQuery().isEmpty()
                        && ui.defaultButton() != null);
                ui.ok();
                ui.waitUntil(20, () -> ui.robot.lookup("#imageDescription").tryQuery().isPresent());
                assertThat(field("imageDescription").getText()).isEqualTo("edited in the window");
                ui.ok();
                ui.waitUntil(20, () -> "ui test".equals(client.images().get(fp).value().properties().get("purpose")));
                Image saved = client.images().get(fp).value();
                assertThat(saved.properties()).containsEntry("description", "edited in the window")
                        .containsEntry("serial", "7").containsEntry("os", "busybox");
                assertThat(saved.autoUpdate()).isTrue();

                ui.contextMenu(alias, "menuRefreshImage");
                String refreshCommand = "image refresh local:" + fp.substring(0, 12);
                ui.waitUntil(60, () -> ui.robot.lookup(".dialog-pane .content").tryQuery()
                        .map(n -> n instanceof Label l && l.getText().contains(refreshCommand)).orElse(false));
                ui.settle();
                ui.screenshotDialog("dialog-image-refresh-" + d + "-" + look);
                ui.ok();
                assertThat(client.images().get(fp).value().properties()).containsEntry("purpose", "ui test");
            } finally {
                delete(client, fp);
                delete(upstream, fp);
            }
        }
    }

    private static TextField field(String id) throws Exception {
        return UiDriver.onFx(() -> (TextField) new org.testfx.api.FxRobot().lookup("#" + id).query());
    }

    private static void delete(LxdClient client, String fp) {
        try {
            client.images().delete(fp).awaitSuccess(Instances.OP_TIMEOUT);
        } catch (NotFoundException never) {
            // not there
        }
    }
}
