package dev.hako.ui.projects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.api.Project;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import dev.hako.ui.UiDriver;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Create (bad input refused first), rename and delete a project through the window; the server is read back. */
class ProjectsUiTest {

    private static boolean exists(LxdClient client, String name) {
        return client.projects().list().stream().anyMatch(p -> p.name().equals(name));
    }

    @ParameterizedTest
    @CsvSource({"LXD,true,en", "INCUS,false,ja"})
    void createRenameAndDeleteAProject(Daemon daemon, boolean dark, String language) throws Exception {
        String look = daemon.name().toLowerCase(Locale.ROOT) + "-" + (dark ? "dark-" : "light-") + language;
        String name = TestBed.uniqueName("uiproj");
        String renamed = name + "-b";
        try (LxdClient client = TestBed.connect(daemon);
             UiDriver ui = new UiDriver(daemon).open(dark, Locale.forLanguageTag(language))) {
            try {
                ui.contextMenu("PROJECTS", "menuCreateProject");
                ui.waitUntil(10, () -> ui.robot.lookup("#projectName").tryQuery().isPresent());
                ui.type("projectName", "team_a");
                assertThat(ui.robot.lookup("#projectProblem").queryAs(Label.class).getText()).contains("_");
                assertThat(ui.defaultButton().isDisabled()).isTrue();
                ui.type("projectName", name);
                ui.type("project-limits-instances", "ten");
                assertThat(ui.defaultButton().isDisabled()).isTrue();
                ui.type("project-limits-instances", "5");
                ui.type("project-limits-memory", "2GiB");
                ui.type("projectDescription", "made in the window");
                assertThat(ui.robot.lookup("#projectCommand").queryAs(TextArea.class).getText())
                        .contains("project create local:" + name).contains("-c limits.instances=5");
                ui.settle();
                ui.screenshotDialog("dialog-project-create-" + look);
                ui.ok();
                ui.waitUntil(20, () -> exists(client, name));
                Project made = client.projects().get(name).value();
                assertThat(made.description()).isEqualTo("made in the window");
                assertThat(made.config()).containsEntry("limits.instances", "5").containsEntry("limits.memory", "2GiB")
                        .containsEntry("features.images", "true").containsEntry("features.networks", "false");

                ui.expand("PROJECTS");
                ui.contextMenu("project:" + name, "menuRenameProject");
                ui.waitUntil(10, () -> ui.defaultButton() != null);
                ui.robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A).write(renamed);
                ui.ok();
                ui.waitUntil(20, () -> exists(client, renamed) && !exists(client, name));

                ui.contextMenu("project:" + renamed, "menuDeleteProject");
                ui.waitUntil(10, () -> ui.robot.lookup("#confirmField").tryQuery().isPresent());
                ui.type("confirmField", renamed);
                ui.ok();
                ui.waitUntil(20, () -> !exists(client, renamed));
            } finally {
                for (String project : new String[] {name, renamed}) {
                    try {
                        client.projects().delete(project);
                    } catch (NotFoundException gone) {
                        // deleted by the test, or never made
                    }
                }
            }
        }
    }
}
