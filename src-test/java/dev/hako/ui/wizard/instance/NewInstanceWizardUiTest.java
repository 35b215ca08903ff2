package dev.hako.ui.wizard.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.hako.ui.WizardSteps.button;
import static dev.hako.ui.WizardSteps.next;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.api.Instance;
import dev.hako.model.RemoteModel;
import dev.hako.remote.RemoteConfig;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.SimplestreamsServer;
import dev.hako.testbed.TestBed;
import dev.hako.ui.UiDriver;
import dev.hako.ui.common.I18n;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The new instance wizard clicked through: from the server's own busybox image with an extra
 * profile, the medium limits preset, the root disk on the test pool, cloud-init user-data and
 * start; a taken name refused before anything is sent; then from a self-signed simplestreams
 * server on loopback, pinned through the certificate check, with the download progress shown.
 * LXD in the dark theme and English, Incus in the light theme and Japanese: every page saved.
 */
class NewInstanceWizardUiTest {

    private static SimplestreamsServer images;

    @BeforeAll
    static void start() throws Exception {
        images = SimplestreamsServer.start(0);
    }

    @AfterAll
    static void stop() {
        images.close();
    }


    private static String problem(UiDriver ui) {
        return ui.robot.lookup("#wizardProblem").queryAs(Label.class).getText();
    }


    /** Clicks the table row whose first cell shows {@code alias}. */
    private static void pickImage(UiDriver ui, String alias) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<ImageChoice> table = ui.robot.lookup("#newInstanceImages").queryAs(TableView.class);
        ui.waitUntil(30, () -> table.getItems().stream().anyMatch(c -> c.name().equals(alias)));
        ui.robot.interact(() -> table.scrollTo(table.getItems().stream().filter(c -> c.name().equals(alias))
                .findFirst().orElseThrow()));
        ui.settle();
        ui.waitUntil(10, () -> {
            Node cell = ui.robot.lookup(".table-cell").match(n -> n instanceof TableCell<?, ?> c && c.isVisible()
                    && alias.equals(c.getText())).tryQuery().orElse(null);
            if (cell != null) {
                ui.robot.clickOn(cell);
            }
            var selected = table.getSelectionModel().getSelectedItem();
            return selected != null && selected.name().equals(alias);
        });
    }

    private static <T> void choose(UiDriver ui, String id, T value) {
        @SuppressWarnings("unchecked")
        ChoiceBox<T> box = ui.robot.lookup("#" + id).queryAs(ChoiceBox.class);
        ui.robot.interact(() -> box.setValue(value));
    }

    private static boolean exists(LxdClient client, String name) {
        try {
            client.instances().get(name);
            return true;
        } catch (NotFoundException absent) {
            return false;
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void createsFromOwnImageThenFromASimplestreamsServer(Daemon daemon) throws Exception {
        boolean dark = daemon == Daemon.LXD;
        Locale locale = dark ? Locale.ENGLISH : Locale.JAPANESE;
        String suffix = daemon.name().toLowerCase(Locale.ROOT) + "-" + (dark ? "dark-en" : "light-ja");
        String own = TestBed.uniqueName("wiz");
        String pulled = TestBed.uniqueName("ssw");
        String profile = TestBed.uniqueName("wizprof");
        String pool = TestBed.env("HAKO_TB_POOL");
        try (LxdClient client = TestBed.connect(daemon); UiDriver ui = new UiDriver(daemon).open(dark, locale)) {
            TestBed.cli(daemon, "profile", "create", profile);
            String taken = Instances.createStopped(client, "taken");
            String cloudKey = client.serverInfo().hasExtension("cloud_init") ? "cloud-init.user-data"
                    : "user.user-data";
            try {
                // --- from the server's own image ---
                ui.contextMenu("INSTANCES", "menuCreateInstance");
                ui.waitUntil(20, () -> ui.robot.lookup("#newInstanceImages").tryQuery().isPresent());
                pickImage(ui, TestBed.imageAlias());
                ui.screenshotDialog("newinstance-1-own-image-" + suffix);
                next(ui);

                ui.waitUntil(10, () -> ui.robot.lookup("#newInstanceName").tryQuery().isPresent());
                ui.type("newInstanceName", taken);
                ui.settle();
                assertThat(button(ui, "wizardNext").isDisabled()).isTrue();
                assertThat(problem(ui)).contains(taken);
                ui.screenshotDialog("newinstance-2-name-taken-" + suffix);
                ui.type("newInstanceName", own);
                ui.robot.clickOn("#newInstanceProfile-" + profile);
                choose(ui, "newInstanceLimits", InstanceRequest.Preset.MEDIUM);
                choose(ui, "newInstancePool", pool);
                ui.type("newInstanceUserData", "#cloud-config\nhostname: [unclosed");
                ui.settle();
                assertThat(button(ui, "wizardNext").isDisabled()).isTrue();
                ui.screenshotDialog("newinstance-2-user-data-invalid-" + suffix);
                ui.type("newInstanceUserData", "#cloud-config\nhostname: " + own);
                ui.settle();
                assertThat(problem(ui)).isEmpty();
                ui.screenshotDialog("newinstance-2-settings-" + suffix);
                next(ui);

                String yaml = ui.robot.lookup("#newInstancePreview").queryAs(TextArea.class).getText();
                assertThat(yaml).contains("name: " + own).contains("limits.memory: 2GiB").contains("pool: " + pool)
                        .contains(profile).contains(cloudKey).contains("action: start");
                ui.screenshotDialog("newinstance-3-summary-" + suffix);
                assertThat(exists(client, taken)).isTrue();
                ui.robot.clickOn(button(ui, "wizardFinish"));
                ui.waitUntil(60, () -> exists(client, own)
                        && client.instances().state(own).status().equals("Running"));
                Instance created = client.instances().get(own).value();
                assertThat(created.profiles()).containsExactly("default", profile);
                // The new instance is the tree's selection.
                ui.waitUntil(20, () -> UiDriver.onFx(() -> ui.window().tree().selectedEntries()).stream()
                        .anyMatch(e -> e instanceof dev.hako.ui.tree.TreeEntry.InstanceEntry i
                                && i.instance().name().equals(own)));
                assertThat(created.config()).containsEntry("limits.cpu", "2").containsEntry("limits.memory", "2GiB")
                        .containsEntry(cloudKey, "#cloud-config\nhostname: " + own);
                assertThat(created.devices().get("root")).containsEntry("pool", pool);

                // --- from a simplestreams server whose self-signed certificate the user pins ---
                RemoteModel remote = ui.workspace().remotes().get(0);
                RemoteConfig server = new RemoteConfig("testimages", images.address(),
                        RemoteConfig.Protocol.SIMPLESTREAMS, null, null, null, null);
                images.setBytesPerSecond(Math.max(32 * 1024, images.imageSize() / 8));
                I18n wizardLanguage = new I18n(locale);
                ui.robot.interact(() -> NewInstanceWizard.open(ui.window().scene().getWindow(), wizardLanguage,
                        ui.workspace(), remote, List.of(server), null, made -> { }));
                ui.waitUntil(20, () -> ui.robot.lookup("#newInstanceSource").tryQuery().isPresent());
                @SuppressWarnings("unchecked")
                ChoiceBox<Object> sources = ui.robot.lookup("#newInstanceSource").queryAs(ChoiceBox.class);
                ui.robot.interact(() -> sources.setValue(sources.getItems().get(sources.getItems().size() - 1)));
                ui.waitUntil(20, () -> ui.robot.lookup("#newInstanceTrust").queryAs(Button.class).isVisible());
                ui.settle();
                assertThat(button(ui, "wizardNext").isDisabled()).isTrue();
                ui.screenshotDialog("newinstance-1-untrusted-" + suffix);
                ui.robot.clickOn("#newInstanceTrust");
                java.util.function.Supplier<java.util.Optional<javafx.scene.control.DialogPane>> trustDialog = () ->
                        ui.robot.lookup(".dialog-pane").match(n -> n.getScene() != null
                                && n.getScene().getWindow().isShowing()
                                && ((javafx.scene.control.DialogPane) n).getContentText() != null
                                && ((javafx.scene.control.DialogPane) n).getContentText()
                                .contains(images.certificateFingerprint())).tryQuery()
                                .map(n -> (javafx.scene.control.DialogPane) n);
                ui.waitUntil(15, () -> trustDialog.get().isPresent());
                ui.settle();
                ui.screenshotDialog("newinstance-1-trust-" + suffix);
                ui.robot.clickOn(trustDialog.get().orElseThrow().lookupButton(javafx.scene.control.ButtonType.OK));
                pickImage(ui, SimplestreamsServer.ALIASES.get(0));
                ui.type("newInstanceSearch", "busybox 1");
                ui.settle();
                ui.screenshotDialog("newinstance-1-simplestreams-" + suffix);
                next(ui);
                ui.type("newInstanceName", pulled);
                // The language switches while the wizard is open: it relabels in place and keeps what was typed.
                Locale other = dark ? Locale.JAPANESE : Locale.ENGLISH;
                ui.robot.interact(() -> wizardLanguage.setLocale(other));
                ui.settle();
                String nameLabel = new I18n(other).get("newinstance.name");
                assertThat(ui.robot.lookup(".label").match(n -> n instanceof Label l && nameLabel.equals(l.getText()))
                        .tryQuery()).isPresent();
                assertThat(ui.robot.lookup("#newInstanceName").queryAs(javafx.scene.control.TextField.class)
                        .getText()).isEqualTo(pulled);
                ui.screenshotDialog("newinstance-2-language-switched-" + suffix);
                next(ui);
                yaml = ui.robot.lookup("#newInstancePreview").queryAs(TextArea.class).getText();
                assertThat(yaml).contains("protocol: simplestreams").contains("server: " + images.address())
                        .contains("fingerprint: " + images.imageFingerprint()).contains("pinned certificate");
                ui.robot.clickOn(button(ui, "wizardFinish"));
                // The wizard stays open while the server downloads, and shows how far it got.
                ui.waitUntil(60, () -> ui.robot.lookup("#newInstanceProgress").tryQuery()
                        .map(n -> ((Label) n).getText().contains("%")).orElse(false));
                ui.screenshotDialog("newinstance-3-progress-" + suffix);
                ui.waitUntil(120, () -> exists(client, pulled)
                        && client.instances().state(pulled).status().equals("Running"));
                assertThat(client.instances().get(pulled).value().config())
                        .containsEntry("volatile.base_image", images.imageFingerprint());
            } finally {
                images.setBytesPerSecond(0);
                for (String name : List.of(own, pulled, taken)) {
                    Instances.remove(client, name);
                }
                try {
                    client.images().delete(images.imageFingerprint()).awaitSuccess(Duration.ofSeconds(30));
                } catch (NotFoundException absent) {
                    // never downloaded
                }
                TestBed.cli(daemon, "profile", "delete", profile);
            }
        }
    }
}
