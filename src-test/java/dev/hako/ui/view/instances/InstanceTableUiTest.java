package dev.hako.ui.view.instances;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.InstanceStatus;
import dev.hako.model.list.InstanceColumn;
import dev.hako.model.list.InstanceRow;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import dev.hako.ui.UiDriver;
import dev.hako.ui.view.lists.ExportFormat;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The instance table against the test-bed daemons: what it shows is what {@code lxc list}
 * prints for the same instances; sort, filters (a bad one too), an action from its menu,
 * and the export.
 */
class InstanceTableUiTest {

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void listsWhatLxcListPrintsAndActsOnItsRows(Daemon daemon) throws Exception {
        String d = daemon.name().toLowerCase(Locale.ROOT);
        String prefix = TestBed.uniqueName("tbl");
        String running = prefix + "-a";
        String stopped = prefix + "-b";
        // On the test bed's bridge, which has no address: the container gets an eth0 and nothing else.
        String bridge = TestBed.env(daemon == Daemon.LXD ? "HAKO_TB_LXD_BRIDGE" : "HAKO_TB_INCUS_BRIDGE");
        TestBed.cli(daemon, "launch", TestBed.imageAlias(), running, "--network", bridge);
        TestBed.cli(daemon, "init", TestBed.imageAlias(), stopped);
        // A documentation-range address, given inside, reaches nothing.
        TestBed.cli(daemon, "exec", running, "--", "/bin/busybox", "ip", "link", "set", "eth0", "up");
        TestBed.cli(daemon, "exec", running, "--", "/bin/busybox", "ip", "addr", "add", "192.0.2.7/24", "dev", "eth0");
        try (LxdClient client = TestBed.connect(daemon); UiDriver ui = new UiDriver(daemon).open(false, Locale.ENGLISH)) {
            ui.waitForRow(running, InstanceStatus.RUNNING);
            ui.click("INSTANCES");
            ui.waitUntil(10, () -> ui.robot.lookup("#instanceTable").tryQuery().isPresent());
            @SuppressWarnings("unchecked")
            TableView<InstanceRow> table = ui.robot.lookup("#instanceTable").queryAs(TableView.class);
            InstanceTableViewModel model = ui.window().instanceTable("local").model();
            ui.robot.interact(() -> model.chooseColumns(List.of(InstanceColumn.NAME, InstanceColumn.STATE,
                    InstanceColumn.IPV4)));
            ui.robot.clickOn("#treeFilter").write(prefix);
            ui.waitUntil(10, () -> table.getItems().size() == 2);
            // The address is read from the instance's state for the rows on screen.
            ui.waitUntil(15, () -> table.getItems().stream().anyMatch(r -> r.ipv4().contains("192.0.2.7 (eth0)")));
            ui.robot.clickOn("#instanceColumn-NAME");
            ui.waitUntil(5, () -> table.getItems().get(0).instance().name().equals(running));
            String cli = TestBed.cli(daemon, "list", prefix, "--format", "csv", "--columns", "ns4");
            assertThat(UiDriver.onFx(() -> model.export(ExportFormat.CSV))).isEqualTo(cli);
            ui.robot.clickOn("#instanceColumn-NAME");
            ui.waitUntil(5, () -> table.getItems().get(0).instance().name().equals(stopped));
            ui.screenshot("instance-table-" + d + "-light-en");

            // An lxc list filter narrows; one that does not parse says why.
            ui.robot.clickOn("#treeFilter").write(" status=running");
            ui.waitUntil(5, () -> table.getItems().size() == 1 && table.getItems().get(0).instance().name()
                    .equals(running));
            ui.robot.write(" status=sleeping");
            ui.waitUntil(5, () -> ui.robot.lookup("#instanceFilterProblem").query().isVisible());
            ui.screenshot("instance-table-bad-filter-" + d + "-light-en");
            for (int i = 0; i < " status=running status=sleeping".length(); i++) {
                ui.robot.push(KeyCode.BACK_SPACE);
            }
            ui.waitUntil(5, () -> table.getItems().size() == 2
                    && !ui.robot.lookup("#instanceFilterProblem").query().isVisible());

            // The row's context menu is the tree's: start the stopped one from the table.
            ui.tableContextMenu(item -> ((InstanceRow) item).instance().name().equals(stopped), "menuStart");
            ui.waitUntil(30, () -> client.instances().get(stopped).value().statusCode() == InstanceStatus.RUNNING);
            ui.waitUntil(10, () -> table.getItems().stream().allMatch(r -> r.instance().running()));

            ui.robot.clickOn("#themeToggle");
            ui.robot.clickOn("#languageChoice");
            ui.robot.clickOn("日本語");
            ui.settle();
            ui.screenshot("instance-table-" + d + "-dark-ja");
        } finally {
            TestBed.cli(daemon, "delete", "--force", running);
            TestBed.cli(daemon, "delete", "--force", stopped);
        }
    }
}
