package dev.hako.ui.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.api.Profile;
import dev.hako.lxd.api.ProfilesPost;
import dev.hako.lxd.api.ProjectsPost;
import dev.hako.model.RemoteModel;
import dev.hako.remote.RemotesFile;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import dev.hako.ui.Screenshots;
import dev.hako.ui.TreeRows;
import dev.hako.ui.UiDriver;
import dev.hako.ui.projects.ProjectSwitch;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Through the window, on both servers: a profile's nic and root disk pick their network and pool
 * from the remote's lists (read back through the API), a typed network the remote lacks is
 * warned about, the profile is renamed, and the remote is switched to another project and back
 * (its tree and remotes.yml follow).
 */
class ProfileReferencesUiTest {

    @ParameterizedTest
    @CsvSource({"LXD,true,en", "INCUS,false,ja"})
    void devicesPickWhatExistsProfilesRenameAndTheRemoteSwitchesProject(Daemon daemon, boolean dark, String language)
            throws Exception {
        String look = daemon.name().toLowerCase(Locale.ROOT) + "-" + (dark ? "dark-" : "light-") + language;
        String bridge = TestBed.env(daemon == Daemon.LXD ? "HAKO_TB_LXD_BRIDGE" : "HAKO_TB_INCUS_BRIDGE");
        String pool = TestBed.env("HAKO_TB_POOL");
        String profile = TestBed.uniqueName("uiref");
        String renamed = profile + "-b";
        String project = TestBed.uniqueName("uisw");
        String instance = null;
        try (LxdClient client = TestBed.connect(daemon);
             UiDriver ui = new UiDriver(daemon).open(dark, Locale.forLanguageTag(language))) {
            try {
                client.profiles().create(new ProfilesPost(profile, "", Map.of(), Map.of()));
                ui.expand("PROFILES");
                ui.click(profile);
                ui.waitUntil(20, () -> tabPane(ui, "configurationTab").isPresent());
                selectTab(ui, "configurationTab");
                ui.waitUntil(20, () -> tabPane(ui, "devicesTab").isPresent());
                selectTab(ui, "devicesTab");

                // A nic whose network is picked from the remote's managed networks.
                addDevice(ui, "eth0", "nic");
                pick(ui, "device-network", bridge);
                assertThat(warnings(ui)).isEmpty();
                // A root disk whose pool is picked from the remote's pools.
                addDevice(ui, "root", "disk");
                setText(ui, "device-path", "/");
                ui.settle();
                ui.robot.clickOn(ui.robot.lookup("#device-pool .arrow-button").queryAs(Node.class));
                ui.waitUntil(10, () -> listCell(ui, pool).isPresent());
                ui.screenshot("devices-pick-pool-" + look);
                Screenshots.save(ui.robot.capture(javafx.stage.Screen.getPrimary().getBounds()).getImage(),
                        "devices-pick-pool-open-" + look);
                ui.robot.clickOn(listCell(ui, pool).orElseThrow());
                ui.waitUntil(10, () -> pool.equals(UiDriver.onFx(() -> comboText(ui, "device-pool"))));
                save(ui);
                ui.waitUntil(20, () -> client.profiles().get(profile).value().devices().containsKey("root"));
                Profile saved = client.profiles().get(profile).value();
                assertThat(saved.devices().get("eth0")).containsEntry("type", "nic").containsEntry("network", bridge);
                assertThat(saved.devices().get("root")).containsEntry("type", "disk").containsEntry("path", "/")
                        .containsEntry("pool", pool);

                // A typed network the remote does not have: named in a warning, the save stays possible.
                addDevice(ui, "eth1", "nic");
                typeInto(ui, "device-network", "lxdbr1");
                ui.waitUntil(10, () -> warnings(ui).contains("lxdbr1"));
                assertThat(warnings(ui)).contains("local");
                assertThat(ui.robot.lookup("#saveButton").queryAs(Button.class).isDisabled()).isFalse();
                ui.screenshot("devices-missing-network-" + look);
                ui.robot.interact(() -> ui.robot.lookup("#discardButton").queryAs(Button.class).fire());
                ui.waitUntil(10, () -> !UiDriver.onFx(() -> ui.robot.lookup("#deviceList").queryListView().getItems()
                        .contains("eth1")));

                // Rename: bad input is refused before anything is sent, then the rename is read back.
                ui.contextMenu(profile, "menuRenameProfile");
                ui.waitUntil(10, () -> ui.robot.lookup("#profileNewName").tryQuery().isPresent());
                ui.type("profileNewName", "web server");
                assertThat(ui.robot.lookup("#profileRenameProblem").queryAs(Label.class).getText()).isNotEmpty();
                assertThat(ui.defaultButton().isDisabled()).isTrue();
                ui.type("profileNewName", renamed);
                ui.waitUntil(5, () -> !ui.defaultButton().isDisabled());
                assertThat(ui.robot.lookup("#profileCommand").queryAs(TextArea.class).getText())
                        .contains("profile rename local:" + profile + " " + renamed);
                ui.settle();
                ui.screenshotDialog("dialog-profile-rename-" + look);
                ui.ok();
                ui.waitUntil(20, () -> client.profiles().list().stream().anyMatch(p -> p.name().equals(renamed))
                        && client.profiles().list().stream().noneMatch(p -> p.name().equals(profile)));
                assertThat(client.profiles().get(renamed).value().devices()).containsKey("eth0");

                // Another project, with an instance of its own; the window keeps its choice in remotes.yml.
                client.projects().create(new ProjectsPost(project, "", Map.of("features.profiles", "false",
                        "features.images", "false")));
                try (LxdClient inProject = LxdClient.connect(new Endpoint.UnixSocket(TestBed.socket(daemon)),
                        project)) {
                    instance = Instances.createStopped(inProject, "uisw");
                }
                String made = instance;
                ProjectSwitch.useRemotesFile(RemotesFile.load(ui.configDirectory()), ui.workspace());
                RemoteModel remote = ui.workspace().remotes().get(0);
                ui.waitUntil(20, () -> remote.projects().snapshot().containsKey(project));
                ui.contextMenu("remote:" + remote.name(), "menuProject");
                ui.waitUntil(10, () -> showing(ui, "#menuProject-" + project).isPresent());
                ui.settle();
                Screenshots.save(ui.robot.capture(javafx.stage.Screen.getPrimary().getBounds()).getImage(),
                        "menu-remote-project-" + look);
                // Sideways into the submenu first, as a person does: a diagonal path closes it on the way.
                ui.robot.moveTo(showing(ui, "#menuProject-default").orElseThrow());
                ui.robot.clickOn(showing(ui, "#menuProject-" + project).orElseThrow());
                ui.waitUntil(30, () -> TreeRows.instance(ui.window().tree().view(), made).isPresent());
                assertThat(remote.project()).isEqualTo(project);
                ui.waitUntil(10, () -> project.equals(RemotesFile.load(ui.configDirectory()).find(remote.name())
                        .orElseThrow().project()));
                ui.screenshot("tree-switched-project-" + look);

                // Back to the default project from the project's own menu.
                ui.expand("PROJECTS");
                ui.contextMenu("project:default", "menuUseProject");
                ui.waitUntil(30, () -> TreeRows.instance(ui.window().tree().view(), made).isEmpty()
                        && remote.project() == null);
                ui.waitUntil(10, () -> RemotesFile.load(ui.configDirectory()).find(remote.name()).orElseThrow()
                        .project() == null);
            } finally {
                ProjectSwitch.useRemotesFile(null, null);
                if (instance != null) {
                    try (LxdClient inProject = LxdClient.connect(new Endpoint.UnixSocket(TestBed.socket(daemon)),
                            project)) {
                        Instances.remove(inProject, instance);
                    }
                }
                for (String name : new String[] {profile, renamed}) {
                    try {
                        client.profiles().delete(name);
                    } catch (NotFoundException gone) {
                        // renamed by the test, or never made
                    }
                }
                try {
                    client.projects().delete(project);
                } catch (NotFoundException gone) {
                    // never made
                }
            }
        }
    }

    private static Optional<TabPane> tabPane(UiDriver ui, String tabId) {
        return ui.robot.lookup(".tab-pane").match(n -> n instanceof TabPane t && t.getTabs().stream()
                .anyMatch(tab -> tabId.equals(tab.getId()))).tryQuery().map(n -> (TabPane) n);
    }

    private static void selectTab(UiDriver ui, String id) {
        TabPane tabs = tabPane(ui, id).orElseThrow();
        ui.robot.interact(() -> {
            for (Tab t : tabs.getTabs()) {
                if (id.equals(t.getId())) {
                    tabs.getSelectionModel().select(t);
                }
            }
        });
    }

    private static void setText(UiDriver ui, String id, String text) {
        TextField field = ui.robot.lookup("#" + id).queryAs(TextField.class);
        ui.robot.interact(() -> field.setText(text));
    }

    private static void addDevice(UiDriver ui, String name, String type) throws Exception {
        setText(ui, "newDeviceName", name);
        @SuppressWarnings("unchecked")
        ComboBox<String> types = ui.robot.lookup("#newDeviceType").queryAs(ComboBox.class);
        ui.robot.interact(() -> {
            types.setValue(type);
            ui.robot.lookup("#addDevice").queryAs(Button.class).fire();
        });
        ui.waitUntil(10, () -> ui.robot.lookup("#device-" + (type.equals("nic") ? "network" : "pool")).tryQuery()
                .isPresent());
    }

    /** Opens an editable combo box's list and clicks the entry, as a person picks. */
    private static void pick(UiDriver ui, String id, String entry) throws Exception {
        ui.settle();
        ui.waitUntil(10, () -> {
            if (listCell(ui, entry).isEmpty()) {
                ui.robot.clickOn(ui.robot.lookup("#" + id + " .arrow-button").queryAs(Node.class));
            }
            return listCell(ui, entry).isPresent();
        });
        ui.robot.clickOn(listCell(ui, entry).orElseThrow());
        ui.waitUntil(10, () -> entry.equals(UiDriver.onFx(() -> comboText(ui, id))));
    }

    private static void typeInto(UiDriver ui, String id, String text) {
        ui.settle();
        ui.robot.clickOn(ui.robot.lookup("#" + id + " .text-field").queryAs(Node.class));
        ui.robot.push(KeyCode.CONTROL, KeyCode.A).eraseText(1);
        ui.robot.write(text);
    }

    private static String comboText(UiDriver ui, String id) {
        return ((ComboBox<?>) ui.robot.lookup("#" + id).query()).getEditor().getText();
    }

    private static Optional<Node> listCell(UiDriver ui, String text) {
        return ui.robot.lookup(".combo-box-popup .list-cell").match(n -> n instanceof javafx.scene.control.ListCell<?> c
                && text.equals(c.getText()) && c.isVisible() && c.getScene().getWindow().isShowing()).tryQuery();
    }

    private static Optional<Node> showing(UiDriver ui, String query) {
        return ui.robot.lookup(query).match(n -> n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing() && n.isVisible()).tryQuery();
    }

    private static String warnings(UiDriver ui) {
        return ui.robot.lookup("#deviceWarnings").tryQuery().map(n -> (Label) n)
                .filter(Node::isVisible).map(Label::getText).orElse("");
    }

    private static void save(UiDriver ui) throws Exception {
        ui.robot.interact(() -> ui.robot.lookup("#saveButton").queryAs(Button.class).fire());
        ui.waitUntil(20, () -> ui.robot.lookup("#confirmSave").tryQuery().filter(Node::isVisible).isPresent());
        ui.robot.interact(() -> ui.robot.lookup("#confirmSave").queryAs(Button.class).fire());
    }
}
