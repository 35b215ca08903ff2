package dev.hako.ui.imageservers;

import static dev.hako.ui.WizardSteps.button;
import static dev.hako.ui.WizardSteps.next;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.api.Image;
import dev.hako.remote.RemoteConfig;
import dev.hako.remote.simplestreams.SimplestreamsImage;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.SimplestreamsServer;
import dev.hako.testbed.TestBed;
import dev.hako.ui.UiDriver;
import dev.hako.ui.tree.TreeEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The image servers in the tree: the CLI's built-ins of the daemon's kind (which cannot be reached
 * here, and say so) and a saved simplestreams server on loopback, whose busybox image is browsed
 * and copied into the remote with an alias and auto-update, checked through the API. LXD in the
 * dark theme and English, Incus in the light theme and Japanese.
 */
class ImageServersUiTest {

    private static SimplestreamsServer images;

    @BeforeAll
    static void start() throws Exception {
        images = SimplestreamsServer.start(0);
    }

    @AfterAll
    static void stop() {
        images.close();
    }

    private static List<String> imageServerNames(UiDriver ui) throws Exception {
        return UiDriver.onFx(() -> {
            List<String> names = new ArrayList<>();
            for (TreeItem<TreeEntry> top : ui.window().tree().view().getRoot().getChildren()) {
                if (top.getValue() instanceof TreeEntry.ImageServersEntry) {
                    top.getChildren().forEach(row -> names.add(((TreeEntry.ImageServerEntry) row.getValue())
                            .server().name()));
                }
            }
            return names;
        });
    }

    /** Clicks the tree row of the image server named {@code name} until it is the selection. */
    private static void open(UiDriver ui, String name) throws Exception {
        java.util.function.Predicate<Node> row = n -> n instanceof TreeCell<?> c && c.isVisible() && !c.isEmpty()
                && c.getItem() instanceof TreeEntry.ImageServerEntry e && e.server().name().equals(name);
        ui.waitUntil(20, () -> {
            Node cell = ui.robot.lookup(".tree-cell").match(row).tryQuery().orElse(null);
            if (cell == null) {
                return false;
            }
            ui.robot.clickOn(cell);
            TreeItem<TreeEntry> selected = ui.window().tree().view().getSelectionModel().getSelectedItem();
            return selected != null && selected.getValue() instanceof TreeEntry.ImageServerEntry e
                    && e.server().name().equals(name);
        });
    }

    private static String status(UiDriver ui) {
        return ui.robot.lookup("#imageServerStatus").queryAs(Label.class).getText();
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void browsesAndCopiesFromAnImageServer(Daemon daemon) throws Exception {
        boolean dark = daemon == Daemon.LXD;
        Locale locale = dark ? Locale.ENGLISH : Locale.JAPANESE;
        String suffix = daemon.name().toLowerCase(Locale.ROOT) + "-" + (dark ? "dark-en" : "light-ja");
        String alias = TestBed.uniqueName("ssimg");
        String made = null;
        try (LxdClient client = TestBed.connect(daemon); UiDriver ui = new UiDriver(daemon).open(dark, locale)) {
            try {
                // The user saved the loopback server and pinned its self-signed certificate.
                RemoteConfig saved = new RemoteConfig("testimages", images.address(),
                        RemoteConfig.Protocol.SIMPLESTREAMS, null, images.certificatePem(),
                        images.certificateFingerprint(), null);
                ui.robot.interact(() -> ui.workspace().setSavedImageServers(List.of(saved)));
                List<String> expected = daemon == Daemon.LXD ? List.of("images", "ubuntu", "ubuntu-daily", "testimages")
                        : List.of("images", "testimages");
                ui.waitUntil(20, () -> imageServerNames(ui).equals(expected));

                // A built-in server: nothing is read until it is opened; here it cannot be reached, and says so.
                open(ui, "images");
                String[] unreachable = new dev.hako.ui.common.I18n(locale).format("imageservers.unreachable",
                        "\u0000").split("\u0000");
                ui.waitUntil(40, () -> status(ui).startsWith(unreachable[0]) && status(ui).endsWith(unreachable[1]));
                ui.settle();
                ui.screenshot("imageservers-1-unreachable-" + suffix);

                // The saved loopback server: its busybox image is listed.
                open(ui, "testimages");
                @SuppressWarnings("unchecked")
                TableView<SimplestreamsImage> table = ui.robot.lookup("#imageServerImages").queryAs(TableView.class);
                ui.waitUntil(30, () -> table.getItems().stream()
                        .anyMatch(i -> i.aliases().contains(SimplestreamsServer.ALIASES.get(0))));
                ui.robot.interact(() -> table.getSelectionModel().select(0));
                ui.settle();
                String command = ui.robot.lookup("#imageServerCommand").queryAs(TextArea.class).getText();
                assertThat(command).startsWith(daemon == Daemon.LXD ? "lxc image list testimages:"
                        : "incus image list testimages:");
                ui.screenshot("imageservers-2-browser-" + suffix);

                // Copy to the remote with an alias and auto-update.
                ui.robot.clickOn("#imageServerCopy");
                ui.waitUntil(10, () -> ui.robot.lookup("#imageCopyAliases").tryQuery().isPresent());
                ui.type("imageCopyAliases", alias);
                ui.settle();
                assertThat(ui.robot.lookup("#imageCopyAutoUpdate").queryAs(CheckBox.class).isSelected()).isTrue();
                String copyLine = ui.robot.lookup("#imageCopyCommand").queryAs(TextArea.class).getText();
                assertThat(copyLine).isEqualTo(daemon.name().equals("LXD") ? "lxc image copy testimages:busybox/1 "
                        + remoteName(ui) + ": --alias " + alias + " --auto-update"
                        : "incus image copy testimages:busybox/1 " + remoteName(ui) + ": --alias " + alias
                        + " --auto-update");
                ui.screenshotDialog("imageservers-3-copy-" + suffix);
                ui.ok();

                ui.waitUntil(120, () -> client.images().aliases().stream().anyMatch(a -> a.name().equals(alias)));
                Image copied = client.images().get(images.imageFingerprint()).value();
                assertThat(copied.autoUpdate()).isTrue();
                assertThat(copied.aliases()).extracting(Image.ImageAlias::name).contains(alias);
                ui.waitUntil(20, () -> ui.robot.lookup("#imageServerActivity").queryAs(Label.class).getText()
                        .contains(Image.shortFingerprint(images.imageFingerprint())));
                ui.settle();
                ui.screenshot("imageservers-4-copied-" + suffix);

                // Launch… opens the new instance wizard on that image; left without a name, the server names it.
                java.util.Set<String> before = new java.util.HashSet<>(client.instances().names());
                ui.robot.clickOn("#imageServerLaunch");
                ui.waitUntil(20, () -> ui.robot.lookup("#newInstanceImages").tryQuery().isPresent());
                ui.waitUntil(30, () -> !button(ui, "wizardNext").isDisabled());
                ui.screenshotDialog("imageservers-5-launch-" + suffix);
                next(ui);
                ui.waitUntil(10, () -> ui.robot.lookup("#newInstanceName").tryQuery().isPresent());
                next(ui);
                ui.waitUntil(10, () -> ui.robot.lookup("#newInstanceServerChoosesName").tryQuery()
                        .map(Node::isVisible).orElse(false));
                String launchLine = ui.robot.lookup("#newInstanceCommand").queryAs(TextArea.class).getText();
                assertThat(launchLine).startsWith((daemon == Daemon.LXD ? "lxc" : "incus")
                        + " launch testimages:busybox/1 -p default");
                ui.screenshotDialog("imageservers-6-nameless-" + suffix);
                ui.robot.clickOn(button(ui, "wizardFinish"));
                ui.waitUntil(120, () -> client.instances().names().stream().anyMatch(n -> !before.contains(n)));
                made = client.instances().names().stream().filter(n -> !before.contains(n)).findFirst().orElseThrow();
                String chosen = made;
                // The new instance is the tree's selection, under the name the server gave it.
                ui.waitUntil(30, () -> UiDriver.onFx(() -> ui.window().tree().selectedEntries()).stream()
                        .anyMatch(e -> e instanceof TreeEntry.InstanceEntry i && i.instance().name().equals(chosen)));
            } finally {
                if (made != null) {
                    dev.hako.testbed.Instances.remove(client, made);
                }
                try {
                    client.images().delete(images.imageFingerprint()).awaitSuccess(Duration.ofSeconds(30));
                } catch (NotFoundException absent) {
                    // never copied
                }
            }
        }
    }

    private static String remoteName(UiDriver ui) {
        return ui.workspace().remotes().get(0).name();
    }
}
